package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operational map in headless Chromium (WebGL through SwiftShader), as a person uses it: the layers drawn
 * from vector tiles over the offline basemap, clusters at region zoom, a pop-up opened by a click and its link
 * followed, the time slider narrowing the dated layers; on a desktop and at phone width.
 */
@CustodianIntegrationTest
class OperationalMapBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    /** Waits until the map has drawn everything it asked for. */
    private static void idle(Page page) {
        page.evaluate("() => new Promise((resolve) => { const m = document.getElementById('map').map;"
                + " m.once('idle', () => resolve(true)); m.triggerRepaint(); })");
    }

    /** What the map draws of a layer, as the page describes it (handed over as JSON text). */
    private static List<Map<String, Object>> rendered(Page page, String layer) {
        String json =
                (String) page.evaluate("id => JSON.stringify(document.getElementById('map').rendered(id))", layer);
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readValue(json, new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    }

    private static Page ready(Page page) {
        page.waitForSelector("#map[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(90_000));
        idle(page);
        return page;
    }

    /** An incident of 2025 a few hundred metres from the first of Aghdam's; its position. */
    private double[] laterIncidentBesideAghdams() {
        Api admin = Api.at(port).asAdmin();
        var first =
                admin.get("/api/incidents?region=AGD").json().get("features").get(0);
        var point = org.custodian.geo.GeoJsonModule.read(
                        "g", first.get("geometry").toString())
                .getCoordinate();
        Map<String, Object> casualties = new java.util.LinkedHashMap<>();
        for (String who : List.of("Civilian", "Police", "Military", "Deminer", "Children")) {
            casualties.put("killed" + who, 0);
            casualties.put("injured" + who, 0);
        }
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("regionCode", "AGD");
        p.put("type", "SHELLING");
        p.put("occurredAt", "2025-01-15T09:00:00Z");
        p.put("description", "Shelling reported near the map test's village");
        p.put("casualties", casualties);
        p.put("sources", List.of());
        double[] at = {point.x + 0.003, point.y + 0.002};
        assertThat(admin.post(
                                "/api/incidents",
                                Api.json(Map.of(
                                        "type",
                                        "Feature",
                                        "geometry",
                                        Map.of("type", "Point", "coordinates", List.of(at[0], at[1])),
                                        "properties",
                                        p)))
                        .status())
                .isEqualTo(201);
        return new double[] {point.x, point.y};
    }

    @Test
    void drawsTheLayersClustersPopUpsAndTheTimeSliderOnADesktop() {
        double[] aghdam = laterIncidentBesideAghdams();
        Page page = ready(chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, 1440, 900));
        assertThat(page.locator(".region-label").allTextContents()).contains("Aghdam", "Shusha", "Khankendi");
        assertThat(rendered(page, "hazard-areas")).isNotEmpty();
        assertThat(rendered(page, "settlements")).isNotEmpty();
        // The basemap is drawn from the bundled Natural Earth countries, under the layers.
        assertThat(page.evaluate("() => document.getElementById('map').map"
                        + ".queryRenderedFeatures({layers: ['land']}).length"))
                .isNotEqualTo(0);
        assertThat(page.locator("#layer-list [data-layer-item=incidents] .legend li")
                        .count())
                .isGreaterThanOrEqualTo(3);

        // Region zoom: the incidents near each other are grouped, with their count written on the cluster.
        page.evaluate("() => { document.getElementById('map').map.jumpTo({zoom: 7}); }");
        idle(page);
        List<Map<String, Object>> wide = rendered(page, "incidents");
        assertThat(wide).anySatisfy(f -> assertThat(f.get("count"))
                .isInstanceOfSatisfying(
                        Number.class, n -> assertThat(n.intValue()).isGreaterThan(1)));
        Chromium.screenshot(page, "operational-map-clusters");

        // Street zoom over Aghdam's incidents, one of them recorded later: each one alone, dated.
        page.evaluate(
                "c => { document.getElementById('map').map.jumpTo({center: c, zoom: 13}); }",
                List.of(aghdam[0], aghdam[1]));
        idle(page);
        List<Map<String, Object>> near = rendered(page, "incidents");
        assertThat(near).isNotEmpty().allSatisfy(f -> assertThat(f.get("count")).isNull());
        assertThat(near).allSatisfy(f -> assertThat((String) f.get("date")).matches("\\d{4}-\\d\\d-\\d\\d"));

        // The time slider: the earliest day keeps only what happened by then.
        String earliest = near.stream()
                .map(f -> (String) f.get("date"))
                .min(String::compareTo)
                .orElseThrow();
        String latest = near.stream()
                .map(f -> (String) f.get("date"))
                .max(String::compareTo)
                .orElseThrow();
        assertThat(earliest).isLessThan(latest);
        page.evaluate(
                "day => { const s = document.getElementById('time-slider');"
                        + " const cfg = JSON.parse(document.getElementById('map-config').textContent);"
                        + " const start = Math.min(...cfg.layers.filter(l => l.first).map(l => Date.parse(l.first)));"
                        + " s.value = String(Math.round((Date.parse(day) - start) / 86400000));"
                        + " s.dispatchEvent(new Event('input')); }",
                earliest);
        page.waitForSelector("#map[data-until='" + earliest + "']");
        idle(page);
        List<Map<String, Object>> until = rendered(page, "incidents");
        assertThat(until.size()).isLessThan(near.size());
        assertThat(until).allSatisfy(f -> assertThat((String) f.get("date")).isLessThanOrEqualTo(earliest));
        assertThat(page.locator("#time-value").textContent()).isNotBlank();
        page.click("#time-all");
        page.waitForSelector("#map[data-until='']");
        idle(page);
        assertThat(rendered(page, "incidents")).hasSameSizeAs(near);

        // A click on an incident: its pop-up in the reader's words, and its link to the record's page.
        Map<String, Object> one = rendered(page, "incidents").getFirst();
        List<?> at = (List<?>) one.get("at");
        var box = page.locator("#map canvas").boundingBox();
        page.mouse().click(box.x + ((Number) at.get(0)).doubleValue(), box.y + ((Number) at.get(1)).doubleValue());
        page.waitForSelector(".maplibregl-popup .popup-card");
        assertThat(page.innerText(".maplibregl-popup")).contains("Status", "Type");
        Chromium.screenshot(page, "operational-map-desktop");
        String link = page.getAttribute(".maplibregl-popup a.popup-open", "href");
        assertThat(link).isEqualTo("/incidents/" + one.get("id"));
        page.click(".maplibregl-popup a.popup-open");
        page.waitForURL("**" + link);
    }

    @Test
    void aPhoneOpensTheLayersAndLegendInADrawerAndReadsAPopUpInRussian() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.navigate("http://127.0.0.1:" + port + "/?lang=ru");
        ready(page);
        assertThat(page.isVisible("#layers-panel")).isFalse();
        assertThat(page.locator(".region-label").allTextContents()).contains("Агдам");
        Chromium.screenshot(page, "operational-map-phone");
        page.click("#layers-toggle");
        assertThat(page.isVisible("#layers-panel")).isTrue();
        assertThat(page.isVisible("#layer-list [data-layer-item=hazard-areas] .legend"))
                .isTrue();
        var panel = page.locator("#layers-panel").boundingBox();
        assertThat(panel.width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(page, "operational-map-phone-layers");
        // A layer switched off in the drawer is no longer drawn.
        page.click("#layer-list input[data-layer=hazard-areas]");
        idle(page);
        assertThat(rendered(page, "hazard-areas")).isEmpty();
        page.click("#layer-list input[data-layer=hazard-areas]");
        page.click("#layers-toggle");
        idle(page);
        assertThat(rendered(page, "hazard-areas")).isNotEmpty();

        Map<String, Object> area = rendered(page, "hazard-areas").stream()
                .filter(f -> f.get("id") != null)
                .findFirst()
                .orElseThrow();
        page.evaluate(
                "a => document.getElementById('map').openPopup('hazard-areas', a.id,"
                        + " document.getElementById('map').map.getCenter()).then(() => true)",
                area);
        page.waitForSelector(".maplibregl-popup .popup-card");
        assertThat(page.innerText(".maplibregl-popup")).contains("Опасные районы", "Статус");
        assertThat(page.getAttribute(".maplibregl-popup a.popup-open", "href"))
                .startsWith("/mine-action/hazard-areas/");
        Chromium.screenshot(page, "operational-map-phone-popup");
    }
}
