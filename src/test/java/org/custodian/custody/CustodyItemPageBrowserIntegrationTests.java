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

/** A region's officer registers a weapon found on the new item page, without the API. */
@CustodianIntegrationTest
class CustodyItemPageBrowserIntegrationTests {

    static final String PASSWORD = "custody-item-page-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void anOfficerRegistersAFoundWeaponAfterARefusalAndItsDayIsKept() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-custody-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("shu-custody-viewer", "VIEWER", "SHU", PASSWORD))
                .isIn(201, 409);

        Page officer = chromium.signIn(port, "agd-custody-officer", PASSWORD);
        officer.navigate("http://127.0.0.1:" + port + "/custody");
        officer.click("#new-item");
        officer.waitForURL("**/custody/items/new");
        assertThat(officer.locator("#item-form select[name=siteId] option").allTextContents())
                .as("only the sites of the officer's regions")
                .anySatisfy(name -> assertThat(name).contains("Aghdam"))
                .noneSatisfy(name -> assertThat(name).contains("Fuzuli"));
        officer.selectOption("#item-form select[name=siteId]", new SelectOption().setLabel(siteLabel(officer)));
        officer.selectOption("#item-form select[name=origin]", "FIND");
        officer.selectOption("#item-form select[name=category]", "WEAPON");
        officer.fill("#item-form input[name=description]", "Assault rifle left in a barn");
        officer.fill("#item-form input[name=typeModel]", "AKM");
        officer.fill("#item-form input[name=quantity]", "1");
        officer.selectOption("#item-form select[name=unit]", "PIECES");
        officer.selectOption("#item-form select[name=condition]", "DAMAGED");
        officer.fill("#item-form input[name=foundOn]", "2024-05-06");
        officer.fill("#item-form input[name=foundBy]", "Patrol 7");
        officer.fill("#item-longitude", "46.93");
        officer.fill("#item-latitude", "39.99");
        // A weapon with neither serial number nor markings is refused; what was typed comes back.
        officer.click("#item-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("serial number");
        assertThat(officer.inputValue("#item-form input[name=description]")).isEqualTo("Assault rifle left in a barn");
        assertThat(officer.inputValue("#item-form input[name=foundOn]")).isEqualTo("2024-05-06");
        assertThat(officer.inputValue("#item-form select[name=condition]")).isEqualTo("DAMAGED");
        assertThat(officer.inputValue("#item-longitude")).isEqualTo("46.93");
        Chromium.screenshot(officer, "custody-item-new-refused");

        officer.fill("#item-form input[name=markings]", "star on the stock");
        officer.click("#item-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/custody/items/\\d+$"));
        officer.waitForSelector(".notice");
        String facts = officer.locator("dl.facts").textContent();
        assertThat(facts).contains("Assault rifle left in a barn", "star on the stock", "2024-05-06", "Damaged");
        assertThat(facts).contains("39.99000, 46.93000 · Patrol 7");
        assertThat(facts).as("no invented clock time for a day-only find").doesNotContainPattern("\\d\\d:\\d\\d");
        assertThat(officer.locator("h1").textContent()).contains("AGD-CI-");
        Chromium.screenshot(officer, "custody-item-registered");
        String path = officer.url().replaceAll("^https?://[^/]+", "");

        Api.Response other = Api.at(port).as("shu-custody-viewer", PASSWORD).get(path);
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void aViewerIsNotOfferedTheForm() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("shu-custody-viewer", "VIEWER", "SHU", PASSWORD))
                .isIn(201, 409);
        Page viewer = chromium.signIn(port, "shu-custody-viewer", PASSWORD);
        viewer.navigate("http://127.0.0.1:" + port + "/custody");
        assertThat(viewer.locator("#new-item").count()).isZero();
        assertThat(Api.at(port)
                        .as("shu-custody-viewer", PASSWORD)
                        .get("/custody/items/new")
                        .status())
                .isEqualTo(403);
    }

    private static String siteLabel(Page page) {
        return page.locator("#item-form select[name=siteId] option", new Page.LocatorOptions().setHasText("Aghdam"))
                .first()
                .textContent();
    }
}
