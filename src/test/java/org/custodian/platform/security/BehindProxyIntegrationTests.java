package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.custodian.Api;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Custodian behind a TLS-terminating proxy ({@code server.forward-headers-strategy=native}): a request the
 * proxy received over HTTPS gets HSTS and a Secure session cookie, and sign-in throttling counts the
 * client's address the proxy names, not the proxy's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "custodian.admin.password=" + Api.ADMIN_PASSWORD,
            "custodian.demo.enabled=false",
            "server.shutdown=immediate",
            "server.forward-headers-strategy=native"
        })
@ContextConfiguration(initializers = TestDatabase.class)
class BehindProxyIntegrationTests {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void httpsThroughTheProxyGetsHstsAndASecureSameSiteCookie() throws Exception {
        HttpResponse<String> https = send("/login", "X-Forwarded-Proto", "https");
        assertThat(https.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=");
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=")
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax"));

        HttpResponse<String> plain = send("/login", "X-Forwarded-Proto", "http");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie"))
                .noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void failedSignInsCountAgainstTheClientTheProxyNames() throws Exception {
        String wrong = basic("admin", "a-wrong-password-" + port);
        for (int i = 0; i < 5; i++) {
            assertThat(send("/api/sources", "X-Forwarded-For", "203.0.113.9", wrong)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(send("/api/sources", "X-Forwarded-For", "203.0.113.9", wrong).statusCode())
                .isEqualTo(429);
        String right = basic("admin", Api.ADMIN_PASSWORD);
        assertThat(send("/api/sources", "X-Forwarded-For", "198.51.100.20", right)
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String header, String value, String... authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(header, value);
        if (authorization.length > 0) {
            request.header("Authorization", authorization[0]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
