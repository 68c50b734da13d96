package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 3: CQL2 filters (text and JSON) over the collections, queryables, and a region's
 * records as a collection set of their own; checked against the unfiltered answers and through GDAL.
 */
@CustodianIntegrationTest
class OgcFilterIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aTextFilterSelectsWhatItSaysAndCountsEveryMatchAcrossPages() {
        Api admin = Api.at(port).asAdmin();
        // The region with the most settlements, so that a page of one leaves more to follow.
        java.util.Map<String, List<String>> byRegion = new java.util.TreeMap<>();
        for (JsonNode f : all(admin, "settlements", "")) {
            byRegion.computeIfAbsent(f.at("/properties/region_code").asString(), r -> new ArrayList<>())
                    .add(f.get("id").asString());
        }
        String region = byRegion.entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow()
                .getKey();
        List<String> shu = byRegion.get(region);
        assertThat(shu).hasSizeGreaterThan(1);
        assertThat(ids(all(admin, "settlements", "&filter=" + encode("region_code = '" + region + "'"))))
                .containsExactlyInAnyOrderElementsOf(shu);

        JsonNode first = admin.get(
                        "/ogc/collections/settlements/items?limit=1&filter=" + encode("region_code='" + region + "'"))
                .json();
        assertThat(first.get("numberMatched").asInt()).isEqualTo(shu.size());
        assertThat(first.get("numberReturned").asInt()).isEqualTo(1);
        String next = first.get("links").findValues("href").stream()
                .map(JsonNode::asString)
                .filter(h -> h.contains("offset=1"))
                .findFirst()
                .orElseThrow();
        assertThat(next).contains("filter=");
        JsonNode second = admin.get(next.substring(next.indexOf("/ogc"))).json();
        assertThat(second.at("/features/0/id").asString())
                .isNotEqualTo(first.at("/features/0/id").asString())
                .isIn(shu);

        // The same condition in CQL2 JSON, and the comparisons of Basic CQL2 and the advanced ones.
        String json = "{\"op\":\"=\",\"args\":[{\"property\":\"region_code\"},\"" + region + "\"]}";
        assertThat(ids(all(admin, "settlements", "&filter-lang=cql2-json&filter=" + encode(json))))
                .containsExactlyInAnyOrderElementsOf(shu);
        List<String> notShu =
                ids(all(admin, "settlements", "&filter=" + encode("NOT region_code IN ('" + region + "')")));
        assertThat(notShu).doesNotContainAnyElementsOf(shu);
        assertThat(notShu.size() + shu.size())
                .isEqualTo(all(admin, "settlements", "").size());
        for (JsonNode f : all(admin, "settlements", "&filter=" + encode("population_latest BETWEEN 1000 AND 30000"))) {
            assertThat(f.at("/properties/population_latest").asInt()).isBetween(1000, 30000);
        }
        for (JsonNode f :
                all(admin, "settlements", "&filter=" + encode("name LIKE 'Kh%' OR population_latest IS NULL"))) {
            assertThat(f.at("/properties/name").asString().startsWith("Kh")
                            || f.at("/properties/population_latest").isNull())
                    .isTrue();
        }
    }

    @Test
    void spatialFiltersAgreeWithTheBboxParameterInEveryCrs() {
        Api admin = Api.at(port).asAdmin();
        for (String layer : List.of("hazard-areas", "settlements", "regions", "incidents")) {
            List<String> boxed = ids(all(admin, layer, "&bbox=46.6,39.6,47.0,39.9"));
            assertThat(ids(all(admin, layer, "&filter=" + encode("S_INTERSECTS(geometry, BBOX(46.6,39.6,47.0,39.9))"))))
                    .as(layer)
                    .containsExactlyInAnyOrderElementsOf(boxed);
            assertThat(ids(all(
                            admin,
                            layer,
                            "&filter-crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4326") + "&filter="
                                    + encode("S_INTERSECTS(geometry, POLYGON((39.6 46.6, 39.6 47.0, 39.9 47.0, 39.9"
                                            + " 46.6, 39.6 46.6)))"))))
                    .as(layer + " with latitude first")
                    .containsExactlyInAnyOrderElementsOf(boxed);
            // Filter and bbox together: what both keep.
            List<String> disjoint =
                    ids(all(admin, layer, "&filter=" + encode("S_DISJOINT(geometry, BBOX(46.6,39.6,47.0,39.9))")));
            assertThat(disjoint).doesNotContainAnyElementsOf(boxed);
            assertThat(all(
                            admin,
                            layer,
                            "&bbox=46.6,39.6,47.0,39.9&filter="
                                    + encode("S_DISJOINT(geometry, BBOX(46.6,39.6,47.0,39.9))")))
                    .isEmpty();
        }
    }

    @Test
    void temporalFiltersAgreeWithDatetimeOnDatedLayers() {
        Api admin = Api.at(port).asAdmin();
        List<JsonNode> incidents = all(admin, "incidents", "");
        assertThat(incidents).hasSizeGreaterThan(2);
        String middle = incidents
                .get(incidents.size() / 2)
                .at("/properties/occurred_at")
                .asString();
        List<String> during = ids(all(
                admin,
                "incidents",
                "&filter=" + encode("T_INTERSECTS(occurred_at, INTERVAL('2020-01-01', '" + middle + "'))")));
        assertThat(during)
                .containsExactlyInAnyOrderElementsOf(ids(all(admin, "incidents", "&datetime=2020-01-01/" + middle)));
        // Before, at and after an instant: every incident exactly once.
        List<String> before =
                ids(all(admin, "incidents", "&filter=" + encode("T_BEFORE(occurred_at, TIMESTAMP('" + middle + "'))")));
        List<String> at = ids(
                all(admin, "incidents", "&filter=" + encode("T_INTERSECTS(occurred_at, TIMESTAMP('" + middle + "'))")));
        List<String> after =
                ids(all(admin, "incidents", "&filter=" + encode("T_AFTER(occurred_at, TIMESTAMP('" + middle + "'))")));
        assertThat(at).isNotEmpty();
        assertThat(before.size() + at.size() + after.size()).isEqualTo(incidents.size());
        // Filter and datetime together.
        assertThat(all(
                        admin,
                        "incidents",
                        "&datetime=" + encode("../" + middle) + "&filter="
                                + encode("T_AFTER(occurred_at, TIMESTAMP('" + middle + "'))")))
                .isEmpty();
    }

    @Test
    void aBadFilterIsA400ProblemSayingWhatIsWrong() {
        Api admin = Api.at(port).asAdmin();
        String[][] cases = {
            {"filter=" + encode("height > 3"), "unknown property 'height'"},
            {"filter=" + encode("name = 'open"), "quote is not closed"},
            {"filter=" + encode("population_latest = 'many'"), "type mismatch"},
            {"filter=" + encode("S_INTERSECTS(name, POINT(46 39))"), "type mismatch"},
            {"filter-lang=cql2-json&filter=" + encode("{\"op\":\"=\"}"), "args"},
            {"filter-lang=ecql&filter=" + encode("name = 'x'"), "not offered"},
            {"filter-crs=" + encode("EPSG:9999") + "&filter=" + encode("name = 'x'"), "not offered"},
            {"filter-lang=cql2-text", "without a filter"}
        };
        for (String[] c : cases) {
            Api.Response refused = admin.get("/ogc/collections/settlements/items?" + c[0]);
            assertThat(refused.status()).as(c[0]).isEqualTo(400);
            assertThat(refused.isProblem()).as(c[0]).isTrue();
            assertThat(refused.json().get("detail").asString()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void aFilterNeverRevealsWhatLiesOutOfTheCallersScope() {
        Api admin = Api.at(port).asAdmin();
        admin.createUser("filter-officer", "OFFICER", "SHU", "filter-officer-password");
        Api officer = Api.at(port).as("filter-officer", "filter-officer-password");
        JsonNode others = officer.get("/ogc/collections/settlements/items?filter=" + encode("region_code <> 'SHU'"))
                .json();
        assertThat(others.get("numberMatched").asInt()).isZero();
        assertThat(others.get("features")).isEmpty();
        assertThat(ids(all(officer, "incidents", "&filter=" + encode("killed >= 0 OR killed IS NULL"))))
                .containsExactlyInAnyOrderElementsOf(ids(all(officer, "incidents", "")));
    }

    @Test
    void queryablesAndSchemasAreJsonSchemasOfTheLayersProperties() {
        Api admin = Api.at(port).asAdmin();
        Api.Response queryables = admin.get("/ogc/collections/incidents/queryables", "application/schema+json");
        assertThat(queryables.status()).isEqualTo(200);
        assertThat(queryables.contentType()).startsWith("application/schema+json");
        JsonNode q = queryables.json();
        assertThat(q.get("$schema").asString()).contains("json-schema.org");
        assertThat(q.at("/properties/occurred_at/format").asString()).isEqualTo("date-time");
        assertThat(q.at("/properties/killed/type").asString()).isEqualTo("integer");
        assertThat(q.at("/properties/geometry/format").asString()).isEqualTo("geometry-any");
        assertThat(admin.get("/ogc/collections/settlements/queryables")
                        .json()
                        .at("/properties/geometry/format")
                        .asString())
                .isEqualTo("geometry-point");
        JsonNode schema = admin.get("/ogc/collections/facilities/schema").json();
        assertThat(schema.at("/properties/properties/properties/protected_site/type")
                        .asString())
                .isEqualTo("boolean");

        JsonNode collection = admin.get("/ogc/collections/incidents").json();
        assertThat(collection.get("links").findValuesAsString("rel"))
                .contains("http://www.opengis.net/def/rel/ogc/1.0/queryables", "describedBy");
        assertThat(admin.get("/ogc/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-3/1.0/conf/filter")
                .contains("ogcapi-features-3/1.0/conf/queryables")
                .contains("cql2/1.0/conf/cql2-text")
                .contains("cql2/1.0/conf/cql2-json")
                .contains("cql2/1.0/conf/basic-spatial-functions");
        JsonNode parameters = admin.get("/ogc/api").json().at("/paths/~1collections~1incidents~1items/get/parameters");
        assertThat(parameters.findValuesAsString("name")).contains("filter", "filter-lang", "filter-crs");
        assertThat(admin.get("/ogc/collections/incidents/queryables?f=html").status())
                .isEqualTo(406);
    }

    /**
     * GDAL 3.6 sends an attribute filter to the server when the API offers a text filter language and lists
     * the property among the queryables; the answer is the same as when GDAL filters itself.
     */
    @Test
    void gdalSendsItsWhereToTheServer() {
        String url = "OAPIF:http://127.0.0.1:" + port + "/ogc";
        String served = Gdal.ogrinfo(Gdal.with(
                new String[] {"-ro", "-al", "-so", "--debug", "on", url, "settlements", "-where", "region_code = 'SHU'"
                },
                Gdal.signedIn("admin", Api.ADMIN_PASSWORD)));
        assertThat(served).contains("filter=").contains("filter-lang=cql-text");
        long shu = all(Api.at(port).asAdmin(), "settlements", "").stream()
                .filter(f -> f.at("/properties/region_code").asString().equals("SHU"))
                .count();
        assertThat(served).contains("Feature Count: " + shu);
        // Typed from the linked schema, not from the values of the first page.
        assertThat(served).contains("population_latest: Integer");
    }

    @Test
    void aRegionsRecordsAreOneCollectionSetLimitedToTheRegionAndTheCallersScope() {
        Api admin = Api.at(port).asAdmin();
        JsonNode landing = admin.get("/ogc/regions/SHU/").json();
        assertThat(landing.get("title").asString()).contains("Custodian");
        assertThat(admin.get("/ogc/regions/SHU/conformance")
                        .json()
                        .get("conformsTo")
                        .toString())
                .contains("conf/core");
        JsonNode collections = admin.get("/ogc/regions/SHU/collections").json();
        assertThat(collections.get("collections").findValuesAsString("id"))
                .containsAll(
                        admin.get("/ogc/collections").json().get("collections").findValuesAsString("id"));
        assertThat(collections.at("/collections/0/links/0/href").asString()).contains("/ogc/regions/SHU/collections/");

        List<JsonNode> settlements = all(admin, "settlements", "");
        List<String> inShu = settlements.stream()
                .filter(f -> f.at("/properties/region_code").asString().equals("SHU"))
                .map(f -> f.get("id").asString())
                .toList();
        JsonNode regional = admin.get("/ogc/regions/SHU/collections/settlements/items?limit=10000")
                .json();
        assertThat(regional.get("features").findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(inShu);
        assertThat(regional.get("numberMatched").asInt()).isEqualTo(inShu.size());
        assertThat(admin.get("/ogc/regions/SHU/collections/regions/items")
                        .json()
                        .get("features")
                        .findValuesAsString("code"))
                .containsExactly("SHU");
        String outside = settlements.stream()
                .filter(f -> !f.at("/properties/region_code").asString().equals("SHU"))
                .map(f -> f.get("id").asString())
                .findFirst()
                .orElseThrow();
        assertThat(admin.get("/ogc/regions/SHU/collections/settlements/items/" + outside)
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/ogc/regions/SHU/collections/settlements/items?filter=" + encode("region_code <> 'SHU'"))
                        .json()
                        .get("numberMatched")
                        .asInt())
                .isZero();

        String url = "OAPIF:http://127.0.0.1:" + port + "/ogc/regions/SHU";
        String layers = Gdal.ogrinfo(Gdal.with(new String[] {"-ro", url}, Gdal.signedIn("admin", Api.ADMIN_PASSWORD)));
        assertThat(layers)
                .contains("settlements")
                .contains("regions")
                .contains("hazard-areas")
                .contains("incidents");
        assertThat(Gdal.ogrinfo(Gdal.with(
                        new String[] {"-ro", "-so", url, "settlements"}, Gdal.signedIn("admin", Api.ADMIN_PASSWORD))))
                .contains("Feature Count: " + inShu.size());

        // A user of another region gets nothing from it, by any path.
        admin.createUser("region-set-officer", "OFFICER", "AGD", "region-set-officer-password");
        Api other = Api.at(port).as("region-set-officer", "region-set-officer-password");
        for (String path : List.of(
                "/ogc/regions/SHU",
                "/ogc/regions/SHU/collections",
                "/ogc/regions/SHU/collections/settlements",
                "/ogc/regions/SHU/collections/settlements/items",
                "/ogc/regions/SHU/collections/settlements/items/" + inShu.getFirst(),
                "/ogc/regions/SHU/collections/settlements/queryables",
                "/ogc/regions/SHU/api")) {
            Api.Response refused = other.get(path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.isProblem()).as(path).isTrue();
        }
        Gdal.refused(
                "ogrinfo",
                Gdal.with(
                        new String[] {"-ro", url}, Gdal.signedIn("region-set-officer", "region-set-officer-password")));
        assertThat(other.get("/ogc/regions/AGD/collections/settlements/items")
                        .json()
                        .get("features")
                        .findValuesAsString("region_code"))
                .isNotEmpty()
                .containsOnly("AGD");
    }

    private static List<JsonNode> all(Api api, String layer, String query) {
        Api.Response page = api.get("/ogc/collections/" + layer + "/items?limit=10000" + query);
        assertThat(page.status()).as(layer + " " + query + " " + page.body()).isEqualTo(200);
        List<JsonNode> features = new ArrayList<>();
        page.json().get("features").forEach(features::add);
        return features;
    }

    private static List<String> ids(List<JsonNode> features) {
        return features.stream().map(f -> f.get("id").asString()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
