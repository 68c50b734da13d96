package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustodianIntegrationTest
class PageErrorsIntegrationTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String accept) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Basic " + basic)
                                .header("Accept", accept)
                                .header("Accept-Language", "ru")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongLinkShowsABrowserTheErrorPageAndAProgramAProblem() throws Exception {
        HttpResponse<String> page = get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<header").contains("404");

        HttpResponse<String> program = get("/api/no-such-thing", "*/*");
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
