package org.custodian.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A region's officer records an incident on its page and its director verifies it, without the API. */
@CustodianIntegrationTest
class IncidentPagesBrowserIntegrationTests {

    static final String PASSWORD = "incident-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void anOfficerRecordsAnIncidentAndTheDirectorCitesASourceAndVerifiesIt() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-page-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-page-director", "DIRECTOR", "AGD", PASSWORD))
                .isIn(201, 409);

        Page officer = chromium.signIn(port, "agd-page-officer", PASSWORD);
        officer.navigate("http://127.0.0.1:" + port + "/incidents");
        officer.click("#new-incident");
        officer.waitForURL("**/incidents/new");
        officer.selectOption("#incident-form select[name=regionCode]", "AGD");
        officer.selectOption("#incident-form select[name=type]", "SHELLING");
        officer.fill("#incident-form input[name=occurredOn]", "2024-03-03");
        officer.fill("#incident-form textarea[name=description]", "Shells fell near the water tower at night");
        officer.fill("#incident-location", "{\"type\":\"Point\",\"coordinates\":[46.93,39.99]}");
        officer.dispatchEvent("#incident-location", "change");
        officer.fill("#incident-form input[name=killedCivilian]", "1");
        officer.fill("#incident-form input[name=injuredCivilian]", "2");
        officer.fill("#incident-form input[name=injuredChildren]", "1");
        // An exact time was promised but not given: refused, with what was typed kept.
        officer.click("#incident-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("give the time");
        assertThat(officer.inputValue("#incident-form textarea[name=description]"))
                .isEqualTo("Shells fell near the water tower at night");
        assertThat(officer.inputValue("#incident-form input[name=injuredCivilian]"))
                .isEqualTo("2");
        Chromium.screenshot(officer, "incident-new-refused");

        officer.selectOption("#incident-form select[name=timePrecision]", "DAY");
        officer.click("#incident-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/incidents/\\d+$"));
        officer.waitForSelector(".notice");
        String facts = officer.locator("dl.facts").textContent();
        assertThat(facts).contains("2024-03-03", "day known", "39.99000, 46.93000");
        assertThat(facts).as("no invented clock time for a day-only report").doesNotContainPattern("\\d\\d:\\d\\d");
        assertThat(officer.locator("#casualties").textContent()).contains("2");
        // Each heading stands clear of what is above it (they once ran into the text).
        Object crowded = officer.evaluate("() => [...document.querySelectorAll('main h2')].filter(h => {"
                + " const above = h.previousElementSibling; if (!above) return false;"
                + " return h.getBoundingClientRect().top - above.getBoundingClientRect().bottom < 12; })"
                + ".map(h => h.textContent)");
        assertThat((java.util.List<?>) crowded).isEmpty();
        String url = officer.url();

        Page director = chromium.signIn(port, "agd-page-director", PASSWORD);
        director.navigate(url);
        director.selectOption(
                "#cite-form select[name=sourceId]", new com.microsoft.playwright.options.SelectOption().setIndex(0));
        director.click("#cite-form button[type=submit]");
        director.waitForSelector(".notice");
        assertThat(director.locator("#sources li").count()).isEqualTo(1);
        // A second source cited by mistake is removed again on the page.
        director.selectOption(
                "#cite-form select[name=sourceId]", new com.microsoft.playwright.options.SelectOption().setIndex(0));
        director.click("#cite-form button[type=submit]");
        director.waitForFunction("() => document.querySelectorAll('#sources li').length === 2");
        String mistaken = director.locator("#sources li span").nth(1).textContent();
        String kept = director.locator("#sources li span").nth(0).textContent();
        director.locator("#sources li").nth(1).locator("button").click();
        director.waitForFunction("() => document.querySelectorAll('#sources li').length === 1");
        assertThat(director.locator("#sources li span").textContent())
                .isEqualTo(kept)
                .isNotEqualTo(mistaken);
        // Verifying before the review has begun is refused, and the choice is still there to correct.
        director.selectOption("#review-form select[name=status]", "VERIFIED");
        director.click("#review-form button");
        assertThat(director.locator("p.error").textContent()).contains("under review first");
        assertThat(director.inputValue("#review-form select[name=status]")).isEqualTo("VERIFIED");
        director.selectOption("#review-form select[name=status]", "UNDER_REVIEW");
        director.click("#review-form button");
        director.waitForSelector(".notice");
        director.selectOption("#review-form select[name=status]", "VERIFIED");
        director.click("#review-form button");
        director.waitForSelector(".notice");
        assertThat(director.locator("h1 .badge").textContent()).isEqualTo("Verified");
        Chromium.screenshot(director, "incident-verified");

        // A reader of another region does not see it at all.
        assertThat(admin.createUser("shu-page-viewer", "VIEWER", "SHU", PASSWORD))
                .isIn(201, 409);
        Api.Response other = Api.at(port).as("shu-page-viewer", PASSWORD).get(url.replaceAll("^https?://[^/]+", ""));
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void anOfficerCorrectsAnIncidentOnItsEditPageAndAStaleFormIsRefused() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-page-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        Page officer = chromium.signIn(port, "agd-page-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        officer.navigate("http://127.0.0.1:" + port + "/incidents/new");
        officer.selectOption("#incident-form select[name=regionCode]", "AGD");
        officer.selectOption("#incident-form select[name=type]", "SHELLING");
        officer.fill("#incident-form input[name=occurredOn]", "2024-04-04");
        officer.fill("#incident-form input[name=occurredTime]", "21:15");
        officer.fill("#incident-form textarea[name=description]", "A blast heard near the bridge");
        officer.fill("#incident-location", "{\"type\":\"Point\",\"coordinates\":[46.93,39.99]}");
        officer.dispatchEvent("#incident-location", "change");
        officer.click("#incident-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/incidents/\\d+$"));
        String url = officer.url();

        officer.click("#edit-incident");
        officer.waitForURL(Pattern.compile(".*/incidents/\\d+/edit$"));
        assertThat(officer.inputValue("#incident-form textarea[name=description]"))
                .isEqualTo("A blast heard near the bridge");
        assertThat(officer.inputValue("#incident-form input[name=occurredTime]"))
                .as("the time as the region reads it")
                .isEqualTo("21:15");
        assertThat(officer.inputValue("#incident-form select[name=regionCode]")).isEqualTo("AGD");
        assertThat(officer.locator("#incident-form select[name=regionCode] option[value=SHU]")
                        .count())
                .as("an incident cannot move to another region")
                .isZero();
        // Someone else corrects it in the meantime: this form's version is stale and is refused, as typed.
        Page second = chromium.signIn(port, "agd-page-officer", PASSWORD);
        second.navigate(url + "/edit");
        second.fill("#incident-form input[name=injuredCivilian]", "1");
        second.click("#incident-form button[type=submit]");
        second.waitForSelector(".notice");
        officer.fill("#incident-form textarea[name=description]", "A blast near the bridge; two hurt");
        officer.fill("#incident-form input[name=injuredCivilian]", "2");
        officer.click("#incident-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).containsIgnoringCase("changed");
        assertThat(officer.inputValue("#incident-form textarea[name=description]"))
                .isEqualTo("A blast near the bridge; two hurt");
        Chromium.screenshot(officer, "incident-edit-refused-phone");

        officer.navigate(url + "/edit");
        officer.fill("#incident-form textarea[name=description]", "A blast near the bridge; two hurt");
        officer.fill("#incident-form input[name=injuredCivilian]", "2");
        officer.click("#incident-form button[type=submit]");
        officer.waitForURL(url);
        officer.waitForSelector(".notice");
        assertThat(officer.locator("main").textContent()).contains("A blast near the bridge; two hurt");
        assertThat(officer.locator("#casualties").textContent()).contains("2");
        assertThat(officer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);

        // Another region's officer cannot open the edit page of this incident.
        assertThat(admin.createUser("shu-page-officer", "OFFICER", "SHU", PASSWORD))
                .isIn(201, 409);
        String path = url.replaceAll("^https?://[^/]+", "") + "/edit";
        assertThat(Api.at(port).as("shu-page-officer", PASSWORD).get(path).status())
                .isEqualTo(404);
    }
}
