package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A region's administration established, staffed, described and dissolved on its page, and a hazard area
 * recorded on its form, each by the person whose job it is and without the API.
 */
@CustodianIntegrationTest
class TerritoryPagesBrowserIntegrationTests {

    static final String PASSWORD = "lantern orchard quietly seventeen";
    static final String REGION = "PGS-1";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void region(Api admin) {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[20,20],[20.1,20],[20.1,20.1],[20,20.1],[20,20]]]}";
        Map<String, Object> properties =
                Map.of("code", REGION, "names", Map.of("en", "Page test region"), "timeZone", "Asia/Baku");
        assertThat(admin.post(
                                "/api/regions",
                                "{\"type\":\"Feature\",\"geometry\":" + square + ",\"properties\":"
                                        + Api.json(properties) + "}")
                        .status())
                .isIn(201, 409);
        assertThat(admin.createUser("pgs-officer", "OFFICER", REGION, PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("pgs-director", "DIRECTOR", REGION, PASSWORD))
                .isIn(201, 409);
    }

    @Test
    void anAdministratorEstablishesAndStaffsAnAdministrationAndItsDirectorDescribesIt() {
        Api api = Api.at(port).asAdmin();
        region(api);
        Page admin = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        admin.navigate(url("/regions/" + REGION));
        assertThat(admin.locator("#administration").textContent()).contains("No active administration");
        admin.fill("#establish-form input[name=name]", "Temporary administration of the page test region");
        admin.fill("#establish-form input[name=establishedOn]", "2024-01-10");
        admin.fill("#establish-form input[name=decreeReference]", "Decree 1/2024");
        admin.selectOption("#establish-form select[name=coordinationAgency] >> nth=0", new SelectOption().setIndex(1));
        // An agency without a subject is refused, with what was typed kept.
        admin.click("#establish-form button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("both the agency and the subject");
        assertThat(admin.inputValue("#establish-form input[name=decreeReference]"))
                .isEqualTo("Decree 1/2024");
        admin.fill("#establish-form input[name=coordinationSubject] >> nth=0", "Security of the region");
        admin.check("#establish-form .sources-choice input >> nth=0");
        admin.click("#establish-form button[type=submit]");
        admin.waitForSelector(".notice");
        String established = admin.locator("#administration").textContent();
        assertThat(established).contains("Temporary administration of the page test region", "Security of the region");
        assertThat(admin.locator("#administration .sources li").count()).isEqualTo(1);

        admin.fill("#appointment-form input[name=personName]", "Rauf Aliyev");
        admin.fill("#appointment-form input[name=appointedOn]", "2024-01-15");
        admin.selectOption("#appointment-form select[name=appointedBy]", new SelectOption().setIndex(1));
        admin.click("#appointment-form button[type=submit]");
        admin.waitForSelector(".notice");
        assertThat(admin.locator("#administration .director").textContent()).contains("Rauf Aliyev", "2024-01-15");
        Chromium.screenshot(admin, "region-administration");

        Page officer = chromium.signIn(port, "pgs-officer", PASSWORD);
        officer.navigate(url("/regions/" + REGION));
        assertThat(officer.locator("#establish-form, #administration-form, #appointment-form, #dissolution-form")
                        .count())
                .as("an officer sees no administration forms")
                .isZero();

        Page director = chromium.signIn(port, "pgs-director", PASSWORD);
        director.navigate(url("/regions/" + REGION));
        assertThat(director.isVisible("#appointment-form")).isFalse();
        director.fill("#administration-form input[name=decreeReference]", "Decree 1/2024, amended 7/2024");
        director.click("#administration-form button[type=submit]");
        director.waitForSelector(".notice");
        assertThat(director.locator("#administration").textContent()).contains("Decree 1/2024, amended 7/2024");
        assertThat(director.locator("#administration .sources li").count()).isEqualTo(1);
        Chromium.screenshot(director, "region-director");

        admin.navigate(url("/regions/" + REGION));
        admin.fill("#dissolution-form input[name=dissolvedOn]", "2023-01-01");
        admin.click("#dissolution-form button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("predates the establishment");
        admin.fill("#dissolution-form input[name=dissolvedOn]", "2025-06-30");
        admin.click("#dissolution-form button[type=submit]");
        admin.waitForSelector(".notice");
        assertThat(admin.locator("#administration").textContent()).contains("No active administration");
        assertThat(admin.isVisible("#establish-form")).isTrue();
        assertThat(api.get("/api/administrations?region=" + REGION)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("DISSOLVED");
    }

    @Test
    void anOfficerRecordsAHazardAreaAndASelfIntersectingOneIsRefusedWithTheDrawingKept() {
        region(Api.at(port).asAdmin());
        Page officer = chromium.signIn(port, "pgs-officer", PASSWORD);
        officer.navigate(url("/mine-action"));
        officer.click("#record-hazard-area");
        officer.waitForURL("**/mine-action/hazard-areas/new");
        officer.fill("#hazard-area-form input[name=name]", "Orchard north of the page test village");
        officer.selectOption("#hazard-area-form select[name=regionCode]", REGION);
        officer.selectOption("#hazard-area-form select[name=classification]", "CHA");
        officer.selectOption("#hazard-area-form select[name=priority]", "HIGH");
        officer.check("#hazard-area-form input[name=contamination][value=AP_MINE]");
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[20.01,20.01],[20.03,20.03],"
                + "[20.03,20.01],[20.01,20.03],[20.01,20.01]]]}";
        officer.fill("#hazard-area-geometry", bowtie);
        officer.dispatchEvent("#hazard-area-geometry", "change");
        officer.click("#hazard-area-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("self-intersection");
        assertThat(officer.inputValue("#hazard-area-geometry")).isEqualTo(bowtie);
        assertThat(officer.inputValue("#hazard-area-form input[name=name]"))
                .isEqualTo("Orchard north of the page test village");
        assertThat(officer.isChecked("#hazard-area-form input[name=contamination][value=AP_MINE]"))
                .isTrue();
        officer.waitForSelector("#draw-map path.leaflet-interactive");
        Chromium.screenshot(officer, "hazard-area-refused");

        officer.fill(
                "#hazard-area-geometry",
                "{\"type\":\"Polygon\",\"coordinates\":[[[20.01,20.01],[20.03,20.01],[20.03,20.03],"
                        + "[20.01,20.03],[20.01,20.01]]]}");
        officer.dispatchEvent("#hazard-area-geometry", "change");
        officer.click("#hazard-area-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/mine-action/hazard-areas/\\d+$"));
        assertThat(officer.locator(".crumbs code").textContent()).startsWith(REGION + "-HA-");
        assertThat(officer.locator("main").textContent()).contains("Orchard north of the page test village", "CHA");
        Chromium.screenshot(officer, "hazard-area-recorded");

        // A reader of the region cannot reach the form's write.
        assertThat(Api.at(port).asAdmin().createUser("pgs-viewer", "VIEWER", REGION, PASSWORD))
                .isIn(201, 409);
        Page viewer = chromium.signIn(port, "pgs-viewer", PASSWORD);
        viewer.navigate(url("/mine-action"));
        assertThat(viewer.isVisible("#record-hazard-area")).isFalse();
    }
}
