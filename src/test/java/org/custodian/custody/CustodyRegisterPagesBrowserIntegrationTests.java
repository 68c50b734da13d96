package org.custodian.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A region's officer creates a storage site, receives a surrender of several items and releases one of them,
 * on the custody pages at a phone's width, without the API; refused forms come back as typed.
 */
@CustodianIntegrationTest
class CustodyRegisterPagesBrowserIntegrationTests {

    static final String PASSWORD = "custody-register-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void anOfficerCreatesASiteReceivesASurrenderAndReleasesAnItem() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-register-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        Page officer =
                chromium.signIn(port, "agd-register-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        officer.navigate("http://127.0.0.1:" + port + "/custody");
        officer.click("#new-site");
        officer.waitForURL("**/custody/sites/new");
        assertThat(officer.locator("#site-form select[name=regionCode] option").allTextContents())
                .as("only the officer's regions")
                .contains("Aghdam")
                .doesNotContain("Shusha");
        officer.fill("#site-form input[name=name]", "Aghdam police armoury");
        officer.selectOption("#site-form select[name=regionCode]", "AGD");
        officer.fill("#site-form input[name=capacity]", "0");
        officer.selectOption("#site-form select[name=keeperAgencyId]", new SelectOption().setIndex(1));
        officer.fill("#site-longitude", "46.93");
        officer.fill("#site-latitude", "39.99");
        // The browser would refuse 0 itself; the page's own refusal is what is tested.
        officer.evaluate("document.querySelector('#site-form input[name=capacity]').removeAttribute('min')");
        officer.click("#site-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("at least one item");
        assertThat(officer.inputValue("#site-form input[name=name]")).isEqualTo("Aghdam police armoury");
        assertThat(officer.inputValue("#site-longitude")).isEqualTo("46.93");
        officer.fill("#site-form input[name=capacity]", "40");
        officer.click("#site-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/custody/sites/\\d+$"));
        officer.waitForSelector(".notice");
        assertThat(officer.locator("h1").textContent()).isEqualTo("Aghdam police armoury");
        assertThat(officer.locator(".stats").textContent()).contains("0 / 40");
        assertThat(officer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);

        officer.navigate("http://127.0.0.1:" + port + "/custody");
        officer.click("#new-batch");
        officer.waitForURL("**/custody/batches/new");
        officer.selectOption("#batch-form select[name=regionCode]", "AGD");
        officer.selectOption(
                "#batch-form select[name=siteId]", new SelectOption().setLabel("Aghdam police armoury · AGD"));
        officer.fill("#batch-form input[name=party]", "Household of Mr. A. (illustrative)");
        officer.fill("#batch-form input[name=receivedOn]", "2024-06-01");
        officer.fill("#batch-form input[name=receivedTime]", "10:30");
        officer.fill("#batch-form input[name=receivingOfficer]", "Inspector B.");
        officer.fill("#batch-form textarea[name=witnesses]", "Village head\nNeighbour, C.");
        officer.fill("#batch-longitude", "46.931");
        officer.fill("#batch-latitude", "39.992");
        officer.selectOption("#batch-form select[name='items[0].category']", "WEAPON");
        officer.fill("#batch-form input[name='items[0].description']", "Hunting rifle, rusty");
        officer.fill("#batch-form input[name='items[0].quantity']", "1");
        officer.selectOption("#batch-form select[name='items[1].category']", "AMMUNITION");
        officer.fill("#batch-form input[name='items[1].description']", "Cartridges 7.62 mm");
        officer.fill("#batch-form input[name='items[1].quantity']", "120");
        officer.selectOption("#batch-form select[name='items[1].unit']", "ROUNDS");
        officer.fill("#batch-form input[name='items[1].hazardCode']", "1.4S");
        // A weapon without its serial number or markings: the whole surrender is refused, as typed.
        officer.click("#batch-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("serial number");
        assertThat(officer.inputValue("#batch-form input[name='items[0].description']"))
                .as("a comma in a description stays one item's")
                .isEqualTo("Hunting rifle, rusty");
        assertThat(officer.inputValue("#batch-form input[name='items[1].quantity']"))
                .isEqualTo("120");
        assertThat(officer.inputValue("#batch-form textarea[name=witnesses]")).isEqualTo("Village head\nNeighbour, C.");
        officer.fill("#batch-form input[name='items[0].serialNumber']", "HR-1977-05");
        officer.click("#batch-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/custody/batches/\\d+$"));
        officer.waitForSelector(".notice");
        assertThat(officer.locator("h1").textContent()).contains("AGD-SB-");
        assertThat(officer.locator("#batch-items tbody tr").count()).isEqualTo(2);
        assertThat(officer.locator("dl.facts").textContent())
                .contains("Household of Mr. A. (illustrative)", "Village head; Neighbour, C.", "2024-06-01 10:30");
        Chromium.screenshot(officer, "custody-batch-received-phone");

        officer.locator("#batch-items a", new Page.LocatorOptions().setHasText("AGD-CI-"))
                .first()
                .click();
        officer.waitForURL(Pattern.compile(".*/custody/items/\\d+$"));
        officer.fill("#release-form textarea[name=reason]", "Returned to its owner, licence 55/2024");
        officer.click("#release-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator("h1 .badge").textContent()).isEqualTo("Released");
        assertThat(officer.locator("#timeline").textContent()).contains("Released");
        assertThat(officer.locator("#release-form").count())
                .as("a released item is not released again")
                .isZero();
        String item = officer.url().replaceAll("^https?://[^/]+", "");

        // Another region's officer may neither see the item nor release it.
        assertThat(admin.createUser("shu-register-officer", "OFFICER", "SHU", PASSWORD))
                .isIn(201, 409);
        assertThat(Api.at(port).as("shu-register-officer", PASSWORD).get(item).status())
                .isEqualTo(404);
    }

    @Test
    void aViewerIsOfferedNeitherTheSiteNorTheSurrenderForm() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("shu-register-viewer", "VIEWER", "SHU", PASSWORD))
                .isIn(201, 409);
        Page viewer = chromium.signIn(port, "shu-register-viewer", PASSWORD);
        viewer.navigate("http://127.0.0.1:" + port + "/custody");
        assertThat(viewer.locator("#new-site, #new-batch").count()).isZero();
        Api as = Api.at(port).as("shu-register-viewer", PASSWORD);
        assertThat(as.get("/custody/sites/new").status()).isEqualTo(403);
        assertThat(as.get("/custody/batches/new").status()).isEqualTo(403);
    }
}
