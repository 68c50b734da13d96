package org.custodian.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The humanitarian pages in a browser: the board, a convoy, the evacuation log and figures, a shelter, the map. */
@CustodianIntegrationTest
class HumanitarianPagesBrowserIntegrationTests {

    static final String PASSWORD = "humanitarian-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-hum-page-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void theBoardShowsTheConvoyHeldInAghdamAndAnOfficerMovesAConvoyThroughItsPage() {
        Page officer = chromium.signIn(port, "agd-hum-page-officer", PASSWORD);
        officer.navigate(url("/convoys"));
        String refused = officer.locator("#status-REFUSED").textContent();
        assertThat(refused).contains("Red Crescent", "Flour and flour products", "days waiting, since 2023-08-29");
        assertThat(officer.locator("#convoy-board").textContent()).doesNotContain("LAC-CV-");
        Chromium.screenshot(officer, "humanitarian-convoy-board");

        Map<String, Object> convoy = new LinkedHashMap<>();
        convoy.put("regionCode", "AGD");
        convoy.put("organisation", "Page test relief");
        convoy.put("origin", Map.of("type", "Point", "coordinates", List.of(46.93, 39.991)));
        convoy.put("originName", "Aghdam");
        convoy.put("destination", Map.of("type", "Point", "coordinates", List.of(46.83, 39.935)));
        convoy.put("destinationName", "Askeran");
        long id = admin.post("/api/convoys", Api.json(convoy)).json().get("id").asLong();

        officer.navigate(url("/convoys/" + id));
        officer.fill("#line-form input[name=item]", "Blankets");
        officer.fill("#line-form input[name=quantity]", "12");
        officer.selectOption("#line-form select[name=unit]", "PALLETS");
        officer.click("#line-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator("#manifest-lines").textContent()).contains("Blankets", "12", "pallets");
        officer.selectOption("#status-form select[name=status]", "EN_ROUTE");
        officer.fill("#status-form input[name=reason]", "Left at dawn");
        officer.click("#status-form button[type=submit]");
        officer.waitForSelector(".notice");
        officer.selectOption("#status-form select[name=status]", "DELIVERED");
        officer.fill("#status-form input[name=reason]", "Unloaded");
        officer.click("#status-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator("#history").textContent()).contains("Left at dawn", "Unloaded", "Delivered");
        // A delivered convoy offers no further status: its history is closed.
        assertThat(officer.locator("#status-form").count()).isZero();
        Chromium.screenshot(officer, "humanitarian-convoy");
    }

    @Test
    void theEvacuationLogTotalsTheReportedFiguresAndARefusedReportKeepsNothing() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        page.navigate(url("/evacuations"));
        assertThat(page.locator("#totals").textContent()).contains("1049");
        page.click("#evacuations a:has-text('LAC-EV-')");
        page.waitForURL(Pattern.compile(".*/evacuations/\\d+$"));
        String figures = page.locator("#figures").textContent();
        assertThat(figures).contains("Caliber.az", "2000", "1049", "over 2,000");
        int columns = page.locator("#figures thead th").count();

        page.selectOption(
                "#report-form select[name=sourceId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.fill("#report-form input[name=reportedOn]", "2023-09-21");
        page.fill("#report-form input[name=evacuated]", "100");
        for (String[] band : new String[][] {
            {"age0to4", "10"}, {"age5to11", "10"}, {"age12to17", "10"}, {"age18to59", "10"}, {"age60plus", "10"}
        }) {
            page.fill("#report-form input[name=" + band[0] + "]", band[1]);
        }
        page.click("#report-form button[type=submit]");
        assertThat(page.locator("p.error").textContent()).contains("add up to 50");
        assertThat(page.locator("#figures thead th").count()).isEqualTo(columns);

        page.selectOption(
                "#report-form select[name=sourceId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.fill("#report-form input[name=reportedOn]", "2023-09-21");
        page.fill("#report-form input[name=evacuated]", "50");
        for (String band : List.of("age0to4", "age5to11", "age12to17", "age18to59", "age60plus")) {
            page.fill("#report-form input[name=" + band + "]", "10");
        }
        page.click("#report-form button[type=submit]");
        page.waitForSelector(".notice");
        assertThat(page.locator("#figures thead th").count()).isEqualTo(columns + 1);
        Chromium.screenshot(page, "humanitarian-evacuation");
    }

    @Test
    void aShelterShowsItsOccupancyAsAChartAndTheCorridorsMapDrawsItsLayers() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        page.navigate(url("/shelters"));
        page.click("#shelters a:has-text('Lachin temporary shelter')");
        page.waitForURL(Pattern.compile(".*/shelters/\\d+$"));
        assertThat(page.locator("#occupancy-chart circle").count()).isGreaterThanOrEqualTo(6);
        Chromium.screenshot(page, "humanitarian-shelter");

        page.navigate(url("/corridors"));
        page.waitForFunction(
                "() => (document.getElementById('humanitarian-map').dataset.drawn || '').includes('corridors')");
        assertThat(page.locator("#corridors").textContent()).contains("Lachin road humanitarian corridor");
        Chromium.screenshot(page, "humanitarian-corridors");

        page.navigate(url("/notifications"));
        assertThat(page.locator("main").textContent()).contains("Peacekeeping contingent", "Duty officer");
        Chromium.screenshot(page, "humanitarian-notifications");
    }
}
