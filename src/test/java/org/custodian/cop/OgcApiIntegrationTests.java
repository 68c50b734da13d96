package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** OGC API - Features as QGIS and GDAL use it, checked with GDAL's own ogrinfo. */
@CustodianIntegrationTest
class OgcApiIntegrationTests {

    @LocalServerPort
    int port;

    /** Layers that let the database write their GeoJSON give the same features as those written here. */
    @Test
    void pagesTheDatabaseWroteMatchTheFeaturesOneByOne() {
        Api admin = Api.at(port).asAdmin();
        for (String layer : List.of("hazard-areas", "incidents")) {
            JsonNode page =
                    admin.get("/ogc/collections/" + layer + "/items?limit=50").json();
            assertThat(page.get("features").size()).as(layer).isPositive();
            assertThat(page.get("numberReturned").asInt())
                    .isEqualTo(page.get("features").size());
            for (JsonNode feature : page.get("features")) {
                JsonNode single = admin.get("/ogc/collections/" + layer + "/items/"
                                + feature.get("id").asString())
                        .json();
                assertThat(feature.get("properties")).as(layer).isEqualTo(single.get("properties"));
                assertThat(feature.get("geometry").get("type"))
                        .isEqualTo(single.get("geometry").get("type"));
                assertThat(feature.get("geometry").get("coordinates").size())
                        .isEqualTo(single.get("geometry").get("coordinates").size());
            }
        }
    }

    /** The time as Java writes an instant, with its milliseconds, and the casualties summed by the database. */
    @Test
    void anIncidentTheDatabaseWroteKeepsItsMillisecondsAndCasualties() {
        Api admin = Api.at(port).asAdmin();
        Map<String, Object> casualties = new LinkedHashMap<>();
        for (String who : List.of("Civilian", "Police", "Military", "Deminer", "Children")) {
            casualties.put("killed" + who, who.equals("Civilian") ? 2 : 0);
            casualties.put("injured" + who, who.equals("Police") ? 1 : 0);
        }
        String incident = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.93,39.99]},"
                + "\"properties\":{\"regionCode\":\"AGD\",\"type\":\"SHELLING\","
                + "\"occurredAt\":\"2022-02-03T04:05:06.120Z\",\"description\":\"Shells at dawn\","
                + "\"casualties\":" + Api.json(casualties) + ",\"sources\":[]}}";
        Api.Response created = admin.post("/api/incidents", incident);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode page = admin.get("/ogc/collections/incidents/items?datetime=2022-02-03T04:05:06Z/2022-02-03T04:05:07Z")
                .json();
        JsonNode rendered = null;
        for (JsonNode f : page.get("features")) {
            if (f.get("id").asString().equals(id)) {
                rendered = f.get("properties");
            }
        }
        assertThat(rendered).isNotNull();
        assertThat(rendered.get("occurred_at").asString()).isEqualTo("2022-02-03T04:05:06.120Z");
        assertThat(rendered.get("killed").asInt()).isEqualTo(2);
        assertThat(rendered.get("injured").asInt()).isEqualTo(1);
        assertThat(rendered.get("name").asString()).endsWith(" shelling");
        assertThat(rendered)
                .isEqualTo(admin.get("/ogc/collections/incidents/items/" + id)
                        .json()
                        .get("properties"));
    }

    @Test
    void aFullPageTheDatabaseWroteIsNotCountedButLinksTheNext() {
        Api admin = Api.at(port).asAdmin();
        JsonNode first = admin.get("/ogc/collections/incidents/items?limit=1").json();
        assertThat(first.get("numberReturned").asInt()).isEqualTo(1);
        assertThat(first.has("numberMatched")).isFalse();
        String next = null;
        for (JsonNode link : first.get("links")) {
            if (link.get("rel").asString().equals("next")) {
                next = link.get("href").asString();
            }
        }
        assertThat(next).isNotNull();
        JsonNode second = admin.get(next.substring(next.indexOf("/ogc/"))).json();
        assertThat(second.get("features").get(0).get("id"))
                .isNotEqualTo(first.get("features").get(0).get("id"));
        JsonNode all = admin.get("/ogc/collections/incidents/items?limit=1000").json();
        assertThat(all.get("numberMatched").asInt())
                .isEqualTo(all.get("numberReturned").asInt());
    }

    @Test
    void landingPageLinksTheApiDefinitionConformanceAndData() {
        JsonNode landing = Api.at(port).asAdmin().get("/ogc").json();
        assertThat(landing.get("links").findValuesAsString("rel"))
                .contains("self", "service-desc", "conformance", "data");
        JsonNode conformance = Api.at(port).asAdmin().get("/ogc/conformance").json();
        assertThat(conformance.get("conformsTo").toString()).contains("ogcapi-features-1/1.0/conf/core");
        Api.Response api = Api.at(port).asAdmin().get("/ogc/api");
        assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json");
        assertThat(api.json().at("/paths").has("/collections/regions/items")).isTrue();
    }

    @Test
    void collectionsHaveExtentsAndItemsPageWithNextLinks() {
        Api admin = Api.at(port).asAdmin();
        JsonNode collections = admin.get("/ogc/collections").json().get("collections");
        assertThat(collections.findValuesAsString("id")).contains("regions", "settlements");
        JsonNode regions = admin.get("/ogc/collections/regions").json();
        assertThat(regions.at("/extent/spatial/bbox/0/0").asDouble()).isEqualTo(45.8);

        Api.Response first = admin.get("/ogc/collections/settlements/items?limit=5");
        assertThat(first.contentType()).startsWith("application/geo+json");
        JsonNode page = first.json();
        assertThat(page.get("numberMatched").asInt()).isEqualTo(12);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(5);
        String next = null;
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asString().equals("next")) {
                next = link.get("href").asString();
            }
        }
        assertThat(next).contains("offset=5");
        JsonNode last = admin.get("/ogc/collections/settlements/items?limit=5&offset=10")
                .json();
        assertThat(last.get("numberReturned").asInt()).isEqualTo(2);
        assertThat(last.get("links").findValuesAsString("rel")).doesNotContain("next");
    }

    @Test
    void filtersByBoundingBoxAndServesSingleFeatures() {
        Api admin = Api.at(port).asAdmin();
        JsonNode nearShusha = admin.get("/ogc/collections/settlements/items?bbox=46.7,39.7,46.8,39.85")
                .json();
        assertThat(nearShusha.get("features").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Shusha", "Khankendi");
        JsonNode aghdam = admin.get("/ogc/collections/regions/items/AGD").json();
        assertThat(aghdam.at("/properties/name").asString()).isEqualTo("Aghdam");
        assertThat(admin.get("/ogc/collections/regions/items/NOPE").status()).isEqualTo(404);
        assertThat(admin.get("/ogc/collections/nope/items").status()).isEqualTo(404);
    }

    @Test
    void clampsTheLimitAndRefusesUnknownOrMalformedParameters() {
        Api admin = Api.at(port).asAdmin();
        JsonNode clamped =
                admin.get("/ogc/collections/settlements/items?limit=50000").json();
        assertThat(clamped.get("links").get(0).get("href").asString()).contains("limit=10000");
        for (String query : List.of(
                "colour=red", "limit=0", "limit=ten", "bbox=1,2,3", "datetime=yesterday", "bbox-crs=EPSG:3857")) {
            Api.Response refused = admin.get("/ogc/collections/settlements/items?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
    }

    @Test
    void aScopedUserSeesOnlyTheirRegionThroughOgc() {
        Api admin = Api.at(port).asAdmin();
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "ogc-officer",
                        "displayName",
                        "O",
                        "password",
                        "ogc-officer-password",
                        "role",
                        "OFFICER",
                        "regions",
                        List.of("SHU"))));
        JsonNode items = Api.at(port)
                .as("ogc-officer", "ogc-officer-password")
                .get("/ogc/collections/settlements/items")
                .json();
        assertThat(items.get("features").findValuesAsString("region_code")).containsOnly("SHU");
        assertThat(Api.at(port).get("/ogc/collections").status()).isEqualTo(401);
    }

    @Test
    void gdalReadsTheLayersCountsAndAttributes() throws Exception {
        String url = "OAPIF:http://127.0.0.1:" + port + "/ogc";
        String summary = ogrinfo("-ro", "-so", url, "settlements");
        assertThat(summary)
                .contains("Feature Count: 12")
                .contains("Geometry: Point")
                .contains("region_code: String");

        // A small page size makes GDAL follow the next links.
        String all = ogrinfo("-ro", "-al", "-q", "-oo", "PAGE_SIZE=5", url, "settlements");
        assertThat(all.split("OGRFeature\\(settlements\\)", -1)).hasSize(13);
        // GDAL infers attribute types from the first page; with five features it sees no population yet.
        assertThat(all).contains("name (String) = Khankendi").containsPattern("population_latest \\(\\w+\\) = 25000");

        String layers = ogrinfo("-ro", url);
        assertThat(layers).contains("regions").contains("Multi Polygon").contains("settlements");
    }

    private static String ogrinfo(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogrinfo"));
        command.addAll(List.of(arguments));
        command.addAll(List.of(
                "--config", "GDAL_HTTP_AUTH", "BASIC", "--config", "GDAL_HTTP_USERPWD", "admin:" + Api.ADMIN_PASSWORD));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("GDAL's ogrinfo is not installed: apt-get install gdal-bin", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
