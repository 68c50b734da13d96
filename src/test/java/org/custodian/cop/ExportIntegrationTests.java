package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
import org.custodian.geo.GeoPackageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Layer exports as GIS officers use them: GeoJSON, CSV with HXL, GeoPackage read back by GDAL. */
@CustodianIntegrationTest
class ExportIntegrationTests {

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    @Test
    void exportsALayerForOneRegionAsGeoJson() {
        JsonNode shusha = Api.at(port)
                .asAdmin()
                .get("/api/exports/settlements.geojson?region=SHU")
                .json();
        assertThat(shusha.get("features").findValuesAsString("name")).containsExactly("Shusha");
        JsonNode all =
                Api.at(port).asAdmin().get("/api/exports/settlements.geojson").json();
        assertThat(all.get("features")).hasSize(12);
    }

    @Test
    void exportsCsvWithAnHxlHashtagRow() {
        Api.Response csv = Api.at(port).asAdmin().get("/api/exports/settlements.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("feature_id,name,kind,region_code");
        assertThat(lines.get(1))
                .startsWith("#meta+id,#loc+name,#loc+type,#adm1+code")
                .contains("#geo+lat,#geo+lon");
        assertThat(lines).hasSize(2 + 12);
        assertThat(csv.body()).contains(",25000,\"Caliber.az,").doesNotContain("name_az");
    }

    /** Text a spreadsheet would run (OWASP's CSV injection) is written after a quote; numbers stay numbers. */
    @Test
    void csvCellsASpreadsheetWouldRunAreNeutralised() {
        Api admin = Api.at(port).asAdmin();
        List<String> names = List.of("=HYPERLINK(\"http://example.org\",\"x\")", "=1+1", "@SUM(A1:A2)", "+1-1", "-2+3");
        for (String name : names) {
            Api.Response created = admin.post(
                    "/api/facilities",
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.93,39.99]},"
                            + "\"properties\":"
                            + Api.json(Map.of(
                                    "regionCode", "AGD", "name", name, "kind", "MEDICAL", "status", "OPERATIONAL"))
                            + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String csv = admin.get("/api/exports/facilities.csv?region=AGD").body();
        assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",")
                .contains(",'=1+1,")
                .contains(",'@SUM(A1:A2),")
                .contains(",'+1-1,")
                .contains(",'-2+3,");
        for (String line : csv.lines().toList()) {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
        // Coordinates west or south of zero would start with a minus: they stay numbers.
        assertThat(org.custodian.platform.CsvCell.of(-46.5)).isEqualTo("-46.5");
        assertThat(org.custodian.platform.CsvCell.of("-46.5")).isEqualTo("-46.5");

        Map<String, Object> incident = new java.util.LinkedHashMap<>();
        incident.put("regionCode", "AGD");
        incident.put("type", "SHELLING");
        incident.put("occurredAt", "2023-03-03T03:03:03Z");
        incident.put("description", "=HYPERLINK(\"http://example.org\")");
        incident.put("sources", List.of());
        Api.Response reported = admin.post(
                "/api/incidents",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.93,39.99]},"
                        + "\"properties\":" + Api.json(incident) + "}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String incidents =
                admin.get("/api/incidents.csv?region=AGD", "text/csv").body();
        assertThat(incidents)
                .contains("\"'=HYPERLINK(")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain(",\"=HYPERLINK");
    }

    /**
     * Without its hashtag row and with the .csvt beside it, GDAL reads the CSV as it is: one feature a row,
     * numbers as numbers, the WKT as the geometry.
     */
    @Test
    void gdalReadsTheCsvWithoutItsHashtagRowWithItsTypes() throws Exception {
        download("/api/exports/settlements.csv?hxl=false", folder.resolve("settlements.csv"));
        download("/api/exports/settlements.csvt", folder.resolve("settlements.csvt"));
        List<String> lines = Files.readAllLines(folder.resolve("settlements.csv"));
        assertThat(lines).hasSize(1 + 12);
        assertThat(lines.get(1)).doesNotStartWith("#");
        assertThat(Files.readString(folder.resolve("settlements.csvt")).strip())
                .startsWith("String,")
                .endsWith("Real,Real,WKT");
        String summary =
                Gdal.ogrinfo("-ro", "-so", folder.resolve("settlements.csv").toString(), "settlements");
        assertThat(summary)
                .contains("Feature Count: 12")
                .contains("Geometry Column = geom_wkt")
                .contains("population_latest: Integer")
                .contains("population_estimates: Integer")
                .contains("latitude: Real")
                .contains("longitude: Real")
                .contains("name: String");
        String hazards = folder.resolve("hazard-areas.csv").toString();
        download("/api/exports/hazard-areas.csv?hxl=false", folder.resolve("hazard-areas.csv"));
        download("/api/exports/hazard-areas.csvt", folder.resolve("hazard-areas.csvt"));
        assertThat(Gdal.ogrinfo("-ro", "-so", hazards, "hazard-areas"))
                .contains("Geometry Column = geom_wkt")
                .contains("area_m2: Integer");
    }

    @Test
    void exportsAGeoPackageThatGdalReads() throws Exception {
        Path file = folder.resolve("custodian.gpkg");
        download("/api/exports/all.gpkg", file);
        String summary = Gdal.ogrinfo("-ro", "-so", file.toString(), "settlements");
        assertThat(summary)
                .contains("Feature Count: 12")
                .contains("Geometry: Point")
                .contains("name: String");
        String hazards = Gdal.ogrinfo("-ro", "-so", file.toString(), "hazard_areas");
        assertThat(hazards).contains("Multi Polygon").contains("area_m2: Integer");
        String layers = Gdal.ogrinfo("-ro", file.toString());
        assertThat(layers).contains("regions").contains("mine_accidents");

        List<GeoPackageFiles.ReadFeature> read = GeoPackageFiles.read(file);
        assertThat(read.stream().filter(f -> f.table().equals("regions")).count())
                .isEqualTo(11);
    }

    @Test
    void declaresEachLayersTypesAndGeometryWithASpatialIndex() throws Exception {
        Path file = folder.resolve("typed.gpkg");
        download("/api/exports/all.gpkg", file);
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "settlements"))
                .contains("Geometry: Point")
                .contains("population_latest: Integer")
                .contains("population_estimates: Integer")
                .contains("population_source: String");
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "mine_accidents"))
                .contains("Geometry: Point")
                .contains("occurred_at: DateTime")
                .contains("killed: Integer");
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "ordnance_finds"))
                .contains("Geometry: Point")
                .contains("found_on: Date")
                .contains("quantity: Integer");
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "incidents")).contains("occurred_at: DateTime");
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "facilities"))
                .contains("protected_site: Integer(Boolean)");
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "hazard_areas")).contains("Geometry: Multi Polygon");
        String indexes = Gdal.ogrinfo(
                "-ro",
                file.toString(),
                "-sql",
                "select table_name from gpkg_extensions where extension_name = 'gpkg_rtree_index'");
        for (String table : List.of("settlements", "hazard_areas", "regions", "mine_accidents")) {
            assertThat(indexes).contains("table_name (String) = " + table);
        }
        // GDAL finds and uses the index, and it holds every feature of the layer.
        assertThat(Gdal.ogrinfo("-ro", file.toString(), "-sql", "select HasSpatialIndex('settlements', 'geom')"))
                .contains("HasSpatialIndex (Integer) = 1");
        assertThat(Gdal.ogrinfo(
                        "-ro", file.toString(), "-sql", "select count(*) as entries from rtree_settlements_geom"))
                .contains("entries (Integer) = 12");
    }

    @Test
    void exportsForARegionWhatLiesInsideItAndNotItsNeighbours() throws Exception {
        Path file = folder.resolve("shusha.gpkg");
        download("/api/exports/regions.gpkg?region=SHU", file);
        // The regions are neighbours sharing borders: only Shusha lies inside Shusha.
        assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "regions")).contains("Feature Count: 1");
        JsonNode regions = Api.at(port)
                .asAdmin()
                .get("/api/exports/regions.geojson?region=SHU")
                .json();
        assertThat(regions.get("features").findValuesAsString("code")).containsExactly("SHU");
    }

    @Test
    void exportsOnlyWhatTheCallerMaySee() {
        Api admin = Api.at(port).asAdmin();
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "export-officer",
                        "displayName",
                        "E",
                        "password",
                        "export-officer-password",
                        "role",
                        "OFFICER",
                        "regions",
                        List.of("SHU"))));
        Api officer = Api.at(port).as("export-officer", "export-officer-password");
        assertThat(officer.get("/api/exports/settlements.geojson")
                        .json()
                        .get("features")
                        .findValuesAsString("name"))
                .containsExactly("Shusha");
        assertThat(officer.get("/api/exports/hazard-areas.geojson").json().get("features"))
                .isEmpty();
        assertThat(officer.get("/api/exports/settlements.csv?region=FZL").status())
                .isEqualTo(404);
        assertThat(officer.get("/api/exports/nothing.csv").status()).isEqualTo(404);
    }

    private void download(String path, Path file) throws Exception {
        String auth = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<Path> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", auth)
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Files.size(file)).isPositive();
    }
}
