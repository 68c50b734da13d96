package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error is a problem in the product's words: no Java types, no library settings. */
@CustodianIntegrationTest
class ErrorWordsIntegrationTests {

    static final List<String> INTERNALS = List.of(
            "java", "jackson", "Jackson", "org.custodian", "Exception", "DeserializationFeature", "Unsupported 'type'");

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[46.935,39.995]}";

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    private void assertPlainProblem(String what, Api.Response r) {
        assertThat(r.status()).as(what).isBetween(400, 499);
        assertThat(r.isProblem()).as(what + ": " + r.contentType()).isTrue();
        for (String word : INTERNALS) {
            assertThat(r.body()).as(what).doesNotContain(word);
        }
    }

    @Test
    void malformedBodiesAreAnsweredInTheProductsOwnWords() {
        String hazard = "{\"regionCode\":\"AGD\",\"name\":\"H\",\"classification\":\"SOMETHING\"}";
        String[][] battery = {
            {"POST", "/api/sources", ""},
            {"POST", "/api/sources", "{"},
            {"POST", "/api/sources", "[1,2]"},
            {"POST", "/api/sources", "\"text\""},
            {"POST", "/api/sources", "{\"publisher\":{},\"title\":\"T\"}"},
            {"POST", "/api/sources", "{\"publisher\":\"P\",\"title\":\"T\",\"dateApproximate\":\"maybe\"}"},
            {"POST", "/api/sources", "{\"publisher\":\"P\",\"title\":\"T\",\"publishedOn\":\"2024-13-45\"}"},
            {"POST", "/api/sources", "{\"publisher\":\"P\",\"title\":\"T\",\"version\":\"x\"}"},
            {
                "POST",
                "/api/users",
                "{\"username\":\"u\",\"displayName\":\"U\",\"password\":\"long-enough-1\",\"role\":\"KING\",\"regions\":[]}"
            },
            {
                "POST",
                "/api/hazard-areas",
                feature(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[46.93,39.99],[46.94,39.99],[46.94,40.0],[46.93,39.99]]]}",
                        hazard)
            },
            {"POST", "/api/hazard-areas", feature("{\"type\":\"Blob\",\"coordinates\":[1,2]}", hazard)},
            {"POST", "/api/hazard-areas", feature("{\"type\":\"Polygon\"}", hazard)},
            {"POST", "/api/hazard-areas", feature("[1,2]", hazard)},
            {"POST", "/api/hazard-areas", "{\"type\":\"Thing\",\"geometry\":" + POINT + ",\"properties\":{}}"},
            {"POST", "/api/facilities", feature(POINT, "{\"regionCode\":\"AGD\",\"name\":\"F\",\"kind\":\"CASTLE\"}")},
            {
                "POST",
                "/api/facilities",
                feature(POINT, "{\"regionCode\":\"AGD\",\"name\":\"F\",\"kind\":\"MEDICAL\",\"status\":7}")
            },
            {
                "POST",
                "/api/facilities",
                feature(POINT, "{\"regionCode\":\"AGD\",\"name\":\"F\",\"kind\":\"MEDICAL\",\"extra\":1}")
            },
            {
                "POST",
                "/api/mine-accidents",
                feature(POINT, "{\"regionCode\":\"AGD\",\"occurredOn\":\"yesterday\",\"killed\":null}")
            },
            {
                "POST",
                "/api/mine-accidents",
                feature(POINT, "{\"regionCode\":\"AGD\",\"occurredOn\":\"2024-01-01\",\"killed\":1.5}")
            },
            {"POST", "/api/incidents", feature(POINT, "{\"regionCode\":\"AGD\",\"type\":\"BATTLES\",\"occurredAt\":12}")
            },
            {"POST", "/api/custody/items", "{\"category\":\"WEAPON\",\"quantity\":\"many\"}"},
            {"POST", "/api/tokens", "{\"name\":\"t\",\"expiresAt\":\"soon\"}"},
            {
                "PUT",
                "/api/assets/1",
                feature(POINT, "{\"regionCode\":\"AGD\",\"kind\":\"LAND_PARCEL\",\"name\":\"N\",\"version\":true}")
            },
            {"GET", "/api/incidents?from=notadate", null},
            {"GET", "/api/facilities/notanumber", null},
            {"PATCH", "/api/sources", "{}"},
            {"DELETE", "/api/regions", null},
            {"GET", "/api/no-such-thing", null},
        };
        for (String[] c : battery) {
            Api.Response r = admin.send(c[0], c[1], c[2], c[2] == null ? null : "application/json");
            assertPlainProblem(c[0] + " " + c[1] + " " + c[2], r);
        }
        Api.Response wrongType = admin.send("POST", "/api/sources", "publisher=P", "text/plain");
        assertPlainProblem("text/plain", wrongType);
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        Api.Response r = admin.post(
                "/api/facilities", feature(POINT, "{\"regionCode\":\"AGD\",\"name\":\"F\",\"kind\":\"CASTLE\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("properties.kind");
        assertThat(r.json().get("detail").asString()).contains("CASTLE", "MEDICAL", "ROAD");
    }

    @Test
    void theGeometryOfARecordIsCalledGeometryInEveryError() {
        String hazard =
                "{\"regionCode\":\"AGD\",\"name\":\"H\",\"classification\":\"SHA\",\"contamination\":[\"AP_MINE\"]}";
        String outside = "{\"type\":\"Point\",\"coordinates\":[10,10]}";
        String farPolygon =
                "{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[10.01,10],[10.01,10.01],[10,10.01],[10,10]]]}";
        for (Api.Response r : List.of(
                admin.post("/api/hazard-areas", feature("{\"type\":\"Blob\",\"coordinates\":[1,2]}", hazard)),
                admin.post("/api/hazard-areas", feature(POINT, hazard)),
                admin.post("/api/hazard-areas", feature(farPolygon, hazard)),
                admin.post(
                        "/api/mine-accidents",
                        feature(
                                outside,
                                "{\"regionCode\":\"AGD\",\"occurredAt\":\"2024-01-01T10:00:00Z\",\"device\":\"AP_MINE\","
                                        + "\"activity\":\"farming\",\"description\":\"d\"}")),
                admin.post(
                        "/api/ordnance-finds",
                        feature(
                                outside,
                                "{\"regionCode\":\"AGD\",\"category\":\"UXO\",\"description\":\"d\",\"quantity\":1,"
                                        + "\"foundOn\":\"2024-01-01\"}")),
                admin.post(
                        "/api/incidents",
                        feature(
                                outside,
                                "{\"regionCode\":\"AGD\",\"type\":\"SHELLING\",\"occurredAt\":\"2024-01-01T10:00:00Z\","
                                        + "\"description\":\"d\"}")))) {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.json().at("/errors/0/field").asString()).as(r.body()).isEqualTo("geometry");
        }
    }

    @Test
    void aPageFormWithoutItsTokenSaysTheFormExpired() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        browser.send(
                form(base + "/login", "username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page =
                browser.send(form(base + "/facilities", "name=Expired"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("The form expired").doesNotContain("role or scope");
        HttpResponse<String> api = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/sources"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"publisher\":\"P\",\"title\":\"T\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("form expired").doesNotContain("role or scope");
    }

    @Test
    void aWrongMethodIsAProblem() {
        Api.Response r = admin.send("PATCH", "/api/sources", "{}", "application/json");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("detail").asString()).contains("PATCH", "GET", "POST");
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
