package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A feature's pop-up on the map reads in the reader's language: each property by its name, codes by their
 * names, areas in hectares in the locale's number format, and a link to the record's own page.
 */
@CustodianIntegrationTest
class MapPopupBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private String openPopup(Page page, String layer) {
        page.waitForFunction("id => document.getElementById('map').rendered(id).some(f => f.id)", layer);
        page.evaluate(
                "id => { const el = document.getElementById('map'); const f = el.rendered(id).find(f => f.id);"
                        + " return el.openPopup(id, f.id, el.map.getCenter()).then(() => true); }",
                layer);
        page.waitForSelector(".maplibregl-popup .popup-card");
        return page.innerText(".maplibregl-popup");
    }

    @Test
    void aHazardAreasPopupInRussianNamesEveryPropertyAndCodeAndLinksToItsPage() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/?lang=ru");
        page.waitForSelector("#map[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(90_000));
        String text = openPopup(page, "hazard-areas");
        Chromium.screenshot(page, "map-popup-hazard-area-ru");
        assertThat(text).contains("Опасные районы", "Классификация", "Статус", "Приоритет", "Площадь", "Район");
        // Hectares with the Russian decimal comma.
        assertThat(text).containsPattern("\\d+,\\d\\d га");
        assertThat(text)
                .doesNotContainPattern("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b")
                .doesNotContainPattern("\\b(CONFIRMED|SUSPECTED|HIGH|MEDIUM|LOW)\\b")
                .doesNotContain("area_m2", "region_code");
        String link = page.getAttribute(".maplibregl-popup a.popup-open", "href");
        assertThat(link).startsWith("/mine-action/hazard-areas/");
        page.click(".maplibregl-popup a.popup-open");
        page.waitForURL("**" + link);
    }

    @Test
    void anIncidentsPopupInArmenianShowsItsTypeAndStatusByName() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/?lang=hy");
        page.waitForSelector("#map[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(90_000));
        String text = openPopup(page, "incidents");
        Chromium.screenshot(page, "map-popup-incident-hy");
        assertThat(text).contains("Տեսակ", "Կարգավիճակ", "Բացել գրառումը");
        assertThat(text).doesNotContainPattern("\\b(MINE_EXPLOSION|ARMED_ATTACK|SHELLING|VERIFIED|REPORTED)\\b");
        assertThat(page.getAttribute(".maplibregl-popup a.popup-open", "href")).startsWith("/incidents/");
    }
}
