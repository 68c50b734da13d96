package org.custodian.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The route planner and the closed roads in a browser, on a phone and on a desktop. */
@CustodianIntegrationTest
class RoutePagesBrowserIntegrationTests {

    static final String PASSWORD = "routing-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-route-page-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void thePlannerDrawsARouteAroundTheHighwayAndNamesTheHazardAvoided() {
        Page page = chromium.signIn(port, "agd-route-page-officer", PASSWORD);
        page.navigate(url("/routes"));
        page.fill("#route-from", "46.930,39.991");
        page.fill("#route-to", "47.026,39.399");
        page.click("#route-form button[type=submit]");
        page.waitForSelector("#route-map[data-state=planned]");
        // The highway's hazard area lies in another region than the officer's: avoided, but not named.
        assertThat(page.locator("#route-avoided").textContent()).contains("A hazard area outside your regions");
        assertThat(Double.parseDouble(page.locator("#route-length").textContent()))
                .isGreaterThan(50);
        Chromium.screenshot(page, "routing-planner-desktop");

        // A destination within a hazard area's buffer is refused with the reason shown.
        page.fill("#route-to", "47.145,39.600");
        page.click("#route-form button[type=submit]");
        page.waitForSelector("#route-map[data-state=refused]");
        assertThat(page.locator("#route-error").textContent()).contains("hazard area");

        Page phone =
                chromium.signIn(port, "agd-route-page-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate(url("/routes?lang=hy"));
        phone.selectOption("#route-from-settlement", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        String start = phone.locator("#route-from-settlement").inputValue();
        var targets = phone.locator("#route-to-settlement option");
        // The last settlement offered that is not the start.
        String end = targets.nth(targets.count() - 1).getAttribute("value");
        if (end.equals(start)) {
            end = targets.nth(targets.count() - 2).getAttribute("value");
        }
        phone.selectOption("#route-to-settlement", end);
        phone.click("#route-form button[type=submit]");
        phone.waitForSelector("#route-map[data-state]");
        assertThat(phone.locator("h1").textContent()).isEqualTo("Երթուղու պլանավորիչ");
        int overflow = ((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        Chromium.screenshot(phone, "routing-planner-phone");
    }

    @Test
    void aRefusedRouteIsSaidInThePagesLanguageWhileTheApiKeepsEnglish() {
        Page page =
                chromium.signIn(port, "agd-route-page-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        assertThat(refused(page, "ru", "46.930,39.991", "47.145,39.600"))
                .startsWith("Маршрута нет: пункт назначения лежит в опасном районе ")
                .contains("или в его буфере")
                .doesNotContain("the destination lies");
        Chromium.screenshot(page, "routing-planner-refused-ru-phone");
        // The section's tabs are a line of links, as on the humanitarian pages, not a bulleted list.
        assertThat(page.locator("ul.tabs")
                        .evaluate("e => getComputedStyle(e).listStyleType + ' ' + getComputedStyle(e).display"))
                .isEqualTo("none flex");

        // A malformed point, in Azerbaijani.
        assertThat(refused(page, "az", "46.930", "47.026,39.399"))
                .isEqualTo("Marşrut yoxdur: onluq dərəcələrlə LON,LAT olmalıdır, məsələn 46.752,39.815");

        // The API answers the same question in English, as a problem, whatever the language asked for.
        Api.Response refused = Api.at(port)
                .as("agd-route-page-officer", PASSWORD)
                .get("/api/routes?from=46.930,39.991&to=47.145,39.600");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).startsWith("to: the destination lies within hazard area");
    }

    /** Asks the planner, in the language given, for a route it refuses; answers the reason it shows. */
    private String refused(Page page, String language, String from, String to) {
        page.navigate(url("/routes?lang=" + language));
        page.fill("#route-from", from);
        page.fill("#route-to", to);
        page.click("#route-form button[type=submit]");
        page.waitForSelector("#route-map[data-state=refused]");
        return page.locator("#route-error").textContent();
    }

    @Test
    void anOfficerClosesARoadOnThePageAndReopensIt() {
        Page page = chromium.signIn(port, "agd-route-page-officer", PASSWORD);
        page.navigate(url("/closed-roads"));
        page.fill("#closed-road-form input[name=name]", "Aghdam bypass (page test)");
        page.selectOption("#closed-road-form select[name=regionCode]", "AGD");
        page.fill("#closed-road-form input[name=reason]", "Crater in the road");
        page.fill("#closed-road-line", "{\"type\":\"LineString\",\"coordinates\":[[46.93,39.99],[46.94,39.995]]}");
        page.click("#closed-road-form button[type=submit]");
        page.waitForSelector(".notice, main p.error");
        assertThat(page.locator("main p.error").count())
                .as(() -> page.locator("main").textContent())
                .isZero();
        assertThat(page.locator("#closed-roads").textContent()).contains("Aghdam bypass (page test)", "Closed");
        Chromium.screenshot(page, "routing-closed-roads");
        page.locator("#closed-roads tr", new Page.LocatorOptions().setHasText("Aghdam bypass (page test)"))
                .locator("button")
                .click();
        page.waitForSelector(".notice");
        assertThat(page.locator("#closed-roads tr", new Page.LocatorOptions().setHasText("Aghdam bypass (page test)"))
                        .textContent())
                .contains("Not in force");

        // The road network page names the network in use; only administrators have the import form.
        page.navigate(url("/road-network"));
        assertThat(page.locator("main").textContent()).contains("demo roads");
        assertThat(page.locator("#road-network-form").count()).isZero();
        Page administrator = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        administrator.navigate(url("/road-network?lang=ru"));
        assertThat(administrator.locator("#road-network-form h2").textContent())
                .isEqualTo("Импортировать дорожную сеть");
        Chromium.screenshot(administrator, "routing-road-network");
    }
}
