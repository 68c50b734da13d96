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
        assertThat(admin.get("/api/sources/" + cited).status()).isEqualTo(200);
    }
}
