package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every OGC API resource with or without its trailing slash, as JSON or as a page, and errors as problems. */
@CustodianIntegrationTest
class OgcApiFormatsIntegrationTests {

    static final List<String> RESOURCES = List.of(
            "/ogc",
            "/ogc/conformance",
            "/ogc/collections",
            "/ogc/collections/regions",
            "/ogc/collections/regions/items",
            "/ogc/collections/regions/items/AGD");

    /** What java.net.HttpURLConnection sends when the caller names nothing. */
    static final String JAVA_DEFAULT_ACCEPT = "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2";

    @LocalServerPort
    int port;

    @Test
    void everyResourceAnswersWithItsTrailingSlashToo() {
        Api admin = Api.at(port).asAdmin();
        for (String path : RESOURCES) {
            Api.Response plain = admin.get(path);
            Api.Response slashed = admin.get(path + "/");
            assertThat(plain.status()).as(path).isEqualTo(200);
            assertThat(slashed.status()).as(path + "/").isEqualTo(200);
            assertThat(slashed.contentType()).isEqualTo(plain.contentType());
        }
        assertThat(admin.get("/ogc/api/").status()).isEqualTo(200);
    }

    @Test
    void browsersGetPagesInTheirLanguageAndFormatParameterChoosesToo() {
        Api admin = Api.at(port).asAdmin();
        for (String path : RESOURCES) {
            for (Api.Response page : List.of(
                    admin.get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                    admin.get(path, JAVA_DEFAULT_ACCEPT),
                    admin.get(path + "?f=html"))) {
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.contentType()).as(path).startsWith("text/html");
                assertThat(page.body()).contains("OGC API - Features");
            }
            Api.Response json = admin.get(path + "?f=json", "text/html");
            assertThat(json.status()).as(path).isEqualTo(200);
            assertThat(json.contentType()).as(path).containsPattern("application/(geo\\+)?json");
        }
        String items = admin.get("/ogc/collections/settlements/items?limit=5&f=html&lang=ru")
                .body();
        assertThat(items)
                .contains("id=\"ogc-table\"")
                .contains("id=\"ogc-map\"")
                .contains("/ogc/collections/settlements/items/")
                .contains("Следующая страница")
                .contains("offset=5");
        assertThat(admin.get("/ogc/collections/regions/items/AGD?f=html").body())
                .contains("<td>Aghdam</td>");
        assertThat(admin.get("/ogc/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/html");
        JsonNode landing = admin.get("/ogc").json();
        assertThat(landing.get("links").findValuesAsString("type")).contains("text/html");
    }

    @Test
    void formatsNotServedAre406AndErrorsAreProblemsWhateverIsAccepted() {
        Api admin = Api.at(port).asAdmin();
        for (String path : RESOURCES) {
            for (String accept : List.of("application/xml", "text/plain")) {
                Api.Response refused = admin.get(path, accept);
                assertThat(refused.status()).as(path + " " + accept).isEqualTo(406);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            Api.Response unknownFormat = admin.get(path + "?f=xml");
            assertThat(unknownFormat.status()).as(path).isEqualTo(406);
            assertThat(unknownFormat.isProblem()).isTrue();
        }
        for (String path : List.of("/ogc/nothing", "/ogc/collections/nope", "/ogc/collections/regions/items/NOPE")) {
            for (String accept : List.of("text/html", "application/json", JAVA_DEFAULT_ACCEPT)) {
                Api.Response missing = admin.get(path, accept);
                assertThat(missing.status()).as(path + " " + accept).isEqualTo(404);
                assertThat(missing.contentType()).startsWith("application/problem+json");
            }
        }
        Api.Response bad = admin.get("/ogc/collections/regions/items?limit=none", "text/html");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }
}
