package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages carry a Content-Security-Policy that allows no inline style or script, and the pages the app serves
 * hold no style attribute, which that policy would make the browser ignore.
 */
@CustodianIntegrationTest
class ContentSecurityPolicyIntegrationTests {

    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void pagesAllowNoInlineStyleOrScriptAndHoldNoStyleAttribute() throws Exception {
        for (String path : List.of("/", "/routes", "/corridors", "/outreach", "/alerts", "/fieldcollect/keys")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy)
                    .as(path)
                    .contains("style-src 'self'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(STYLE_ATTRIBUTE.matcher(page.body()).find())
                    .as(path + " has a style attribute")
                    .isFalse();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Basic " + basic)
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
