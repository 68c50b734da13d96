package org.custodian.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import tools.jackson.databind.JsonNode;

/** The alert pages in a browser: composed by one person, approved by another, read on a phone. */
@CustodianIntegrationTest
class AlertPagesBrowserIntegrationTests {

    static final String PASSWORD = "alert-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @BeforeEach
    void users() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-page-alerter", "ALERT_OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-page-director", "DIRECTOR", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-page-field", "FIELD", "AGD", PASSWORD)).isIn(201, 409);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String local(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    @Test
    void anAlertComposedByOneOfficerIsIssuedOnlyWhenAnotherApprovesIt() {
        Page officer = chromium.signIn(port, "agd-page-alerter", PASSWORD);
        officer.navigate(url("/alerts"));
        officer.click("#compose-link");
        officer.waitForURL(Pattern.compile(".*/alerts/new$"));
        officer.selectOption("#alert-form select[name=regionCode]", "AGD");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Baku"));
        officer.fill("#alert-form input[name=effective]", local(now));
        officer.fill("#alert-form input[name=expires]", local(now.plusDays(1)));
        String[][] texts = {
            {"az", "Hərbi obyektdən uzaq durun", "Yaxınlaşmayın"},
            {"hy", "Հեռու մնացեք ռազմական օբյեկտից", "Մի՛ մոտեցեք"},
            {"ru", "Держитесь подальше от военного объекта", "Не приближайтесь"},
            {"en", "Keep away from the military facility", "Do not come near"}
        };
        for (String[] t : texts) {
            officer.fill("#info-" + t[0] + " input[name=event]", "Explosive hazard");
            officer.fill("#info-" + t[0] + " input[name=headline]", t[1]);
            officer.fill("#info-" + t[0] + " textarea[name=instruction]", t[2]);
            officer.fill("#info-" + t[0] + " textarea[name=description]", t[1] + ".");
        }
        officer.fill(
                "#alert-area",
                "{\"type\":\"Polygon\",\"coordinates\":[[[46.91,39.98],[46.95,39.98],[46.95,40.0],[46.91,40.0],[46.91,39.98]]]}");
        officer.dispatchEvent("#alert-area", "change");
        Chromium.screenshot(officer, "alerts-compose");
        officer.click("#alert-form button[name=submit][value=true]");
        officer.waitForURL(Pattern.compile(".*/alerts/\\d+$"));
        String alertPage = officer.url();
        assertThat(officer.locator("#alert-status").textContent()).contains("Awaiting approval");
        // The composer is not offered the approval: a second person gives it.
        assertThat(officer.locator("#approve-form").count()).isZero();
        assertThat(officer.locator("#awaiting-other").count()).isOne();
        String identifier = officer.locator("h1 span").first().textContent();

        Page director = chromium.signIn(port, "agd-page-director", PASSWORD);
        director.navigate(url("/alerts"));
        assertThat(director.locator("#approval-queue").textContent()).contains(identifier, "agd-page-alerter");
        director.click("#approval-queue a:has-text('" + identifier + "')");
        director.click("#approve-form button[type=submit]");
        director.waitForSelector(".notice");
        assertThat(director.locator("#alert-status").textContent()).contains("Issued");
        assertThat(director.locator("#approved-by").textContent()).isEqualTo("agd-page-director");
        assertThat(director.locator("#history").textContent()).contains("Awaiting approval", "Issued");
        assertThat(director.locator("#loudspeakers").textContent()).contains("Aghdam");
        assertThat(director.locator("#leaflet-link").getAttribute("href")).endsWith("/leaflet.pdf");
        assertThat(director.locator("#deliveries a").getAttribute("href")).endsWith("/deliveries");
        assertThat(director.locator("#info-hy").textContent()).contains("Հեռու մնացեք ռազմական օբյեկտից");
        assertThat(director.locator("#area-figures").textContent()).contains("ha");
        Chromium.screenshot(director, "alerts-issued");

        // A field team of the region reports the loudspeaker announcement done, from a phone.
        Page field = chromium.signIn(port, "agd-page-field", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        field.navigate(alertPage);
        int width = ((Number) field.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        field.fill(".done-form input[name=note]", "Read at the market");
        field.click(".done-form button[type=submit]");
        field.waitForSelector(".notice");
        assertThat(field.locator("#loudspeakers").textContent()).contains("Read at the market", "agd-page-field");
        Chromium.screenshot(field, "alerts-phone");

        // In Armenian, the page reads in Armenian.
        director.navigate(alertPage + "?lang=hy");
        assertThat(director.locator("#alert-status").textContent()).contains("Թողարկված");
    }

    @Test
    void anIssuedAlertIsUpdatedFromItsPrefilledFormAndAnAlertNoLongerIssuedIsNot() {
        Api officerApi = Api.at(port).as("agd-page-alerter", PASSWORD);
        Api directorApi = Api.at(port).as("agd-page-director", PASSWORD);
        Map<String, Object> first = AlertIntegrationTests.alert(AlertIntegrationTests.aroundAghdam(40));
        first.put(
                "infos",
                List.of(
                        AlertIntegrationTests.info("hy", "Հեռու մնացեք պահեստից"),
                        AlertIntegrationTests.info("en", "Keep away from the depot")));
        long earlier =
                officerApi.post("/api/alerts", Api.json(first)).json().get("id").asLong();
        assertThat(directorApi.post("/api/alerts/" + earlier + "/approval", "").status())
                .isEqualTo(200);
        String identifier = officerApi
                .get("/api/alerts/" + earlier)
                .json()
                .at("/properties/identifier")
                .asString();

        // The update's form holds the issued alert's texts, codes, area and expiry.
        Page officer = chromium.signIn(port, "agd-page-alerter", PASSWORD);
        officer.navigate(url("/alerts/" + earlier));
        officer.click("#update-link");
        officer.waitForURL(Pattern.compile(".*/alerts/new\\?updates=" + earlier + "$"));
        assertThat(officer.locator("h1").textContent()).contains(identifier);
        assertThat(officer.inputValue("#info-hy input[name=headline]")).isEqualTo("Հեռու մնացեք պահեստից");
        assertThat(officer.inputValue("#info-en textarea[name=instruction]"))
                .isEqualTo("Keep away from the depot — instruction");
        assertThat(officer.inputValue("#info-az input[name=headline]")).isEmpty();
        assertThat(officer.inputValue("#alert-area")).contains("Polygon");
        assertThat(officer.inputValue("#alert-form input[name=areaDescription]"))
                .isEqualTo("Aghdam and around");
        assertThat(officer.inputValue("#alert-form input[name=expires]")).isNotEmpty();
        assertThat(officer.inputValue("#alert-form select[name=responseType]")).isEqualTo("Avoid");
        assertThat(officer.locator("#alert-form select[name=regionCode] option").count())
                .isOne();
        officer.fill("#info-en input[name=headline]", "Keep away from the depot and its road");
        Chromium.screenshot(officer, "alerts-update-form");
        officer.click("#alert-form button[name=submit][value=false]");
        officer.waitForURL(Pattern.compile(".*/alerts/(?!" + earlier + "$)\\d+$"));
        long update = Long.parseLong(officer.url().replaceAll(".*/alerts/(\\d+)$", "$1"));
        assertThat(officer.locator("#alert-status").textContent()).contains("Draft");
        assertThat(officer.locator("dl.facts").textContent()).contains("Refers to", identifier);
        JsonNode drafted = officerApi.get("/api/alerts/" + update).json();
        assertThat(drafted.at("/properties/messageType").asString()).isEqualTo("Update");
        assertThat(drafted.at("/properties/references").asString()).isEqualTo(identifier);
        assertThat(drafted.at("/properties/infos").findValuesAsString("headline"))
                .containsExactly("Հեռու մնացեք պահեստից", "Keep away from the depot and its road");
        assertThat(drafted.at("/properties/areaDescription").asString()).isEqualTo("Aghdam and around");

        // Cancelled while the form was open: the update is refused on the page, what was typed kept.
        officer.navigate(url("/alerts/new?updates=" + earlier));
        officer.fill("#info-en input[name=headline]", "Too late to update");
        long cancel = directorApi
                .post("/api/alerts/" + earlier + "/cancellation", "")
                .json()
                .get("id")
                .asLong();
        assertThat(officerApi.post("/api/alerts/" + cancel + "/approval", "").status())
                .isEqualTo(200);
        int alerts = officerApi.get("/api/alerts").json().get("features").size();
        officer.click("#alert-form button[name=submit][value=true]");
        officer.waitForSelector("p.error");
        assertThat(officer.locator("p.error").textContent()).contains(identifier, "only an issued alert is updated");
        assertThat(officer.inputValue("#info-en input[name=headline]")).isEqualTo("Too late to update");
        assertThat(officerApi.get("/api/alerts").json().get("features").size()).isEqualTo(alerts);
        // Its page no longer offers an update.
        officer.navigate(url("/alerts/" + earlier));
        assertThat(officer.locator("#update-link").count()).isZero();

        Page phone = chromium.signIn(port, "agd-page-alerter", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate(url("/alerts/new?updates=" + update));
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        // A draft is no alert to update: the page says so before anything is typed.
        assertThat(phone.locator("p.error").textContent()).contains("only an issued alert is updated");
        Chromium.screenshot(phone, "alerts-update-phone");
    }
}
