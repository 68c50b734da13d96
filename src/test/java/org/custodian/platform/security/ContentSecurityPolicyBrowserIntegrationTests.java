package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages whose colours and sizes were once style attributes, in Chromium under the policy without
 * 'unsafe-inline': the browser reports no violation, and the colours and widths that come with the data
 * (set through the CSSOM) are applied. At phone width and on a desktop; screenshots in target/screenshots.
 */
@CustodianIntegrationTest
class ContentSecurityPolicyBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void pagesShowTheirColoursWithoutAnyPolicyViolation() {
        for (int width : List.of(390, 1280)) {
            Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, width, 844);
            List<String> violations = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    violations.add(page.url() + ": " + m.text());
                }
            });
            page.navigate("http://127.0.0.1:" + port + "/");
            page.waitForSelector("#map[data-ready=true]");
            assertThat(page.evaluate("() => getComputedStyle(document.querySelector('.legend-swatch'))"
                            + ".getPropertyValue('--layer').trim()"))
                    .as("a layer's colour on its legend")
                    .isNotEqualTo("");
            assertThat(page.evaluate(
                            "() => getComputedStyle(document.querySelector('.legend-swatch[data-swatch-color]'))"
                                    + ".backgroundColor"))
                    .as("a status's colour on its legend")
                    .isNotEqualTo("rgba(0, 0, 0, 0)");
            Chromium.screenshot(page, "csp-map-" + width);
            for (String path : List.of(
                    "/routes", "/corridors", "/outreach", "/fieldcollect/keys", "/dashboards", "/regions/AGD")) {
                page.navigate("http://127.0.0.1:" + port + path);
                page.waitForLoadState();
                Chromium.screenshot(page, "csp" + path.replace('/', '-') + "-" + width);
            }
            page.navigate("http://127.0.0.1:" + port + "/routes");
            assertThat(page.evaluate("() => document.getElementById('route-map').getBoundingClientRect().height"))
                    .as("the route map's height, from the style sheet")
                    .isEqualTo(460);
            page.navigate("http://127.0.0.1:" + port + "/outreach");
            Object barWidths = page.evaluate(
                    "() => Array.from(document.querySelectorAll('[data-bar-percent]')).map(b => b.style.width)");
            assertThat((List<?>) barWidths).isNotEmpty().allSatisfy(w -> assertThat(w.toString())
                    .endsWith("%"));
            // The situation report carries its own style sheet, allowed by its hash and by nothing wider.
            page.navigate("http://127.0.0.1:" + port + "/api/reports/sitrep?region=AGD&date=2023-09-20");
            assertThat(page.evaluate("() => getComputedStyle(document.body).maxWidth"))
                    .as("the report's own style sheet applies")
                    .isEqualTo("1100px");
            assertThat(violations).isEmpty();
            page.context().close();
        }
    }
}
