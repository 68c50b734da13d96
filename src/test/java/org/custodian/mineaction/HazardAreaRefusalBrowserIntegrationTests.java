package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hazard area drawn on the map with crossing edges is refused in the page's language, with the place where
 * the edges cross, on a desktop in Russian and on a phone in Armenian; nothing is recorded.
 */
@CustodianIntegrationTest
class HazardAreaRefusalBrowserIntegrationTests {

    static final String PASSWORD = "hazard-refusal-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @BeforeEach
    void officer() {
        assertThat(Api.at(port).asAdmin().createUser("fzl-drawing-officer", "OFFICER", "FZL", PASSWORD))
                .isIn(201, 409);
    }

    @Test
    void aBowTieDrawnOnTheMapIsRefusedInRussianOnADesktop() {
        Page page = chromium.signIn(port, "fzl-drawing-officer", PASSWORD);
        String error = drawBowTie(page, "ru");
        assertThat(error)
                .startsWith("геометрия отклонена: самопересечение в точке ")
                .matches(".* \\d+\\.\\d{5}, \\d+\\.\\d{5}$")
                .doesNotContain("self-intersection", "refused");
        // The drawing and what was typed come back, to be corrected.
        assertThat(page.inputValue("#hazard-area-geometry")).contains("\"Polygon\"");
        assertThat(page.inputValue("#hazard-area-form input[name=name]")).isEqualTo("Crossed field");
        Chromium.screenshot(page, "hazard-area-refused-ru");
    }

    @Test
    void aBowTieDrawnOnTheMapIsRefusedInArmenianOnAPhone() {
        Page phone =
                chromium.signIn(port, "fzl-drawing-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        String error = drawBowTie(phone, "hy");
        assertThat(error)
                .startsWith("երկրաչափությունը մերժվեց. ինքնահատում՝ ")
                .endsWith(" կետում")
                .doesNotContain("self-intersection");
        int overflow = ((Number) phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        Chromium.screenshot(phone, "hazard-area-refused-hy-phone");
    }

    /** Draws a polygon whose edges cross (the corners clicked in a Z) and submits it; answers the error shown. */
    private String drawBowTie(Page page, String language) {
        page.navigate("http://127.0.0.1:" + port + "/mine-action/hazard-areas/new?lang=" + language);
        page.waitForSelector("#draw-map[data-drawn*=regions]");
        page.fill("#hazard-area-form input[name=name]", "Crossed field");
        page.selectOption("#hazard-area-form select[name=regionCode]", "FZL");
        page.locator("#draw-map").scrollIntoViewIfNeeded();
        var map = page.locator("#draw-map").boundingBox();
        double[][] corners = {{0.4, 0.3}, {0.6, 0.7}, {0.6, 0.3}, {0.4, 0.7}};
        for (double[] c : corners) {
            page.mouse().click(map.x + map.width * c[0], map.y + map.height * c[1]);
        }
        assertThat(page.inputValue("#hazard-area-geometry")).contains("\"Polygon\"");
        page.click("#hazard-area-form button[type=submit]");
        page.waitForSelector("#hazard-area-form p.error, main p.error");
        assertThat(page.url()).endsWith("/mine-action/hazard-areas/new");
        return page.locator("main p.error").first().textContent().strip();
    }
}
