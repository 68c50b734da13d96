package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
class TerritoryApiIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    static String feature(String geometry, Map<String, Object> properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + Api.json(properties) + "}";
    }

    static Map<String, Object> regionProperties(String code) {
        return Map.of("code", code, "names", Map.of("en", "Test " + code), "timeZone", "Asia/Baku");
    }

    static final String SQUARE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[10.1,10],[10.1,10.1],[10,10.1],[10,10]]]}";

    @Test
    void servesTheDemoRegionsAsGeoJson() {
        Api.Response regions = admin.get("/api/regions");
        assertThat(regions.status()).isEqualTo(200);
        JsonNode json = regions.json();
        assertThat(json.get("type").asString()).isEqualTo("FeatureCollection");
        // The demo's eleven; tests sharing the context add regions of their own, coded with a dash.
        assertThat(json.get("features").findValuesAsString("code").stream().filter(c -> !c.contains("-")))
                .hasSize(11);
        JsonNode aghdam = admin.get("/api/regions/AGD").json();
        assertThat(aghdam.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
        assertThat(aghdam.at("/properties/names/az").asString()).isEqualTo("Ağdam");
        assertThat(aghdam.at("/properties/boundaryNote").asString()).contains("Illustrative");
    }

    @Test
    void showsEachPopulationFigureWithItsSource() {
        JsonNode settlements = admin.get("/api/settlements?region=KHK").json().get("features");
        JsonNode khankendi = null;
        for (JsonNode f : settlements) {
            if (f.at("/properties/names/en").asString().equals("Khankendi")) {
                khankendi = f;
            }
        }
        assertThat(khankendi).isNotNull();
        JsonNode estimate = khankendi.at("/properties/populationEstimates/0");
        assertThat(estimate.get("population").asLong()).isEqualTo(25_000);
        assertThat(estimate.at("/source/publisher").asString()).isEqualTo("Caliber.az");
    }

    @Test
    void showsTheDirectorAndWhoAppointedThem() {
        JsonNode administrations = admin.get("/api/administrations?region=SHU").json();
        assertThat(administrations).hasSize(1);
        JsonNode shusha = administrations.get(0);
        assertThat(shusha.at("/director/appointedBy/name").asString()).isEqualTo("Ministry of Internal Affairs");
        assertThat(shusha.at("/coordination/0/agency/name").asString()).isEqualTo("Ministry of Defense");
        assertThat(shusha.at("/sources/0/publisher").asString()).isEqualTo("Anadolu Agency");
    }

    @Test
    void createsUpdatesAndDeletesARegion() {
        Api.Response created = admin.post("/api/regions", feature(SQUARE, regionProperties("TST-1")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/regions/TST-1");
        long version = created.json().at("/properties/version").asLong();

        Map<String, Object> changed = new java.util.HashMap<>(regionProperties("TST-1"));
        changed.put("names", Map.of("en", "Renamed"));
        changed.put("version", version);
        Api.Response updated = admin.put("/api/regions/TST-1", feature(SQUARE, changed));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/properties/names/en").asString()).isEqualTo("Renamed");

        Api.Response stale = admin.put("/api/regions/TST-1", feature(SQUARE, changed));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();

        assertThat(admin.delete("/api/regions/TST-1").status()).isEqualTo(204);
        assertThat(admin.get("/api/regions/TST-1").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "self-intersecting | {\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]} | self-intersection",
                "unclosed | {\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]} | not closed",
                "two vertices | {\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]} | three distinct vertices",
                "latitude above 90 | {\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,91],[0,0]]]} | latitude 91",
                "a point | {\"type\":\"Point\",\"coordinates\":[1,1]} | not accepted",
                "not geojson | {\"type\":\"Blob\"} | geometry",
            })
    void refusesAnInvalidBoundaryWithTheReasonAndWritesNothing(String name, String geometry, String reason) {
        Api.Response response = admin.post("/api/regions", feature(geometry, regionProperties("BAD")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).containsIgnoringCase(reason);
        assertThat(response.json().at("/errors/0/field").asString()).isNotBlank();
        assertThat(admin.get("/api/regions/BAD").status()).isEqualTo(404);
    }

    @Test
    void refusesMalformedJsonAndUnknownFields() {
        Api.Response malformed = admin.post("/api/regions", "{\"type\":\"Feature\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        Api.Response unknown = admin.post("/api/agencies", "{\"name\":\"X\",\"kind\":\"NGO\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("colour");
        assertThat(admin.get("/api/agencies").json().findValuesAsString("name")).doesNotContain("X");

        Api.Response missing = admin.post("/api/agencies", "{\"kind\":\"NGO\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    @Test
    void refusesASettlementOutsideItsRegion() {
        Map<String, Object> props = Map.of("regionCode", "AGD", "names", Map.of("en", "Nowhere"), "kind", "VILLAGE");
        Api.Response response =
                admin.post("/api/settlements", feature("{\"type\":\"Point\",\"coordinates\":[46.04,40.1]}", props));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("outside region AGD");
        assertThat(admin.get("/api/settlements?region=AGD")
                        .json()
                        .get("features")
                        .findValuesAsString("en"))
                .doesNotContain("Nowhere");
    }

    @Test
    void refusesNegativePopulationAndUnknownSources() {
        Map<String, Object> props = Map.of(
                "regionCode",
                "AGD",
                "names",
                Map.of("en", "Figures"),
                "kind",
                "VILLAGE",
                "populationEstimates",
                List.of(Map.of("population", -5, "sourceId", 1)));
        String point = "{\"type\":\"Point\",\"coordinates\":[46.93,39.99]}";
        Api.Response negative = admin.post("/api/settlements", feature(point, props));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().at("/errors/0/field").asString()).isEqualTo("populationEstimates[0].population");

        Map<String, Object> unknownSource = new java.util.HashMap<>(props);
        unknownSource.put("populationEstimates", List.of(Map.of("population", 5, "sourceId", 999_999)));
        Api.Response unknown = admin.post("/api/settlements", feature(point, unknownSource));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asString()).contains("no source 999999");
    }

    @Test
    void refusesASecondActiveAdministrationInARegion() {
        Api.Response second = admin.post(
                "/api/administrations",
                Api.json(Map.of("regionCode", "FZL", "name", "Second", "establishedOn", "2021-01-01")));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("already has an active administration");
        assertThat(admin.get("/api/administrations?region=FZL").json()).hasSize(1);
    }

    @Test
    void replacesTheDirectorAndDissolvesAnAdministration() {
        admin.post("/api/regions", feature(SQUARE, regionProperties("TST-2")));
        JsonNode established = admin.post(
                        "/api/administrations",
                        Api.json(Map.of(
                                "regionCode", "TST-2", "name", "Test administration", "establishedOn", "2022-01-01")))
                .json();
        long id = established.get("id").asLong();
        long ministry = admin.get("/api/agencies")
                .json()
                .findParent("shortName")
                .get("id")
                .asLong();
        admin.post(
                "/api/administrations/" + id + "/appointments",
                Api.json(Map.of(
                        "personName",
                        "A",
                        "position",
                        "Director",
                        "appointedBy",
                        ministry,
                        "appointedOn",
                        "2022-02-01")));
        JsonNode after = admin.post(
                        "/api/administrations/" + id + "/appointments",
                        Api.json(Map.of(
                                "personName",
                                "B",
                                "position",
                                "Director",
                                "appointedBy",
                                ministry,
                                "appointedOn",
                                "2023-02-01")))
                .json();
        assertThat(after.at("/director/personName").asString()).isEqualTo("B");
        assertThat(after.get("appointments")).hasSize(2);

        Api.Response early =
                admin.post("/api/administrations/" + id + "/dissolution", "{\"dissolvedOn\":\"2020-01-01\"}");
        assertThat(early.status()).isEqualTo(422);
        JsonNode dissolved = admin.post(
                        "/api/administrations/" + id + "/dissolution", "{\"dissolvedOn\":\"2024-01-01\"}")
                .json();
        assertThat(dissolved.get("status").asString()).isEqualTo("DISSOLVED");
        assertThat(dissolved.get("director").isNull()).isTrue();

        Api.Response again = admin.post(
                "/api/administrations",
                Api.json(Map.of("regionCode", "TST-2", "name", "Successor", "establishedOn", "2024-01-02")));
        assertThat(again.status()).isEqualTo(201);
    }
}
