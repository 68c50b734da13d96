package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
import org.custodian.geo.GeoPackageFiles;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Every layer read by GDAL from the OGC API into a GeoPackage loses nothing: the same number of features, the
 * same geometries to the last vertex, each attribute with the type and value of the layer's schema. Hazard
 * areas also come back through the application's own GeoPackage import. The import adds areas, so the
 * context is not reused.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OgcRoundTripIntegrationTests {

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    @Test
    void everyLayerCrossesGdalIntoAGeoPackageWithNothingLost() throws Exception {
        Api admin = Api.at(port).asAdmin();
        List<String> layers =
                admin.get("/ogc/collections").json().get("collections").findValuesAsString("id");
        assertThat(layers).contains("regions", "settlements", "hazard-areas", "incidents", "facilities");
        for (String layer : layers) {
            JsonNode schema = admin.get("/ogc/collections/" + layer + "/queryables")
                    .json()
                    .get("properties");
            List<JsonNode> served = all(admin, "/ogc", layer);
            assertThat(served).as(layer).isNotEmpty();
            Path file = toGeoPackage("/ogc", layer);
            List<GeoPackageFiles.ReadFeature> read = GeoPackageFiles.read(file);
            assertThat(read).as(layer + " features").hasSize(served.size());
            for (int i = 0; i < served.size(); i++) {
                JsonNode expected = served.get(i);
                GeoPackageFiles.ReadFeature actual = read.get(i);
                String what = layer + " " + expected.get("id").asString();
                assertThat(actual.geometry()).as(what).isNotNull();
                assertThat(actual.geometry().equalsExact(geometry(expected)))
                        .as(what + ": " + actual.geometry() + " is " + expected.get("geometry"))
                        .isTrue();
                for (Map.Entry<String, JsonNode> property : schema.properties()) {
                    if (property.getKey().equals(FeatureFilter.GEOMETRY)) {
                        continue;
                    }
                    assertThat(actual.properties()).as(what + " columns").containsKey(property.getKey());
                    assertThat(actual.properties().get(property.getKey()))
                            .as(what + " " + property.getKey())
                            .isEqualTo(typed(property.getValue(), expected.at("/properties/" + property.getKey())));
                }
            }
        }
    }

    @Test
    void hazardAreasComeBackThroughTheImportToTheLastVertexAndOnlyOnce() throws Exception {
        Api admin = Api.at(port).asAdmin();
        String region = all(admin, "/ogc", "hazard-areas")
                .getFirst()
                .at("/properties/region_code")
                .asString();
        String base = "/ogc/regions/" + region;
        List<JsonNode> served = all(admin, base, "hazard-areas");
        Path file = toGeoPackage(base, "hazard-areas");

        Api.Response imported = admin.upload("/api/hazard-areas/import", "hazard-areas.gpkg", Files.readAllBytes(file));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode report = imported.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(served.size());
        assertThat(report.get("repaired").asInt()).isZero();
        for (int i = 0; i < served.size(); i++) {
            String reference = report.at("/features/" + i + "/reference").asString();
            JsonNode copy = admin.get("/ogc/collections/hazard-areas/items?filter="
                            + URLEncoder.encode("reference = '" + reference + "'", StandardCharsets.UTF_8))
                    .json()
                    .at("/features/0");
            JsonNode original = served.get(i);
            assertThat(geometry(copy).equalsExact(geometry(original)))
                    .as(reference + " is " + original.get("id"))
                    .isTrue();
            // The recorded attributes; the area in square metres is measured anew, and may differ in its last metre.
            for (String name : List.of("name", "classification", "priority", "region_code")) {
                assertThat(copy.at("/properties/" + name))
                        .as(reference + " " + name)
                        .isEqualTo(original.at("/properties/" + name));
            }
        }

        Api.Response again = admin.upload("/api/hazard-areas/import", "hazard-areas.gpkg", Files.readAllBytes(file));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(served.size());
    }

    private Path toGeoPackage(String base, String layer) {
        Path file = folder.resolve(base.replace('/', '-') + "-" + layer + ".gpkg");
        Gdal.ogr2ogr(Gdal.with(
                new String[] {
                    "-f",
                    "GPKG",
                    file.toString(),
                    "OAPIF:http://127.0.0.1:" + port + base,
                    layer,
                    "-oo",
                    "PAGE_SIZE=500"
                },
                Gdal.signedIn("admin", Api.ADMIN_PASSWORD)));
        return file;
    }

    /** A served value as the GeoPackage reader gives it for the type the schema declares. */
    private static @Nullable Object typed(JsonNode schema, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        String format = schema.path("format").asString("");
        return switch (schema.get("type").asString()) {
            case "integer" -> value.asLong();
            case "number" -> value.asDouble();
            case "boolean" -> value.asBoolean();
            default ->
                switch (format) {
                    case "date" -> LocalDate.parse(value.asString());
                    case "date-time" -> Instant.parse(value.asString());
                    default -> value.asString();
                };
        };
    }

    private static Geometry geometry(JsonNode feature) {
        try {
            return new GeoJsonReader(Wgs84.FACTORY).read(feature.get("geometry").toString());
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> all(Api api, String base, String layer) {
        Api.Response page = api.get(base + "/collections/" + layer + "/items?limit=10000");
        assertThat(page.status()).as(layer + " " + page.body()).isEqualTo(200);
        List<JsonNode> features = new ArrayList<>();
        page.json().get("features").forEach(features::add);
        return features;
    }
}
