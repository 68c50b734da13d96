package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
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
        String summary = admin("-ro", "-so", url, "settlements");
        assertThat(summary)
                .contains("Feature Count: 12")
                .contains("Geometry: Point")
                .contains("region_code: String");

        // A small page size makes GDAL follow the next links.
        String all = admin("-ro", "-al", "-q", "-oo", "PAGE_SIZE=5", url, "settlements");
        assertThat(all.split("OGRFeature\\(settlements\\)", -1)).hasSize(13);
        // GDAL infers attribute types from the first page; with five features it sees no population yet.
        assertThat(all).contains("name (String) = Khankendi").containsPattern("population_latest \\(\\w+\\) = 25000");

        String layers = admin("-ro", url);
        assertThat(layers).contains("regions").contains("Multi Polygon").contains("settlements");
    }

    /**
     * A box that touches a feature's envelope but not its shape leaves the feature out, on every layer; a box
     * around a point of the shape finds it.
     */
    @Test
    void theBoundingBoxTestsTheShapeNotItsEnvelopeOnEveryLayer() {
        Api admin = Api.at(port).asAdmin();
        var reader = new org.locationtech.jts.io.geojson.GeoJsonReader();
        int tested = 0;
        for (String layer : List.of("regions", "facilities", "assets", "hazard-areas")) {
            JsonNode features = admin.get("/ogc/collections/" + layer + "/items?limit=200")
                    .json()
                    .get("features");
            for (JsonNode feature : features) {
                org.locationtech.jts.geom.Geometry shape;
                try {
                    shape = reader.read(feature.get("geometry").toString());
                } catch (org.locationtech.jts.io.ParseException e) {
                    throw new IllegalStateException(e);
                }
                var envelope = shape.getEnvelopeInternal();
                double d = Math.min(envelope.getWidth(), envelope.getHeight()) / 100;
                var corner = new org.locationtech.jts.geom.Envelope(
                        envelope.getMinX() - d, envelope.getMinX() + d, envelope.getMinY() - d, envelope.getMinY() + d);
                if (shape.getDimension() == 0
                        || d == 0
                        || shape.intersects(shape.getFactory().toGeometry(corner))) {
                    continue;
                }
                String id = feature.get("id").asString();
                String outside =
                        corner.getMinX() + "," + corner.getMinY() + "," + corner.getMaxX() + "," + corner.getMaxY();
                assertThat(ids(admin, layer, outside))
                        .as(layer + " " + id + " " + outside)
                        .doesNotContain(id);
                var inside = shape.getInteriorPoint().getCoordinate();
                String around = (inside.x - d) + "," + (inside.y - d) + "," + (inside.x + d) + "," + (inside.y + d);
                assertThat(ids(admin, layer, around)).as(layer + " " + id).contains(id);
                tested++;
                break;
            }
        }
        assertThat(tested).as("layers with a shape to test").isGreaterThanOrEqualTo(3);
    }

    /** Four or six numbers, west beyond east across the antimeridian; anything not finite is refused. */
    @Test
    void takesSixNumbersAndBoxesAcrossTheAntimeridianAndRefusesNonFiniteOnes() {
        Api admin = Api.at(port).asAdmin();
        List<String> all = ids(admin, "settlements", "-180,-90,180,90");
        assertThat(all).hasSize(12);
        assertThat(ids(admin, "settlements", "-180,-90,-100,180,90,100")).isEqualTo(all);
        assertThat(ids(admin, "settlements", "177,65,-177,70")).isEmpty();
        // West of the settlements to east of them the long way round: all but the box between is the world.
        assertThat(ids(admin, "settlements", "40,-90,30,90")).isEqualTo(all);
        assertThat(ids(admin, "incidents", "40,-90,30,90")).isEqualTo(ids(admin, "incidents", "-180,-90,180,90"));
        assertThat(ids(admin, "settlements", "50,-90,40,90")).isEmpty();
        for (String bbox : List.of(
                "NaN,39,47,40",
                "-Infinity,-90,Infinity,90",
                "46,39,47,Infinity",
                "46,40,47,39",
                "46,-91,47,40",
                "1,2,3,4,5")) {
            for (String path : List.of(
                    "/ogc/collections/settlements/items?bbox=",
                    "/ogc/collections/incidents/items?bbox=",
                    "/map/layers/hazard-areas?bbox=")) {
                Api.Response refused = admin.get(path + bbox);
                assertThat(refused.status()).as(path + bbox).isEqualTo(400);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.json().get("detail").asString()).startsWith("bbox: ");
            }
        }
    }

    /**
     * One datetime rule on every dated layer: an instant matches what happened at it, an interval includes both
     * its ends, ".." leaves an end open; dated collections publish their time span.
     */
    @Test
    void datetimeMatchesInstantsAndClosedIntervalsOnEveryDatedLayer() {
        Api admin = Api.at(port).asAdmin();
        for (String layer : List.of("incidents", "mine-accidents", "ordnance-finds")) {
            JsonNode collection = admin.get("/ogc/collections/" + layer).json();
            JsonNode interval = collection.at("/extent/temporal/interval/0");
            assertThat(interval.size()).as(layer).isEqualTo(2);
            JsonNode feature = admin.get("/ogc/collections/" + layer + "/items?limit=1")
                    .json()
                    .get("features")
                    .get(0);
            String id = feature.get("id").asString();
            JsonNode properties = feature.get("properties");
            if (properties.has("occurred_at")) {
                java.time.Instant at =
                        java.time.Instant.parse(properties.get("occurred_at").asString());
                assertThat(at)
                        .isBetween(
                                java.time.Instant.parse(interval.get(0).asString()),
                                java.time.Instant.parse(interval.get(1).asString()));
                assertThat(dated(admin, layer, at.toString())).as(layer).contains(id);
                assertThat(dated(admin, layer, at + "/" + at.plusSeconds(60))).contains(id);
                assertThat(dated(admin, layer, at.minusSeconds(60) + "/" + at)).contains(id);
                assertThat(dated(admin, layer, "../" + at)).contains(id);
                assertThat(dated(admin, layer, at + "/..")).contains(id);
                assertThat(dated(admin, layer, at.plusSeconds(1).toString())).doesNotContain(id);
                assertThat(dated(admin, layer, "../" + at.minusSeconds(1))).doesNotContain(id);
                assertThat(dated(admin, layer, at.plusSeconds(1) + "/..")).doesNotContain(id);
            } else {
                java.time.LocalDate day =
                        java.time.LocalDate.parse(properties.get("found_on").asString());
                String noon = day + "T12:00:00Z";
                assertThat(dated(admin, layer, noon)).as(layer).contains(id);
                assertThat(dated(admin, layer, day.toString())).contains(id);
                assertThat(dated(admin, layer, "../" + day + "T00:00:00Z")).contains(id);
                assertThat(dated(admin, layer, day + "T23:59:59Z/..")).contains(id);
                assertThat(dated(admin, layer, "../" + day.minusDays(1) + "T23:59:59Z"))
                        .doesNotContain(id);
                assertThat(dated(admin, layer, day.plusDays(1) + "T00:00:00Z/.."))
                        .doesNotContain(id);
            }
        }
        assertThat(admin.get("/ogc/collections/regions")
                        .json()
                        .at("/extent/temporal")
                        .isMissingNode())
                .isTrue();
        assertThat(admin.get("/ogc/collections/incidents/items?datetime=..").status())
                .isEqualTo(400);
    }

    /** OGC API - Features Part 2: coordinates in EPSG:4326 (latitude first) or Web Mercator, boxes in either. */
    @Test
    void servesAndTakesCoordinatesInTheCrsAskedFor() {
        Api admin = Api.at(port).asAdmin();
        String epsg4326 =
                java.net.URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/4326", StandardCharsets.UTF_8);
        String epsg3857 =
                java.net.URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/3857", StandardCharsets.UTF_8);
        Api.Response plain = admin.get("/ogc/collections/settlements/items/" + firstSettlement(admin));
        assertThat(plain.raw().headers().firstValue("Content-Crs"))
                .hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode lonLat = plain.json().at("/geometry/coordinates");
        Api.Response latLon =
                admin.get("/ogc/collections/settlements/items/" + firstSettlement(admin) + "?crs=" + epsg4326);
        assertThat(latLon.raw().headers().firstValue("Content-Crs"))
                .hasValue("<http://www.opengis.net/def/crs/EPSG/0/4326>");
        assertThat(latLon.json().at("/geometry/coordinates/0").asDouble())
                .isEqualTo(lonLat.get(1).asDouble());
        assertThat(latLon.json().at("/geometry/coordinates/1").asDouble())
                .isEqualTo(lonLat.get(0).asDouble());
        JsonNode mercator = admin.get(
                        "/ogc/collections/settlements/items/" + firstSettlement(admin) + "?crs=" + epsg3857)
                .json()
                .at("/geometry/coordinates");
        double lon = lonLat.get(0).asDouble();
        double lat = lonLat.get(1).asDouble();
        assertThat(mercator.get(0).asDouble())
                .isCloseTo(6378137 * Math.toRadians(lon), org.assertj.core.data.Offset.offset(0.01));
        assertThat(mercator.get(1).asDouble())
                .isCloseTo(
                        6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)),
                        org.assertj.core.data.Offset.offset(0.01));

        List<String> inLonLat = ids(admin, "incidents", "46.7,39.7,46.8,39.85");
        assertThat(inLonLat).isNotEmpty();
        assertThat(ids(admin, "incidents", "39.7,46.7,39.85,46.8&bbox-crs=" + epsg4326))
                .isEqualTo(inLonLat);
        double x1 = 6378137 * Math.toRadians(46.7);
        double x2 = 6378137 * Math.toRadians(46.8);
        double y1 = 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(39.7) / 2));
        double y2 = 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(39.85) / 2));
        assertThat(ids(admin, "incidents", x1 + "," + y1 + "," + x2 + "," + y2 + "&bbox-crs=" + epsg3857))
                .isEqualTo(inLonLat);
        JsonNode page = admin.get("/ogc/collections/incidents/items?limit=2&crs=" + epsg3857)
                .json();
        assertThat(page.at("/features/0/geometry/coordinates/0").asDouble()).isGreaterThan(1_000_000);
        assertThat(page.get("links").get(0).get("href").asString()).contains("crs=");
        for (String refused : List.of("crs=EPSG:3857", "bbox=1,2,3,4&bbox-crs=EPSG:4326")) {
            Api.Response r = admin.get("/ogc/collections/incidents/items?" + refused);
            assertThat(r.status()).as(refused).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(admin.get("/ogc/collections/incidents").json().get("crs").toString())
                .contains("EPSG/0/3857");
    }

    private static String firstSettlement(Api api) {
        return api.get("/ogc/collections/settlements/items?limit=1")
                .json()
                .at("/features/0/id")
                .asString();
    }

    private static List<String> dated(Api api, String layer, String datetime) {
        Api.Response page = api.get("/ogc/collections/" + layer + "/items?limit=10000&datetime="
                + java.net.URLEncoder.encode(datetime, StandardCharsets.UTF_8));
        assertThat(page.status()).as(layer + " " + datetime + " " + page.body()).isEqualTo(200);
        return page.json().get("features").findValuesAsString("id");
    }

    private static List<String> ids(Api api, String layer, String bbox) {
        Api.Response page = api.get("/ogc/collections/" + layer + "/items?limit=10000&bbox=" + bbox);
        assertThat(page.status()).as(layer + " " + bbox + " " + page.body()).isEqualTo(200);
        return page.json().get("features").findValuesAsString("id");
    }

    private static String admin(String... arguments) {
        return Gdal.ogrinfo(Gdal.with(arguments, Gdal.signedIn("admin", Api.ADMIN_PASSWORD)));
    }
}
