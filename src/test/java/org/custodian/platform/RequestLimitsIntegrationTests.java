package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bodies are bounded, and a role that may never write is refused before its body is read. */
@CustodianIntegrationTest
class RequestLimitsIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    private String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesABodyOverTheLimitWithAProblemWhetherItsLengthIsAnnouncedOrNot() throws Exception {
        String oversized = "{\"publisher\":\"" + "x".repeat(6 * 1024 * 1024) + "\",\"title\":\"Too long\"}";
        Api.Response announced = admin.post("/api/sources", oversized);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.isProblem()).isTrue();
        assertThat(announced.json().get("detail").asString()).contains("5 MB");

        byte[] bytes = oversized.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(admin.base() + "/api/sources"))
                .header("Authorization", basic("admin", Api.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(admin.get("/api/sources").body()).doesNotContain("Too long");
    }

    @Test
    void aReaderIsRefusedAnyWriteBeforeItsBodyIsReadButManagesItsOwnTokens() {
        assertThat(admin.createUser("agd-limits-viewer", "VIEWER", "AGD", "agd-limits-viewer-password"))
                .isEqualTo(201);
        assertThat(admin.createUser("agd-limits-partner", "PARTNER", "AGD", "agd-limits-partner-password"))
                .isEqualTo(201);
        for (Api reader : new Api[] {
            Api.at(port).as("agd-limits-viewer", "agd-limits-viewer-password"),
            Api.at(port).as("agd-limits-partner", "agd-limits-partner-password")
        }) {
            // Not even JSON: read first, this would be a 400; refused first, a 403.
            for (Api.Response refused : new Api.Response[] {
                reader.post("/api/facilities", "{not json"),
                reader.put("/api/assets/1", "{not json"),
                reader.post("/api/sources", "{not json"),
                reader.send("DELETE", "/api/sources/1", "{not json", "application/json")
            }) {
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.json().get("detail").asString()).contains("read-only");
            }
            Api.Response token = reader.post("/api/tokens", "{\"name\":\"qgis\"}");
            assertThat(token.status()).isEqualTo(201);
            assertThat(reader.delete("/api/tokens/"
                                    + token.json().at("/token/id").asLong())
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void anUploadOverItsLimitIsAProblemToo() throws Exception {
        long id = admin.post("/api/sources", "{\"publisher\":\"Upload limit\",\"title\":\"Large scan\"}")
                .json()
                .get("id")
                .asLong();
        assertTooLarge(upload("/api/sources/" + id + "/attachment", "scan.pdf", 22), "20 MB");
        assertThat(admin.get("/api/sources/" + id).json().get("attachment").isNull())
                .isTrue();
    }

    @Test
    void eachKindOfUploadHasALimitFittingItsUseAndNothingIsWrittenOverIt() throws Exception {
        // A photo of an assessment: a phone's photo is a few MB, so 11 MB is refused before it is read.
        long asset =
                admin.get("/api/assets").json().get("features").get(0).get("id").asLong();
        int photos = admin.get("/api/assets/" + asset + "/photos").json().size();
        assertTooLarge(upload("/api/assets/" + asset + "/assessments/1/photos", "photo.jpg", 11), "10 MB");
        assertThat(admin.get("/api/assets/" + asset + "/photos").json().size()).isEqualTo(photos);
        // A file of hazard areas and a road network: up to the multipart limit.
        int areas = admin.get("/api/hazard-areas").json().get("features").size();
        assertTooLarge(upload("/api/hazard-areas/import", "areas.geojson", 22), "20 MB");
        assertThat(admin.get("/api/hazard-areas").json().get("features").size()).isEqualTo(areas);
        int edges = admin.get("/api/road-network").json().get("edges").asInt();
        assertTooLarge(upload("/api/road-network", "roads.osm", 22), "20 MB");
        assertThat(admin.get("/api/road-network").json().get("edges").asInt()).isEqualTo(edges);
    }

    /** Posts a multipart upload of one file of {@code megabytes} zero bytes, as an administrator. */
    private HttpResponse<String> upload(String path, String fileName, int megabytes) throws Exception {
        String boundary = "----custodian-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + megabytes * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        return send(HttpRequest.newBuilder(URI.create(admin.base() + path))
                .header("Authorization", basic("admin", Api.ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static void assertTooLarge(HttpResponse<String> upload, String limit) {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(413);
        assertThat(upload.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(upload.body());
        assertThat(problem.get("detail").asString()).contains(limit);
    }

    @Test
    void refusesAGeometryWithMoreVerticesThanTheLimitSayingBoth() {
        int vertices = 100_001;
        StringBuilder ring = new StringBuilder("[");
        for (int i = 0; i < vertices - 1; i++) {
            double angle = 2 * Math.PI * i / (vertices - 1);
            ring.append(String.format(
                    Locale.ROOT, "[%.9f,%.9f],", 46.935 + 0.004 * Math.cos(angle), 39.995 + 0.004 * Math.sin(angle)));
        }
        ring.append(String.format(Locale.ROOT, "[%.9f,%.9f]]", 46.935 + 0.004, 39.995));
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring
                + "]},\"properties\":"
                + Api.json(Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", "Parcel of many corners"))
                + "}";
        Api.Response refused = admin.post("/api/assets", feature);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("geometry", "100001", "100000");
    }
}
