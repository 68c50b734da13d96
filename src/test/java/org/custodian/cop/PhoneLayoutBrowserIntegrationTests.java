package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every page on a phone held upright (390 CSS pixels): nothing wider than the screen, the menu folded behind
 * one button and readable when opened, the map's layers in a drawer. Screenshots land in target/screenshots.
 */
@CustodianIntegrationTest
class PhoneLayoutBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final java.util.regex.Pattern RAW_CODE =
            java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");

    /** Cells of tables shown as cards (a label column, then the value) with an element left of the value. */
    static final String MISPLACED_IN_CARDS = "() => [...document.querySelectorAll('table.data td[data-label]')]"
            + ".filter(td => { const s = getComputedStyle(td); if (s.display !== 'grid') return false;"
            + " const x = td.getBoundingClientRect().left + parseFloat(s.paddingLeft)"
            + " + parseFloat(s.gridTemplateColumns) + (parseFloat(s.columnGap) || 0);"
            + " return [...td.children].some(c => { const r = c.getBoundingClientRect();"
            + " return r.width > 0 && r.left < x - 1; }); }).length";

    @LocalServerPort
    int port;

    private Map<String, String> pages() {
        Api admin = Api.at(port).asAdmin();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("map", "/");
        pages.put("regions", "/regions");
        pages.put("region", "/regions/AGD");
        pages.put("region-new", "/regions/new");
        pages.put("region-edit", "/regions/AGD/edit");
        pages.put("settlement-new", "/regions/AGD/settlements/new");
        pages.put(
                "settlement-edit",
                "/regions/AGD/settlements/"
                        + first(admin.get("/api/settlements?region=AGD").json()) + "/edit");
        pages.put("agencies", "/agencies");
        pages.put("agency-new", "/agencies/new");
        pages.put(
                "agency-edit",
                "/agencies/"
                        + admin.get("/api/agencies").json().get(0).get("id").asLong() + "/edit");
        pages.put("facilities", "/facilities");
        pages.put(
                "facility", "/facilities/" + first(admin.get("/api/facilities").json()));
        pages.put("facility-new", "/facilities/new");
        pages.put("assets", "/assets");
        pages.put("asset", "/assets/" + first(admin.get("/api/assets").json()));
        pages.put("mine-action", "/mine-action");
        pages.put(
                "hazard-area",
                "/mine-action/hazard-areas/"
                        + first(admin.get("/api/hazard-areas").json()));
        pages.put("accident-new", "/mine-action/accidents/new");
        pages.put("find-new", "/mine-action/finds/new");
        pages.put("incidents", "/incidents");
        pages.put("incident", "/incidents/" + first(admin.get("/api/incidents").json()));
        pages.put("incident-new", "/incidents/new");
        pages.put("review", "/incidents/review");
        pages.put("monitoring", "/monitoring?date=2023-09-19");
        pages.put("dashboards", "/dashboards");
        pages.put("region-dashboard", "/regions/AGD/dashboard");
        pages.put("sitrep-form", "/reports/sitrep");
        pages.put("custody", "/custody");
        pages.put(
                "custody-item",
                "/custody/items/"
                        + admin.get("/api/custody/items")
                                .json()
                                .get(0)
                                .get("id")
                                .asLong());
        pages.put("custody-ledger", "/custody/ledger");
        pages.put(
                "custody-batch",
                "/custody/batches/"
                        + admin.get("/api/custody/batches")
                                .json()
                                .get(0)
                                .get("id")
                                .asLong());
        pages.put("custody-item-new", "/custody/items/new");
        pages.put("accounts", "/accounts");
        pages.put("account-new", "/accounts/new");
        pages.put("account", "/accounts/admin");
        pages.put("tokens", "/tokens");
        pages.put("hazard-area-new", "/mine-action/hazard-areas/new");
        pages.put("corridors", "/corridors");
        pages.put("corridor", "/corridors/" + first(admin.get("/api/corridors").json()));
        pages.put("convoys", "/convoys");
        pages.put("convoy", "/convoys/" + first(admin.get("/api/convoys").json()));
        pages.put("evacuations", "/evacuations");
        pages.put(
                "evacuation",
                "/evacuations/" + first(admin.get("/api/evacuations").json()));
        pages.put("shelters", "/shelters");
        pages.put("shelter", "/shelters/" + first(admin.get("/api/shelters").json()));
        pages.put("notifications", "/notifications");
        pages.put("sources", "/sources");
        pages.put("source-new", "/sources/new");
        pages.put(
                "source",
                "/sources/" + admin.get("/api/sources").json().get(0).get("id").asLong());
        long group = admin.get("/api/working-groups").json().get(0).get("id").asLong();
        pages.put("working-groups", "/working-groups");
        pages.put("working-group", "/working-groups/" + group);
        pages.put(
                "meeting",
                "/meetings/"
                        + admin.get("/api/meetings?group=" + group)
                                .json()
                                .get(0)
                                .get("id")
                                .asLong());
        pages.put("my-action-items", "/action-items/mine");
        pages.put("outreach", "/outreach");
        pages.put("beneficiaries", "/beneficiaries");
        pages.put("audit", "/audit?verify=true");
        pages.put("backups", "/backups");
        pages.put("asset-new", "/assets/new");
        pages.put("custody-site-new", "/custody/sites/new");
        pages.put("custody-batch-new", "/custody/batches/new");
        pages.put("hazard-area-import", "/mine-action/hazard-areas/import");
        pages.put("routes", "/routes");
        pages.put("closed-roads", "/closed-roads");
        pages.put("road-network", "/road-network");
        pages.put("alerts", "/alerts");
        pages.put("alert-new", "/alerts/new");
        pages.put("subscribers", "/subscribers");
        pages.put("fieldcollect", "/fieldcollect");
        pages.put("fieldcollect-keys", "/fieldcollect/keys");
        return pages;
    }

    private static long first(JsonNode collection) {
        return collection.get("features").get(0).get("id").asLong();
    }

    /**
     * Every language: Azerbaijani, Russian and Armenian words are longer than English ones. A layout does not
     * depend on the database, so when the suite runs on both, each half takes two of the four.
     */
    static Stream<String> languages() {
        List<String> all = List.of("en", "az", "ru", "hy");
        return java.util.stream.IntStream.range(0, all.size())
                .filter(TestDatabase::runsCase)
                .mapToObj(all::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void noPageIsWiderThanAPhone(String language) {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.navigate("http://127.0.0.1:" + port + "/?lang=" + language);
        List<String> tooWide = new ArrayList<>(); // and codes shown raw
        for (Map.Entry<String, String> p : pages().entrySet()) {
            page.navigate("http://127.0.0.1:" + port + p.getValue());
            page.waitForLoadState();
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > Chromium.PHONE_WIDTH) {
                tooWide.add(p.getValue() + " is " + width + " px wide in " + language);
            }
            // A code such as IN_CUSTODY or AGE_60_PLUS is shown to a person by its name, never as it is stored;
            // except in the audit trail, whose point is to show each record's state exactly as it was stored.
            java.util.regex.Matcher code = RAW_CODE.matcher(page.innerText("main"));
            if (!p.getValue().startsWith("/audit") && code.find()) {
                tooWide.add(p.getValue() + " shows the code " + code.group() + " in " + language);
            }
            // A table shown as cards keeps all a cell holds beside its label, not under it.
            int misplaced = ((Number) page.evaluate(MISPLACED_IN_CARDS)).intValue();
            if (misplaced > 0) {
                tooWide.add(
                        p.getValue() + " has " + misplaced + " cells with content under their label in " + language);
            }
            assertThat(page.locator("html").getAttribute("lang"))
                    .as(p.getValue())
                    .isEqualTo(language);
            Chromium.screenshot(page, "phone-" + (language.equals("en") ? "" : language + "-") + p.getKey());
        }
        assertThat(tooWide).isEmpty();
    }

    @Test
    void theMenuFoldsBehindOneButtonAndReadsWhenOpened() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.navigate("http://127.0.0.1:" + port + "/incidents");
        assertThat(page.isVisible("header.shell nav a[href='/custody']")).isFalse();
        page.click("#menu-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/custody']")).isTrue();
        // Each link stands out from what is behind it (the menu was once white on white).
        Object contrast =
                page.evaluate("() => { const a = document.querySelector(\"header.shell nav a[href='/custody']\");"
                        + " let e = a, bg = 'rgba(0, 0, 0, 0)';"
                        + " while (e && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {"
                        + " bg = getComputedStyle(e).backgroundColor; e = e.parentElement; }"
                        + " return getComputedStyle(a).color + ' on ' + bg; }");
        String[] colours = contrast.toString().split(" on ");
        assertThat(luminanceGap(colours[0], colours[1])).as(contrast.toString()).isGreaterThan(0.4);
        Chromium.screenshot(page, "phone-menu");

        page.click("#menu-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/custody']")).isFalse();
    }

    @Test
    void theMapLayersOpenAsADrawer() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.waitForSelector("#map[data-ready=true]");
        assertThat(page.isVisible("#layers-toggle")).isTrue();
        page.click("#layers-toggle");
        assertThat(page.isVisible(".panel input[type=checkbox]")).isTrue();
        Chromium.screenshot(page, "phone-map-layers");
        page.click("#layers-toggle");
        assertThat(page.isVisible(".panel input[type=checkbox]")).isFalse();
    }

    /** The difference of the relative luminances (0 to 1) of two CSS rgb() colours. */
    private static double luminanceGap(String a, String b) {
        return Math.abs(luminance(a) - luminance(b));
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
