package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.GeoPackageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Importing hazard areas: a per-feature report, and nothing written when anything is rejected. */
@CustodianIntegrationTest
class HazardAreaImportIntegrationTests {

    static final String GOOD =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.12,39.62],[47.125,39.62],[47.125,39.625],[47.12,39.625],[47.12,39.62]]]}";
    static final String REPEATED =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.13,39.62],[47.135,39.62],[47.135,39.62],[47.135,39.625],[47.13,39.625],[47.13,39.62]]]}";
    static final String BOWTIE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.14,39.62],[47.145,39.625],[47.145,39.62],[47.14,39.625],[47.14,39.62]]]}";

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    private int hazardAreas() {
        return Api.at(port)
                .asAdmin()
                .get("/api/hazard-areas")
                .json()
                .get("features")
                .size();
    }

    private static String collection(String... geometries) {
        List<String> features = new ArrayList<>();
        int i = 0;
        for (String g : geometries) {
            features.add("{\"type\":\"Feature\",\"geometry\":" + g + ",\"properties\":{\"name\":\"Field survey " + (++i)
                    + "\",\"classification\":\"SHA\",\"contamination\":\"AP_MINE,UXO\"}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void importsAllFeaturesAndReportsTheRepairs() throws Exception {
        int before = hazardAreas();
        HttpResponse<String> response =
                upload("survey.geojson", collection(GOOD, REPEATED).getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode report = JsonMapper.builder().build().readTree(response.body());
        assertThat(report.get("written").asBoolean()).isTrue();
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("repaired").asInt()).isEqualTo(1);
        assertThat(report.at("/features/1/reason").asString()).contains("removed 1 repeated vertices");
        assertThat(hazardAreas()).isEqualTo(before + 2);
    }

    @Test
    void writesNothingWhenOneFeatureIsRejected() throws Exception {
        int before = hazardAreas();
        HttpResponse<String> response =
                upload("survey.geojson", collection(GOOD, BOWTIE).getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.at("/report/written").asBoolean()).isFalse();
        assertThat(problem.at("/report/features/1/status").asString()).isEqualTo("rejected");
        assertThat(problem.at("/report/features/1/reason").asString()).contains("self-intersection");
        assertThat(problem.at("/report/features/0/status").asString()).isEqualTo("accepted (not written)");
        assertThat(hazardAreas()).isEqualTo(before);
    }

    @Test
    void importsFromAGeoPackage() throws Exception {
        Path file = folder.resolve("survey.gpkg");
        GeoPackageFiles.write(
                file,
                List.of(new GeoPackageFiles.Table(
                        "survey",
                        "Polygon",
                        List.of(new FeatureLayer.Feature(
                                "1",
                                GeoJsonModule.read(
                                        "geometry",
                                        GOOD.replace("47.12", "47.15").replace("47.125", "47.155")),
                                Map.of("name", "From QGIS", "classification", "CHA", "contamination", "AT_MINE"))))));
        int before = hazardAreas();
        HttpResponse<String> response = upload("survey.gpkg", Files.readAllBytes(file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(hazardAreas()).isEqualTo(before + 1);
        JsonNode imported = Api.at(port)
                .asAdmin()
                .get("/api/hazard-areas?region=FZL")
                .json()
                .get("features");
        assertThat(imported.findValuesAsString("name")).contains("From QGIS");
    }

    @Test
    void refusesAFileThatIsNeitherGeoJsonNorGeoPackage() throws Exception {
        assertThat(upload("notes.geojson", "hello".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
        assertThat(upload("notes.gpkg", "hello".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
    }

    private HttpResponse<String> upload(String name, byte[] content) throws Exception {
        String boundary = "----custodian-import";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        String auth = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/hazard-areas/import?region=FZL"))
                                .header("Authorization", auth)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
