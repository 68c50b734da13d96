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
        // The page's translation of the reason stays out of the API's answer.
        assertThat(report.at("/features/1").has("said")).isFalse();
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

    /** Squares of about 40 m, on a grid inside region FZL, each named after the run and its place. */
    private static String grid(String run, int count, @org.jspecify.annotations.Nullable String last) {
        List<String> geometries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = 47.1 + (i % 50) * 0.001;
            double y = 39.6 + (i / 50) * 0.001;
            geometries.add(String.format(
                    java.util.Locale.ROOT,
                    "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                    x,
                    y,
                    x + 0.0004,
                    y,
                    x + 0.0004,
                    y + 0.0004,
                    x,
                    y + 0.0004,
                    x,
                    y));
        }
        if (last != null) {
            geometries.set(count - 1, last);
        }
        List<String> features = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            features.add("{\"type\":\"Feature\",\"geometry\":" + geometries.get(i) + ",\"properties\":{\"name\":\""
                    + run + " " + i + "\",\"contamination\":\"AP_MINE\"}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void importsThousandsOfFeaturesAllOrNothing() throws Exception {
        int count = HazardAreaImport.BATCH * 2 + 200;
        String run = "Grid " + java.util.UUID.randomUUID();
        int before = hazardAreas();
        HttpResponse<String> refused =
                upload("grid.geojson", grid(run, count, BOWTIE).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.at("/report/rejected").asInt()).isEqualTo(1);
        assertThat(problem.at("/report/features").size()).isEqualTo(count);
        assertThat(problem.at("/report/features/" + (count - 1) + "/status").asString())
                .isEqualTo("rejected");
        assertThat(problem.at("/report/features/0/status").asString()).isEqualTo("accepted (not written)");
        assertThat(hazardAreas())
                .as("batches written before the rejection are rolled back")
                .isEqualTo(before);

        HttpResponse<String> written =
                upload("grid.geojson", grid(run, count, null).getBytes(StandardCharsets.UTF_8));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        JsonNode report = JsonMapper.builder().build().readTree(written.body());
        assertThat(report.get("accepted").asInt()).isEqualTo(count);
        assertThat(hazardAreas()).isEqualTo(before + count);
        List<String> references = report.get("features").findValuesAsString("reference");
        assertThat(references).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    void refusesAFileHoldingMoreFeaturesThanTheCapBeforeReadingThem(
            @org.springframework.beans.factory.annotation.Autowired org.springframework.core.env.Environment env)
            throws Exception {
        long cap = Long.parseLong(env.getRequiredProperty("custodian.mineaction.import-max-features"));
        String feature = "{\"type\":\"Feature\",\"geometry\":" + BOWTIE + ",\"properties\":{}}";
        String file = "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", java.util.Collections.nCopies((int) cap + 1, feature)) + "]}";
        int before = hazardAreas();
        HttpResponse<String> response = upload("huge.geojson", file.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("detail").asString())
                .contains(String.format(java.util.Locale.ROOT, "%,d features", cap + 1))
                .contains(String.format(java.util.Locale.ROOT, "at most %,d", cap));
        assertThat(problem.has("report"))
                .as("refused before any feature was checked")
                .isFalse();
        assertThat(hazardAreas()).isEqualTo(before);
    }

    @Test
    void refusesAGeoPackageWhoseFeatureTableIsAView() throws Exception {
        Path file = gdalGeoPackage("view", "EPSG:4326", "2024-06-02");
        // A view over the table, registered as a feature table: its query (here a harmless recursive one) is
        // the file author's code, and must never run.
        sqlite(
                file,
                "create view survey_view as with recursive r(n) as (select 1 union all select n + 1 from r where n < 3)"
                        + " select s.* from survey s, r",
                "insert into gpkg_contents (table_name, data_type, identifier, srs_id)"
                        + " values ('survey_view', 'features', 'survey_view', 4326)",
                "insert into gpkg_geometry_columns values ('survey_view', 'geom', 'POLYGON', 4326, 0, 0)");
        int before = hazardAreas();
        HttpResponse<String> response = upload("view.gpkg", Files.readAllBytes(file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(detail(response)).contains("'survey_view' is a view");
        assertThat(hazardAreas()).isEqualTo(before);
    }

    @Test
    void importsAUtmGeoPackageWithADateColumnAsGdalWritesItAndOnlyOnce() throws Exception {
        String run = "UTM " + java.util.UUID.randomUUID();
        Path file = gdalGeoPackage(run, "EPSG:32638", "2024-06-02");
        assertThat(org.custodian.Gdal.ogrinfo("-so", file.toString(), "survey"))
                .contains("recorded_on: Date")
                .contains("UTM zone 38N");
        int before = hazardAreas();
        HttpResponse<String> first = upload("utm.gpkg", Files.readAllBytes(file));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String reference = JsonMapper.builder()
                .build()
                .readTree(first.body())
                .at("/features/0/reference")
                .asString();
        JsonNode imported = Api.at(port)
                .asAdmin()
                .get("/api/hazard-areas?region=FZL")
                .json()
                .get("features");
        JsonNode area = null;
        for (JsonNode f : imported) {
            if (f.at("/properties/reference").asString().equals(reference)) {
                area = f;
            }
        }
        assertThat(area).isNotNull();
        assertThat(area.at("/properties/name").asString()).isEqualTo(run);
        assertThat(area.at("/properties/recordedOn").asString()).isEqualTo("2024-06-02");
        // Back from UTM metres to degrees: the corner the GeoJSON gave, to about a centimetre.
        JsonNode ring = area.at("/geometry/coordinates/0/0");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        ring.forEach(p -> {
            xs.add(p.get(0).asDouble());
            ys.add(p.get(1).asDouble());
        });
        assertThat(xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isCloseTo(47.16, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isCloseTo(39.625, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(hazardAreas()).isEqualTo(before + 1);

        HttpResponse<String> again = upload("utm.gpkg", Files.readAllBytes(file));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode report = JsonMapper.builder().build().readTree(again.body());
        assertThat(report.at("/features/0/status").asString()).isEqualTo("unchanged");
        assertThat(report.at("/features/0/reference").asString()).isEqualTo(reference);
        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(hazardAreas()).isEqualTo(before + 1);
    }

    @Test
    void refusesAGeoPackageInACoordinateSystemItCannotConvertNamingIt() throws Exception {
        Path file = gdalGeoPackage(
                "custom",
                "+proj=tmerc +lat_0=0 +lon_0=47 +k=1 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs",
                "2024-06-02");
        int before = hazardAreas();
        HttpResponse<String> response = upload("custom.gpkg", Files.readAllBytes(file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(detail(response)).contains("coordinate system").doesNotContain("Exception");
        assertThat(hazardAreas()).isEqualTo(before);
    }

    @Test
    void concurrentImportsIntoOneRegionNeverFailWithAServerError() throws Exception {
        int before = hazardAreas();
        List<java.util.concurrent.Future<HttpResponse<String>>> running = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                String file = grid("Concurrent " + i + " " + java.util.UUID.randomUUID(), 600, null);
                running.add(threads.submit(() -> upload("grid.geojson", file.getBytes(StandardCharsets.UTF_8))));
            }
        }
        int written = 0;
        for (var r : running) {
            HttpResponse<String> response = r.get();
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            if (response.statusCode() == 201) {
                written += 600;
            } else {
                assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
            }
        }
        assertThat(written).isPositive();
        assertThat(hazardAreas()).isEqualTo(before + written);
    }

    @Test
    void stopsAndWritesNothingOnceTheDeadlineHasPassed(
            @org.springframework.beans.factory.annotation.Autowired HazardAreaImport importer) {
        int before = hazardAreas();
        byte[] file = grid("Late " + java.util.UUID.randomUUID(), 3, null).getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(
                        org.custodian.platform.Scope.system("test"),
                        "late.geojson",
                        file,
                        "FZL",
                        java.time.Instant.now().minusSeconds(1)))
                .isInstanceOfSatisfying(
                        org.springframework.web.server.ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        assertThat(hazardAreas()).isEqualTo(before);
    }

    /**
     * A GeoPackage as GDAL writes it from GeoJSON: layer {@code survey}, one square in FZL named {@code name}
     * with a Date column {@code recorded_on}, in the coordinate system {@code srs}.
     */
    private Path gdalGeoPackage(String name, String srs, String recordedOn) throws Exception {
        Path json = folder.resolve("survey-" + java.util.UUID.randomUUID() + ".geojson");
        Files.writeString(
                json,
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                        + GOOD.replace("47.12", "47.16").replace("47.125", "47.165")
                        + ",\"properties\":{\"name\":\"" + name + "\",\"classification\":\"CHA\","
                        + "\"contamination\":\"AP_MINE\",\"recorded_on\":\"" + recordedOn + "\"}}]}");
        Path file = folder.resolve("survey-" + java.util.UUID.randomUUID() + ".gpkg");
        org.custodian.Gdal.ogr2ogr("-f", "GPKG", "-nln", "survey", "-t_srs", srs, file.toString(), json.toString());
        return file;
    }

    private static String detail(HttpResponse<String> problem) {
        return JsonMapper.builder()
                .build()
                .readTree(problem.body())
                .get("detail")
                .asString();
    }

    private static void sqlite(Path file, String... statements) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
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
