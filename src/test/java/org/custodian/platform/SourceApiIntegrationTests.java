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
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
class SourceApiIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void listsTheFiveScenarioSources() {
        JsonNode sources = Api.at(port).asAdmin().get("/api/sources").json();
        assertThat(sources.findValuesAsString("publisher"))
                .contains("Anadolu Agency", "Ministry of Foreign Affairs of Azerbaijan", "Caliber.az");
        JsonNode decree = null;
        for (JsonNode s : sources) {
            if (s.get("title").asString().startsWith("President signs decree")) {
                decree = s;
            }
        }
        assertThat(decree).isNotNull();
        assertThat(decree.get("dateApproximate").asBoolean()).isTrue();
    }

    @Test
    void attachesADocumentToASource() throws Exception {
        Api admin = Api.at(port).asAdmin();
        long id = admin.post(
                        "/api/sources",
                        "{\"publisher\":\"Attach\",\"title\":\"Report\",\"link\":\"https://example.org/r\"}")
                .json()
                .get("id")
                .asLong();
        String boundary = "----custodian";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfield report\r\n--" + boundary + "--\r\n";
        String auth = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(admin.base() + "/api/sources/" + id + "/attachment"))
                                .header("Authorization", auth)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("report.txt");
        Api.Response download = admin.get("/api/sources/" + id + "/attachment");
        assertThat(download.body()).isEqualTo("field report");
    }

    @Test
    void refusesIncompleteSourcesAndDeletingACitedOne() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.post("/api/sources", "{\"publisher\":\" \",\"title\":\"T\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/sources", "{\"publisher\":\"P\",\"title\":\"T\",\"publishedOn\":\"yesterday\"}")
                        .status())
                .isEqualTo(400);
        long cited = Api.at(port)
                .asAdmin()
                .get("/api/administrations?region=AGD")
                .json()
                .at("/0/sources/0/id")
                .asLong();
        Api.Response delete = admin.delete("/api/sources/" + cited);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.isProblem()).isTrue();
        assertThat(delete.json().get("detail").asString())
                .isEqualTo("source " + cited
                        + " is cited by records, so it is kept: a source is removed only while nothing cites it");
        assertThat(admin.get("/api/sources/" + cited).status()).isEqualTo(200);

        // A version that a later one corrects is kept while the later one is; nothing cited is removed.
        String title = "Note " + System.nanoTime();
        JsonNode first = admin.post("/api/sources", "{\"publisher\":\"Removal\",\"title\":\"" + title + "\"}")
                .json();
        long id = first.get("id").asLong();
        long later = admin.put(
                        "/api/sources/" + id,
                        "{\"publisher\":\"Removal\",\"title\":\"" + title + " (corrected)\",\"version\":"
                                + first.get("version").asLong() + "}")
                .json()
                .get("id")
                .asLong();
        Api.Response kept = admin.delete("/api/sources/" + id);
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().get("detail").asString()).contains("corrected by source " + later);
        assertThat(admin.delete("/api/sources/" + later).status()).isEqualTo(204);
        assertThat(admin.get("/api/sources/" + later).status()).isEqualTo(404);
        assertThat(admin.delete("/api/sources/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/sources/" + id).status()).isEqualTo(404);
    }

    private static final String PASSWORD = "source-test-password";

    private Api officer(String name, String region) {
        assertThat(Api.at(port).asAdmin().createUser(name, "OFFICER", region, PASSWORD))
                .isIn(201, 409);
        return Api.at(port).as(name, PASSWORD);
    }

    private static HttpResponse<String> upload(Api api, String base, String auth, long id, String type, String text)
            throws Exception {
        String boundary = "----custodian";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/sources/" + id + "/attachment"))
                                .header("Authorization", auth)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheRegionThatRegisteredASourceOrAnAdministratorCorrectsIt() {
        Api fzl = officer("fzl-source-officer", "FZL");
        Api agd = officer("agd-source-officer", "AGD");
        JsonNode created = fzl.post(
                        "/api/sources",
                        "{\"publisher\":\"Fuzuli office\",\"title\":\"Field count\",\"publishedOn\":\"2023-10-05\"}")
                .json();
        long id = created.get("id").asLong();
        assertThat(created.get("regionCodes").toString()).isEqualTo("[\"FZL\"]");
        String retitle = "{\"publisher\":\"Fuzuli office\",\"title\":\"Retitled\",\"version\":"
                + created.get("version").asLong() + "}";

        Api.Response refused = agd.put("/api/sources/" + id, retitle);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        JsonNode unchanged = fzl.get("/api/sources/" + id).json();
        assertThat(unchanged.get("title").asString()).isEqualTo("Field count");
        assertThat(unchanged.get("publishedOn").asString()).isEqualTo("2023-10-05");
        assertThat(unchanged.get("correctedBy").isNull()).isTrue();

        // A scenario source, registered for everyone, is corrected by administrators only.
        JsonNode scenario = null;
        for (JsonNode s : fzl.get("/api/sources").json()) {
            if (s.get("regionCodes").isEmpty()) {
                scenario = s;
            }
        }
        assertThat(scenario).isNotNull();
        assertThat(fzl.put(
                                "/api/sources/" + scenario.get("id").asLong(),
                                "{\"publisher\":\"x\",\"title\":\"y\",\"version\":"
                                        + scenario.get("version").asLong() + "}")
                        .status())
                .isEqualTo(403);

        Api.Response corrected = fzl.put("/api/sources/" + id, retitle);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("id").asLong()).isNotEqualTo(id);
        assertThat(corrected.json().get("previousVersion").asLong()).isEqualTo(id);
    }

    @Test
    void aCorrectionIsANewVersionAndRecordsKeepCitingTheVersionTheyCited() {
        Api admin = Api.at(port).asAdmin();
        JsonNode cited = admin.get("/api/administrations?region=AGD").json().at("/0/sources/0");
        long id = cited.get("id").asLong();
        JsonNode before = admin.get("/api/sources/" + id).json();

        JsonNode correction =
                admin.put("/api/sources/" + id, Api.json(corrected(before))).json();
        long next = correction.get("id").asLong();
        assertThat(next).isNotEqualTo(id);
        assertThat(correction.get("versionNumber").asInt())
                .isEqualTo(before.get("versionNumber").asInt() + 1);

        JsonNode old = admin.get("/api/sources/" + id).json();
        assertThat(old.get("title").asString()).isEqualTo(before.get("title").asString());
        assertThat(old.get("publishedOn").toString())
                .isEqualTo(before.get("publishedOn").toString());
        assertThat(old.get("correctedBy").asLong()).isEqualTo(next);
        assertThat(admin.get("/api/administrations?region=AGD")
                        .json()
                        .at("/0/sources/0/id")
                        .asLong())
                .isEqualTo(id);

        JsonNode history = admin.get("/api/sources/" + next + "/history").json();
        assertThat(history.findValuesAsString("title"))
                .containsExactly(
                        before.get("title").asString(), before.get("title").asString() + " (corrected)");
        // The register lists the current version only; the old one cannot be corrected again.
        assertThat(admin.get("/api/sources").json().findValues("id").stream().map(JsonNode::asLong))
                .contains(next)
                .doesNotContain(id);
        assertThat(admin.put(
                                "/api/sources/" + id,
                                "{\"publisher\":\"x\",\"title\":\"y\",\"version\":"
                                        + old.get("version").asLong() + "}")
                        .status())
                .isEqualTo(409);
    }

    /** The same source with its title corrected, everything else as it was. */
    private static java.util.Map<String, Object> corrected(JsonNode before) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("publisher", before.get("publisher").asString());
        body.put("title", before.get("title").asString() + " (corrected)");
        body.put(
                "publishedOn",
                before.get("publishedOn").isNull()
                        ? null
                        : before.get("publishedOn").asString());
        body.put("dateApproximate", before.get("dateApproximate").asBoolean());
        body.put(
                "dateNote",
                before.get("dateNote").isNull() ? null : before.get("dateNote").asString());
        body.put("link", before.get("link").isNull() ? null : before.get("link").asString());
        body.put("version", before.get("version").asLong());
        return body;
    }

    @Test
    void refusesDocumentsThatAreNotOfAnAcceptedMediaType() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String auth = basic("admin", Api.ADMIN_PASSWORD);
        long id = admin.post("/api/sources", "{\"publisher\":\"Types\",\"title\":\"Report\"}")
                .json()
                .get("id")
                .asLong();
        HttpResponse<String> notAType = upload(admin, admin.base(), auth, id, "not a type", "x");
        assertThat(notAType.statusCode()).isEqualTo(422);
        assertThat(notAType.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(notAType.body()).contains("not a media type");
        HttpResponse<String> program = upload(admin, admin.base(), auth, id, "application/x-msdownload", "MZ");
        assertThat(program.statusCode()).isEqualTo(422);
        assertThat(program.body()).contains("application/x-msdownload");
        assertThat(admin.get("/api/sources/" + id).json().get("attachment").isNull())
                .isTrue();

        HttpResponse<String> pdf = upload(admin, admin.base(), auth, id, "application/pdf", "%PDF-1.4");
        assertThat(pdf.statusCode()).isEqualTo(200);
        Api.Response download = admin.get("/api/sources/" + id + "/attachment", "application/pdf");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");

        // Replacing the document is a correction too: the first document stays with the version that had it.
        HttpResponse<String> replaced = upload(admin, admin.base(), auth, id, "text/plain", "second");
        assertThat(replaced.statusCode()).isEqualTo(200);
        long next = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(replaced.body())
                .get("id")
                .asLong();
        assertThat(next).isNotEqualTo(id);
        assertThat(admin.get("/api/sources/" + id + "/attachment", "application/pdf")
                        .body())
                .isEqualTo("%PDF-1.4");
        assertThat(admin.get("/api/sources/" + next + "/attachment", "text/plain")
                        .body())
                .isEqualTo("second");
    }
}
