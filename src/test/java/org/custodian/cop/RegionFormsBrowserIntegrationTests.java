package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Regions, their settlements and the agencies created, changed and removed on their pages by an administrator,
 * with the API's rules: a refused change is shown on the page in the person's language and writes nothing.
 */
@CustodianIntegrationTest
class RegionFormsBrowserIntegrationTests {

    static final String PASSWORD = "harbour violet eleven quietly";
    static final String BOUNDARY =
            "{\"type\":\"Polygon\",\"coordinates\":[[[21,21],[21.2,21],[21.2,21.2],[21,21.2],[21,21]]]}";
    static final String CROSSED =
            "{\"type\":\"Polygon\",\"coordinates\":[[[21,21],[21.2,21.2],[21.2,21],[21,21.2],[21,21]]]}";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void saved(Page page) {
        page.waitForSelector(".notice");
    }

    @Test
    void anAdministratorCreatesChangesAndRemovesARegionItsSettlementsAndAnAgency() {
        Api api = Api.at(port).asAdmin();
        Page admin = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);

        // A region: a crossed boundary is refused with what was typed kept, then a square is taken.
        admin.navigate(url("/regions"));
        admin.click("#new-region");
        admin.fill("#region-form input[name=code]", "FRM-1");
        admin.fill("#region-form input[name=nameEn]", "Form test region");
        admin.fill("#region-form input[name=nameAz]", "Forma sınaq rayonu");
        admin.fill("#region-form input[name=nameRu]", "Пробный район");
        admin.fill("#region-form input[name=nameHy]", "Փորձնական շրջան");
        admin.fill("#region-boundary", CROSSED);
        admin.click("#region-form button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).isNotBlank();
        assertThat(admin.inputValue("#region-form input[name=nameRu]")).isEqualTo("Пробный район");
        assertThat(api.get("/api/regions/FRM-1").status()).isEqualTo(404);
        admin.fill("#region-boundary", BOUNDARY);
        admin.click("#region-form button[type=submit]");
        admin.waitForURL(Pattern.compile(".*/regions/FRM-1$"));
        saved(admin);
        assertThat(admin.locator("h1").textContent()).isEqualTo("Form test region");
        assertThat(admin.locator("p.names").textContent()).contains("Forma sınaq rayonu", "Փորձնական շրջան");
        Chromium.screenshot(admin, "region-created");

        admin.click("#edit-region");
        assertThat(admin.getAttribute("#region-form input[name=code]", "readonly"))
                .isNotNull();
        Chromium.screenshot(admin, "region-form");
        admin.fill("#region-form input[name=nameEn]", "Form test region, renamed");
        admin.fill("#region-form input[name=boundaryNote]", "Drawn for the test");
        admin.click("#region-form button[type=submit]");
        saved(admin);
        assertThat(admin.locator("h1").textContent()).isEqualTo("Form test region, renamed");
        assertThat(api.get("/api/regions/FRM-1")
                        .json()
                        .at("/properties/boundaryNote")
                        .asString())
                .isEqualTo("Drawn for the test");

        // Settlements: added with a figure and its source, changed, one removed.
        long village = addSettlement(admin, "Form test village", "21.1", "21.1", "250");
        assertThat(admin.locator("#settlements").textContent()).contains("Form test village", "250");
        admin.click("#settlements tr:has-text('Form test village') a.change-settlement");
        assertThat(admin.inputValue("#settlement-form input[name=estimatePopulation] >> nth=0"))
                .isEqualTo("250");
        admin.fill("#settlement-form input[name=nameEn]", "Form test town");
        admin.selectOption("#settlement-form select[name=kind]", "TOWN");
        admin.fill("#settlement-form input[name=estimatePopulation] >> nth=1", "300");
        admin.click("#settlement-form button[type=submit]");
        // A second figure without its source is refused; nothing of the change is kept.
        assertThat(admin.locator("p.error").textContent()).contains("source");
        assertThat(api.get("/api/settlements/" + village)
                        .json()
                        .at("/properties/names/en")
                        .asString())
                .isEqualTo("Form test village");
        admin.fill("#settlement-form input[name=estimatePopulation] >> nth=1", "");
        admin.click("#settlement-form button[type=submit]");
        saved(admin);
        assertThat(admin.locator("#settlements").textContent()).contains("Form test town", "Town");

        // Someone subscribed to alerts for the town: it cannot be removed while they are.
        Map<String, Object> subscriber = new LinkedHashMap<>();
        subscriber.put("regionCode", "FRM-1");
        subscriber.put("phone", "+994507770011");
        subscriber.put("language", "ru");
        subscriber.put("settlementId", village);
        subscriber.put("consentChannel", "FORM");
        Api.Response subscribed = api.post("/api/subscribers", Api.json(subscriber));
        assertThat(subscribed.status()).isEqualTo(201);
        admin.navigate(url("/regions/FRM-1/settlements/" + village + "/edit"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        assertThat(admin.locator("p.error").textContent())
                .contains("Form test town", "still named by other records", "SMS subscribers: 1");
        assertThat(api.get("/api/settlements/" + village).status()).isEqualTo(200);
        Chromium.screenshot(admin, "settlement-removal-refused");

        long hamlet = addSettlement(admin, "Form test hamlet", "21.05", "21.15", "");
        admin.navigate(url("/regions/FRM-1/settlements/" + hamlet + "/edit"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        saved(admin);
        assertThat(admin.locator("#settlements").textContent()).doesNotContain("Form test hamlet");
        assertThat(api.get("/api/settlements/" + hamlet).status()).isEqualTo(404);

        // The region still has a settlement: its removal is refused, in the page's language.
        admin.navigate(url("/regions/FRM-1?lang=ru"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("в районе FRM-1 ещё есть населённые пункты");
        assertThat(api.get("/api/regions/FRM-1").status()).isEqualTo(200);
        admin.navigate(url("/regions?lang=en"));

        // A region nothing refers to goes.
        assertThat(api.post(
                                "/api/regions",
                                "{\"type\":\"Feature\",\"geometry\":" + BOUNDARY.replace("21", "23")
                                        + ",\"properties\":{\"code\":\"FRM-2\",\"names\":{\"en\":\"Form test spare\"}}}")
                        .status())
                .isEqualTo(201);
        admin.navigate(url("/regions/FRM-2"));
        admin.click("#removal button[type=submit]");
        // Not confirmed: the browser holds the form back and nothing is removed.
        assertThat(admin.url()).endsWith("/regions/FRM-2");
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        admin.waitForURL(Pattern.compile(".*/regions$"));
        assertThat(admin.locator("main").textContent()).doesNotContain("Form test spare");
        assertThat(api.get("/api/regions/FRM-2").status()).isEqualTo(404);

        // Agencies: listed under Administration, added, changed, removed; one that appointed a director stays.
        admin.click("#nav-admin-toggle");
        admin.click("#nav-admin a[href='/agencies']");
        admin.click("#new-agency");
        admin.fill("#agency-form input[name=name]", "Form test relief service");
        admin.selectOption("#agency-form select[name=kind]", "NGO");
        admin.fill("#agency-form input[name=country]", "Azerbaijan");
        admin.click("#agency-form button[type=submit]");
        saved(admin);
        assertThat(admin.locator("#agencies").textContent())
                .contains("Form test relief service", "Non-governmental organisation");
        admin.click("#agencies tr:has-text('Form test relief service') a.change-agency");
        admin.fill("#agency-form input[name=shortName]", "FTRS");
        admin.click("#agency-form button[type=submit]");
        saved(admin);
        assertThat(admin.locator("#agencies tr:has-text('Form test relief service')")
                        .textContent())
                .contains("FTRS");
        Chromium.screenshot(admin, "agencies");
        admin.click("#agencies tr:has-text('Form test relief service') a.change-agency");
        Chromium.screenshot(admin, "agency-form");
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        saved(admin);
        assertThat(admin.locator("#agencies").textContent()).doesNotContain("Form test relief service");

        admin.click("#agencies tr:has-text('Ministry of Defense') a.change-agency");
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("still named by accounts or records");
        admin.navigate(url("/agencies"));
        assertThat(admin.locator("#agencies").textContent()).contains("Ministry of Defense");

        // Once the subscriber is erased nothing names the town: it goes, then its region, as they came.
        assertThat(api.delete("/api/subscribers/" + subscribed.json().get("id").asLong())
                        .status())
                .isEqualTo(204);
        admin.navigate(url("/regions/FRM-1/settlements/" + village + "/edit"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        saved(admin);
        assertThat(api.get("/api/settlements/" + village).status()).isEqualTo(404);
        // The erased subscriber's row stays (what was sent to them stays counted), and holds the region.
        admin.navigate(url("/regions/FRM-1"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("FRM-1");
        // Other tests count the demo's regions: without that row the test's region goes.
        jdbc.update("delete from alerts_sms_subscriber where region_code = 'FRM-1'");
        admin.navigate(url("/regions/FRM-1"));
        admin.check("#removal input[name=confirmed]");
        admin.click("#removal button[type=submit]");
        admin.waitForURL(Pattern.compile(".*/regions$"));
        assertThat(api.get("/api/regions/FRM-1").status()).isEqualTo(404);
    }

    private long addSettlement(Page admin, String name, String lon, String lat, String population) {
        admin.navigate(url("/regions/FRM-1"));
        admin.click("#new-settlement");
        admin.fill("#settlement-form input[name=nameEn]", name);
        admin.selectOption("#settlement-form select[name=kind]", "VILLAGE");
        admin.fill("#settlement-location", "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}");
        if (!population.isEmpty()) {
            admin.fill("#settlement-form input[name=estimatePopulation] >> nth=0", population);
            admin.fill("#settlement-form input[name=estimateAsOf] >> nth=0", "2024-03-01");
            admin.selectOption("#settlement-form select[name=estimateSource] >> nth=0", new SelectOption().setIndex(1));
        }
        Chromium.screenshot(admin, "settlement-form");
        admin.click("#settlement-form button[type=submit]");
        saved(admin);
        for (JsonNode f : Api.at(port)
                .asAdmin()
                .get("/api/settlements?region=FRM-1")
                .json()
                .get("features")) {
            if (f.at("/properties/names/en").asString().equals(name)) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError(name + " was not added");
    }

    @Test
    void onAPhoneTheFormsFitAndAnAgencyIsAdded() {
        Page phone = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        for (String[] page : new String[][] {
            {"/regions", "phone-regions-new-link"},
            {"/regions/new", "phone-region-form"},
            {"/regions/AGD/settlements/new", "phone-settlement-form"},
            {"/agencies", "phone-agencies"},
            {"/agencies/new", "phone-agency-form"}
        }) {
            phone.navigate(url(page[0]));
            phone.waitForLoadState();
            int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(width).as(page[0]).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
            Chromium.screenshot(phone, page[1]);
        }
        phone.fill("#agency-form input[name=name]", "Phone test agency");
        phone.selectOption("#agency-form select[name=kind]", "SERVICE");
        phone.click("#agency-form button[type=submit]");
        saved(phone);
        assertThat(phone.locator("#agencies").textContent()).contains("Phone test agency");
        // Other tests count the demo's records: what this one added goes again.
        Api api = Api.at(port).asAdmin();
        for (JsonNode agency : api.get("/api/agencies").json()) {
            if (agency.get("name").asString().equals("Phone test agency")) {
                assertThat(api.delete("/api/agencies/" + agency.get("id").asLong())
                                .status())
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void aDirectorChangesTheSettlementsOfTheirRegionButNotAnotherRegionsThroughThePage() {
        Api api = Api.at(port).asAdmin();
        assertThat(api.createUser("frm-agd-director", "DIRECTOR", "AGD", PASSWORD))
                .isIn(201, 409);
        Map<String, Object> props =
                Map.of("regionCode", "AGD", "names", Map.of("en", "Director test village"), "kind", "VILLAGE");
        Api.Response created = api.post(
                "/api/settlements",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.93,39.99]},"
                        + "\"properties\":" + Api.json(props) + "}");
        assertThat(created.status()).isEqualTo(201);
        long ownId = created.json().get("id").asLong();
        JsonNode other =
                api.get("/api/settlements?region=KHK").json().get("features").get(0);
        String otherName = other.at("/properties/names/en").asString();
        long otherId = other.get("id").asLong();

        Page director = chromium.signIn(port, "frm-agd-director", PASSWORD);
        // No form for another region's settlement: it is not theirs to see.
        Response refused = director.navigate(url("/regions/KHK/settlements/" + otherId + "/edit"));
        assertThat(refused.status()).isIn(403, 404);
        Response wrongRegion = director.navigate(url("/regions/AGD/settlements/" + otherId + "/edit"));
        assertThat(wrongRegion.status()).isEqualTo(404);

        // Their own region's form, sent to another region's settlement, changes nothing.
        director.navigate(url("/regions/AGD/settlements/" + ownId + "/edit"));
        director.fill("#settlement-form input[name=nameEn]", "Taken over");
        director.evaluate(
                "id => document.getElementById('settlement-form').action = '/regions/KHK/settlements/' + id",
                String.valueOf(otherId));
        director.click("#settlement-form button[type=submit]");
        director.waitForLoadState();
        assertThat(director.locator(".notice").count()).isZero();
        assertThat(api.get("/api/settlements/" + otherId)
                        .json()
                        .at("/properties/names/en")
                        .asString())
                .isEqualTo(otherName);

        // Their own region's settlement they may change.
        director.navigate(url("/regions/AGD/settlements/" + ownId + "/edit"));
        director.fill("#settlement-form input[name=nameAz]", "Direktorun yoxladığı kənd");
        director.click("#settlement-form button[type=submit]");
        saved(director);
        assertThat(api.get("/api/settlements/" + ownId)
                        .json()
                        .at("/properties/names/az")
                        .asString())
                .isEqualTo("Direktorun yoxladığı kənd");
        assertThat(api.get("/api/settlements/" + otherId)
                        .json()
                        .at("/properties/names/en")
                        .asString())
                .isEqualTo(otherName);
        assertThat(director.locator("#edit-region").count()).isZero();
        assertThat(director.locator("#removal").count()).isZero();
        // Other tests count the demo's settlements: this one's goes again.
        assertThat(api.delete("/api/settlements/" + ownId).status()).isEqualTo(204);
    }
}
