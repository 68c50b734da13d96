package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The links a page writes: WebJars' with the version the application carries, every other as written. */
@CustodianIntegrationTest
class PageLinksIntegrationTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staticFilesAreKeptByTheBrowserAndAskedAboutAgainNotDownloadedAgain() throws Exception {
        String mapLibre = "/js/vendor/maplibre-gl/maplibre-gl-csp.js";
        HttpResponse<String> first = get(mapLibre);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-cache").doesNotContain("no-store"));
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> again = get(mapLibre, "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // Pages are never kept: they hold what the caller may see now.
        assertThat(get("/incidents").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void webJarLinksNameTheirVersionAndOtherLinksStayAsWritten() throws Exception {
        String page = get("/incidents").body();

        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/([^/\"]+)/dist/htmx\\.min\\.js)\"")
                .matcher(page);
        assertThat(htmx.find()).as("htmx linked with its version").isTrue();
        assertThat(htmx.group(2)).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(get(htmx.group(1)).statusCode()).isEqualTo(200);
        assertThat(page).doesNotContain("/webjars/htmx.org/dist/");

        assertThat(page).contains("href=\"/css/custodian.css\"").contains("href=\"/incidents/");
        assertThat(get("/css/custodian.css").statusCode()).isEqualTo(200);
        // A versionless link still works, for the scripts that name one themselves.
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }
}
