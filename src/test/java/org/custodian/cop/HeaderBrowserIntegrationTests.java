package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The header of every page: on one line on a 1280 px screen for an administrator, who sees the most links, in
 * every language; administration behind one group; on a phone, everything in the folded menu.
 */
@CustodianIntegrationTest
class HeaderBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    /** The distance in pixels between the highest and the lowest top of the header's items. */
    private static final String SPREAD = "() => { const tops = Array.from(document.querySelectorAll("
            + "'header.shell .brand, header.shell nav > a, header.shell .nav-group-toggle, header.shell .lang a,"
            + " header.shell .who, header.shell form button')).filter(e => e.offsetParent !== null)"
            + ".map(e => e.getBoundingClientRect().top);"
            + " return Math.max(...tops) - Math.min(...tops); }";

    @Test
    void theHeaderOfAnAdministratorIsOneLineAt1280PixelsInEveryLanguage() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, 1280, 800);
        for (String lang : List.of("en", "az", "ru", "hy")) {
            page.navigate("http://127.0.0.1:" + port + "/incidents?lang=" + lang);
            double spread = ((Number) page.evaluate(SPREAD)).doubleValue();
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            Chromium.screenshot(page, "header-1280-" + lang);
            assertThat(spread)
                    .as("header items in %s are %s px apart", lang, spread)
                    .isLessThan(12);
            assertThat(width).as(lang).isLessThanOrEqualTo(1280);
        }
    }

    @Test
    void administrationOpensAsAGroupAndLeadsToItsPages() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, 1280, 800);
        page.navigate("http://127.0.0.1:" + port + "/incidents?lang=en");
        assertThat(page.isVisible("header.shell nav a[href='/accounts']")).isFalse();
        page.click("#nav-admin-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/accounts']")).isTrue();
        assertThat(page.isVisible("header.shell nav a[href='/audit']")).isTrue();
        Chromium.screenshot(page, "header-administration-open");
        page.keyboard().press("Escape");
        assertThat(page.isVisible("header.shell nav a[href='/accounts']")).isFalse();

        page.click("#nav-admin-toggle");
        page.click("header.shell nav a[href='/accounts']");
        page.waitForURL("**/accounts");
        // On the group's own pages, the group is marked as where one is.
        assertThat(page.getAttribute("#nav-admin-toggle", "class")).contains("active");
    }

    @Test
    void anOfficerSeesNoAdministratorsLinksAndTheirRoleByItsName() {
        String password = "header-officer-password-7";
        Api.at(port)
                .asAdmin()
                .post(
                        "/api/users",
                        Api.json(Map.of(
                                "username", "header-officer",
                                "displayName", "Header Officer",
                                "password", password,
                                "role", "OFFICER",
                                "regions", List.of("AGD"))));
        Page page = chromium.signIn(port, "header-officer", password, 1280, 800);
        page.navigate("http://127.0.0.1:" + port + "/incidents?lang=ru");
        page.click("#nav-admin-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/sources']")).isTrue();
        assertThat(page.locator("header.shell nav a[href='/accounts']").count()).isZero();
        assertThat(page.locator("header.shell nav a[href='/audit']").count()).isZero();
        // The role is named in the language of the page, not shown as stored.
        assertThat(page.innerText("header.shell .who .role")).isEqualTo("Сотрудник");
    }

    @Test
    void onAPhoneTheFoldedMenuListsTheAdministrationLinks() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.navigate("http://127.0.0.1:" + port + "/incidents?lang=hy");
        assertThat(page.isVisible("header.shell nav a[href='/accounts']")).isFalse();
        page.click("#menu-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/custody']")).isTrue();
        assertThat(page.isVisible("header.shell nav a[href='/accounts']")).isTrue();
        assertThat(page.isVisible("header.shell nav a[href='/sources']")).isTrue();
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(page, "header-phone-open");
        page.click("#menu-toggle");
        assertThat(page.isVisible("header.shell nav a[href='/custody']")).isFalse();
    }
}
