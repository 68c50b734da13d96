package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Browser;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same refusal reads in the page's language on a page and in English in the API, whatever language the
 * program asks for: a rule a form breaks, a change the records' state refuses, a record that does not exist.
 */
@CustodianIntegrationTest
class RefusalLanguageIntegrationTests {

    static final String PASSWORD = "refusal-language-password";

    @LocalServerPort
    int port;

    @Test
    void aRuleAFormBreaksReadsInRussianOnThePageAndInEnglishInTheApi() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-refusal-director", "DIRECTOR", "AGD", PASSWORD))
                .isIn(201, 409);
        long id = admin.post("/api/incidents", Api.json(incident()))
                .json()
                .get("id")
                .asLong();

        Browser page = new Browser(port, "127.0.0.1");
        page.signIn("agd-refusal-director", PASSWORD);
        page.get("/incidents/" + id + "?lang=ru");
        HttpResponse<String> refused = page.postForm("/incidents/" + id + "/reviews", Map.of("status", "VERIFIED"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(page.get("/incidents/" + id).body())
                .contains("инцидент со статусом «сообщено» нельзя перевести в статус «подтверждено»:"
                        + " сначала отправьте его на проверку")
                .doesNotContain("put it under review first");

        JsonNode problem = inRussian(
                "POST", "/api/incidents/" + id + "/reviews", "agd-refusal-director", "{\"status\":\"VERIFIED\"}");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString())
                .isEqualTo("status: an incident reported cannot be verified: put it under review first");
        assertThat(problem.get("errors").get(0).get("reason").asString())
                .isEqualTo("an incident reported cannot be verified: put it under review first");
    }

    @Test
    void aConflictWithTheRecordsReadsInAzerbaijaniOnThePageAndInEnglishInTheApi() {
        Api admin = Api.at(port).asAdmin();
        String title = "Damage survey " + System.nanoTime();
        String source = Api.json(Map.of("publisher", "Regional office", "title", title));
        assertThat(admin.post("/api/sources", source).status()).isEqualTo(201);

        Browser page = new Browser(port, "127.0.0.1");
        page.signIn("admin", Api.ADMIN_PASSWORD);
        page.get("/sources/new?lang=az");
        HttpResponse<String> refused =
                page.postForm("/sources", Map.of("publisher", "Regional office", "title", title));
        assertThat(refused.statusCode()).isEqualTo(302);
        String form = page.get("/sources/new").body();
        assertThat(form)
                .contains("bu nəşr edən və başlıqla mənbə artıq qeydiyyatdadır")
                .doesNotContain("already registered");
        // What was typed comes back with the reason.
        assertThat(form).contains(title);

        // Without a publisher the page's form is refused in Azerbaijani too.
        page.postForm("/sources", Map.of("title", title));
        assertThat(page.get("/sources/new").body()).contains("nəşr edəni və başlığı göstərin");

        Api.Response again = admin.post("/api/sources", source);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("a source with this publisher and title is already registered");
    }

    @Test
    void aRecordThatDoesNotExistIsNamedInArmenianOnTheErrorPageAndInEnglishInTheApi() {
        Browser page = new Browser(port, "127.0.0.1");
        page.signIn("admin", Api.ADMIN_PASSWORD);
        HttpResponse<String> missing = page.get("/incidents/987654321?lang=hy");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("987654321 միջադեպ չկա").doesNotContain("no incident");

        HttpResponse<String> russian = page.get("/mine-action/hazard-areas/987654321?lang=ru");
        assertThat(russian.statusCode()).isEqualTo(404);
        assertThat(russian.body()).contains("опасного района 987654321 нет");

        JsonNode problem = inRussian("GET", "/api/incidents/987654321", "admin", null);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).isEqualTo("no incident 987654321");
    }

    @Test
    void aSelfIntersectingHazardAreaReadsInAzerbaijaniOnThePageAndInEnglishInTheApi() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("fzl-refusal-officer", "OFFICER", "FZL", PASSWORD))
                .isIn(201, 409);
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6],[47.11,39.61],[47.11,39.6],"
                + "[47.1,39.61],[47.1,39.6]]]}";

        Browser page = new Browser(port, "127.0.0.1");
        page.signIn("fzl-refusal-officer", PASSWORD);
        page.get("/mine-action/hazard-areas/new?lang=az");
        HttpResponse<String> refused = page.postForm("/mine-action/hazard-areas", hazardArea(bowtie));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(page.get("/mine-action/hazard-areas/new").body())
                .contains("həndəsə qəbul edilmədi: öz-özünü kəsişmə: 39.60500, 47.10500 nöqtəsində")
                .doesNotContain("self-intersection", "is refused");

        // A position with an elevation, refused while the GeoJSON is read, in Russian.
        page.get("/mine-action/hazard-areas/new?lang=ru");
        page.postForm(
                "/mine-action/hazard-areas",
                hazardArea("{\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6,300],[47.11,39.6],[47.11,39.61],"
                        + "[47.1,39.6]]]}"));
        assertThat(page.get("/mine-action/hazard-areas/new").body())
                .contains("геометрия отклонена: в позиции есть высота ([47.1,39.6,300]), которая не хранится");

        JsonNode problem = inRussian(
                "POST",
                "/api/hazard-areas",
                "fzl-refusal-officer",
                "{\"type\":\"Feature\",\"geometry\":" + bowtie + ",\"properties\":{\"regionCode\":\"FZL\","
                        + "\"name\":\"Bow-tie field\",\"classification\":\"CHA\",\"contamination\":[\"AP_MINE\"],"
                        + "\"recordedOn\":\"2024-01-10\"}}");
        assertThat(problem.get("status").asInt()).as(problem::toString).isEqualTo(422);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid geometry");
        assertThat(problem.get("detail").asString()).isEqualTo("geometry: self-intersection at 39.60500, 47.10500");
        assertThat(problem.get("location").get(0).asDouble()).isCloseTo(47.105, within(1e-9));
        assertThat(problem.get("location").get(1).asDouble()).isCloseTo(39.605, within(1e-9));
    }

    /** The fields of the page's form that records a hazard area in Fuzuli, with the area given. */
    private static Map<String, String> hazardArea(String area) {
        return Map.of(
                "regionCode",
                "FZL",
                "name",
                "Bow-tie field",
                "classification",
                "SHA",
                "priority",
                "HIGH",
                "area",
                area);
    }

    /** An API request from a program whose user reads Russian: the answer stays in English. */
    private JsonNode inRussian(String method, String path, String user, String json) {
        String password = user.equals("admin") ? Api.ADMIN_PASSWORD : PASSWORD;
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Accept-Language", "ru")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            return JsonMapper.builder().build().readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> incident() {
        return Map.of(
                "type",
                "Feature",
                "geometry",
                Map.of("type", "Point", "coordinates", List.of(46.93, 39.99)),
                "properties",
                Map.of(
                        "regionCode",
                        "AGD",
                        "type",
                        "CEASEFIRE_VIOLATION",
                        "occurredAt",
                        "2023-09-20T10:00:00Z",
                        "description",
                        "Small-arms fire at a checkpoint",
                        "sources",
                        List.of()));
    }
}
