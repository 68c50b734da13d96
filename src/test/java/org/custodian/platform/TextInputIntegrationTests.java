package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Control and bidirectional override characters are refused in text, from JSON and from forms alike. */
@CustodianIntegrationTest
class TextInputIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    @Test
    void refusesControlAndBidiOverrideCharactersInJsonNamingTheField() {
        for (String bad : new String[] {
            "Nul\u0000name", "Bell\u0007", "Esc\u001b[31m", "evil\u202Etxt.exe", "iso\u2066late", "two\nlines"
        }) {
            Api.Response refused =
                    admin.post("/api/sources", Api.json(Map.of("publisher", bad, "title", "Control characters")));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("publisher");
            assertThat(refused.body()).doesNotContain("\\u0000", "\\u001b", "\u202E");
        }
        Api.Response nested = admin.post(
                "/api/assets",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.935,39.995]},"
                        + "\"properties\":"
                        + Api.json(Map.of("regionCode", "AGD", "kind", "CULTURAL_HERITAGE", "name", "Mosque\u202E"))
                        + "}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().at("/errors/0/field").asString()).isEqualTo("properties.name");
        assertThat(admin.get("/api/sources").body()).doesNotContain("Control characters");
    }

    @Test
    void keepsLineBreaksAndTabsInMultiLineText() {
        Api.Response kept = admin.post(
                "/api/sources",
                Api.json(Map.of("publisher", "Multi-line", "title", "Notes", "dateNote", "first line\nsecond\tline")));
        assertThat(kept.status()).isEqualTo(201);
        assertThat(kept.json().get("dateNote").asString()).isEqualTo("first line\nsecond\tline");
        Api.Response bell = admin.post(
                "/api/sources",
                Api.json(Map.of("publisher", "Multi-line", "title", "Notes", "dateNote", "ring\u0007")));
        assertThat(bell.status()).isEqualTo(400);
        assertThat(bell.json().at("/errors/0/field").asString()).isEqualTo("dateNote");
    }

    @Test
    void refusesThemInFormsNamingTheField() throws Exception {
        String geometry = "{\"type\":\"Point\",\"coordinates\":[46.935,39.995]}";
        String form =
                "regionCode=AGD&kind=MEDICAL&name=" + URLEncoder.encode("Clinic\u0000\u202E", StandardCharsets.UTF_8)
                        + "&geometry=" + URLEncoder.encode(geometry, StandardCharsets.UTF_8);
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(admin.base() + "/facilities"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + Api.ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(refused.body())
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("name");
        assertThat(admin.get("/api/facilities?region=AGD").body()).doesNotContain("Clinic");
    }

    @Test
    void refusesThemInQueryParametersNamingTheParameter() throws Exception {
        Api.Response refused =
                admin.get("/api/facilities?region=" + URLEncoder.encode("AGD\u202E", StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("region");
        assertThat(admin.get("/api/facilities?region=AGD").status()).isEqualTo(200);
    }
}
