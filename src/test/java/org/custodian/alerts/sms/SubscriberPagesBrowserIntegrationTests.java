package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The subscriber register in a browser, at phone width and on a desktop, in two roles and two languages. */
@CustodianIntegrationTest
class SubscriberPagesBrowserIntegrationTests {

    static final String PASSWORD = "subscriber-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @BeforeEach
    void users() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-sub-page-alerts", "ALERT_OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-sub-page-viewer", "VIEWER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAlertOfficerRegistersASubscriberOnAPhoneAndAViewerSeesTheNumberMasked() {
        Page phone =
                chromium.signIn(port, "agd-sub-page-alerts", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate(url("/subscribers?lang=az"));
        assertThat(phone.locator("h1").textContent()).isEqualTo("SMS abunəçiləri");
        phone.fill("#subscriber-form input[name=phone]", "+994 50 777 12 34");
        phone.selectOption("#subscriber-form select[name=language]", "hy");
        phone.selectOption("#subscriber-form select[name=regionCode]", "AGD");
        phone.selectOption(
                "#subscriber-form select[name=settlementId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("Ağdam"));
        phone.selectOption("#subscriber-form select[name=consentChannel]", "IN_PERSON");
        phone.click("#subscriber-form button[type=submit]");
        phone.waitForSelector(".notice");
        assertThat(phone.locator("#subscribers").textContent()).contains("+994507771234", "Erməni dili", "şəxsən");
        Object overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling at phone width")
                .isLessThanOrEqualTo(0);
        Chromium.screenshot(phone, "sms-subscribers-phone");

        // A refused form says why and writes nothing.
        phone.fill("#subscriber-form input[name=phone]", "12");
        phone.selectOption("#subscriber-form select[name=regionCode]", "AGD");
        phone.selectOption(
                "#subscriber-form select[name=settlementId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("Ağdam"));
        phone.click("#subscriber-form button[type=submit]");
        phone.waitForSelector(".error");
        assertThat(phone.locator(".error").textContent()).contains("12");

        Page viewer = chromium.signIn(port, "agd-sub-page-viewer", PASSWORD);
        viewer.navigate(url("/subscribers?lang=en"));
        assertThat(viewer.locator("#masked-note").isVisible()).isTrue();
        assertThat(viewer.locator("#subscriber-form").count()).isZero();
        assertThat(viewer.locator("#subscribers").textContent())
                .doesNotContain("+994507771234")
                .contains("+994 •••••••34");
        Chromium.screenshot(viewer, "sms-subscribers-desktop-viewer");
    }
}
