package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator opens and disables an account, and its owner keeps their own tokens, all on the pages:
 * the same rules as the API, and nobody else reaches the account pages.
 */
@CustodianIntegrationTest
class AccountPagesBrowserIntegrationTests {

    static final String PASSWORD = "copper kettle under winter moss";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anAdministratorOpensAnAccountItsOwnerKeepsTokensAndDisablingSignsThemOut() {
        Page admin = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        admin.click("#nav-admin-toggle");
        admin.click("header.shell nav a[href='/accounts']");
        admin.waitForURL("**/accounts");
        assertThat(admin.locator("#accounts").textContent()).contains("admin");
        admin.click("#new-account");
        admin.waitForURL("**/accounts/new");
        admin.fill("#account-form input[name=username]", "agd-pages-officer");
        admin.fill("#account-form input[name=displayName]", "Leyla Mammadova");
        admin.selectOption("#account-form select[name=role]", "OFFICER");
        admin.check("#account-form input[name=regions][value=AGD]");
        admin.selectOption("#account-form select[name=agencyId]", new SelectOption().setIndex(1));
        // A weak password is refused by the same rules as the API, and what was typed stays.
        admin.fill("#account-form input[name=password]", "password1234");
        admin.click("#account-form button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("too easy to guess");
        assertThat(admin.inputValue("#account-form input[name=displayName]")).isEqualTo("Leyla Mammadova");
        assertThat(admin.isChecked("#account-form input[name=regions][value=AGD]"))
                .isTrue();
        Chromium.screenshot(admin, "account-new-refused");

        admin.fill("#account-form input[name=password]", PASSWORD);
        admin.click("#account-form button[type=submit]");
        admin.waitForURL("**/accounts/agd-pages-officer");
        assertThat(admin.isChecked("#account-form input[name=regions][value=AGD]"))
                .isTrue();
        Chromium.screenshot(admin, "account");
        Api.Response user = Api.at(port).as("agd-pages-officer", PASSWORD).get("/api/users/me");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("role").asString()).isEqualTo("OFFICER");
        assertThat(user.json().get("regions").get(0).asString()).isEqualTo("AGD");
        assertThat(user.json().get("agencyId").isNumber()).isTrue();

        Page officer = chromium.signIn(port, "agd-pages-officer", PASSWORD);
        assertThat(officer.isVisible("header.shell nav a[href='/accounts']")).isFalse();
        officer.click("#my-account");
        officer.waitForURL("**/tokens");
        assertThat(officer.locator("#me").textContent()).contains("AGD", "Officer");
        officer.fill("#token-form input[name=name]", "QGIS on the field laptop");
        officer.click("#token-form button[type=submit]");
        officer.waitForSelector("#secret");
        String secret = officer.locator("#secret code").textContent().strip();
        assertThat(secret).startsWith("cus_");
        Chromium.screenshot(officer, "tokens-issued");
        // Times in the zone of the officer's region, named, not in UTC.
        assertThat(officer.locator("#times-zone").textContent()).contains("Asia/Baku (+04:00)");
        assertThat(officer.locator("#tokens").textContent()).contains("+04:00").doesNotContain("UTC");
        assertThat(Api.at(port).withToken(secret).get("/api/users/me").status()).isEqualTo(200);
        // Shown once: the next visit lists the token, not its secret.
        officer.navigate(url("/tokens"));
        assertThat(officer.isVisible("#secret")).isFalse();
        assertThat(officer.content()).doesNotContain(secret);
        officer.click("#tokens form.revoke button");
        officer.waitForSelector("p.notice");
        assertThat(officer.locator("#tokens").textContent()).contains("revoked");
        assertThat(Api.at(port).withToken(secret).get("/api/users/me").status()).isEqualTo(401);

        // Nobody but an administrator reaches the account pages.
        Api.Response denied = Api.at(port).as("agd-pages-officer", PASSWORD).get("/accounts");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(officer.navigate(url("/accounts/new")).status()).isEqualTo(403);
        assertThat(officer.locator("h1").textContent()).contains("403");
        Chromium.screenshot(officer, "accounts-forbidden");

        admin.uncheck("#account-form input[name=enabled]");
        admin.click("#account-form button[type=submit]");
        admin.waitForSelector(".notice");
        assertThat(admin.locator("h1 .badge").textContent()).isEqualTo("Disabled");
        officer.navigate(url("/incidents"));
        assertThat(officer.url()).endsWith("/login");

        // The first administrator stays one: refused with the reason, nothing changed.
        admin.navigate(url("/accounts/admin"));
        admin.selectOption("#account-form select[name=role]", "VIEWER");
        admin.click("#account-form button[type=submit]");
        assertThat(admin.locator("p.error").textContent()).contains("keeps the admin role");
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/users/me")
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("ADMIN");
    }
}
