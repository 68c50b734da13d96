package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
class MineActionApiIntegrationTests {

    /** About 860 m x 1,110 m near Fuzuli: some 0.95 km². */
    static final String BLOCK =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.10,39.60],[47.11,39.60],[47.11,39.61],[47.10,39.61],[47.10,39.60]]]}";

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

    static Map<String, Object> hazard(String name) {
        return new HashMap<>(Map.of(
                "regionCode",
                "FZL",
                "name",
                name,
                "classification",
                "CHA",
                "contamination",
                List.of("AP_MINE"),
                "recordedOn",
                "2024-01-10"));
    }

    private long agency() {
        return admin.get("/api/agencies").json().get(0).get("id").asLong();
    }

    private String release(long hazardArea, String geometry, String method) {
        return feature(
                geometry,
                Map.of(
                        "organisationId",
                        agency(),
                        "method",
                        method,
                        "startedOn",
                        "2024-02-01",
                        "completedOn",
                        "2024-03-15"));
    }

    @Test
    void theDemoHoldsTheHighwayAccidentsWithTheirVictimsAndSources() {
        int onTheHighway = 0;
        int killed = 0;
        for (JsonNode a : admin.get("/api/mine-accidents").json().get("features")) {
            if ("Ahmadbayli-Fuzuli-Shusha highway"
                    .equals(a.at("/properties/road").asString(null))) {
                onTheHighway++;
                killed += a.at("/properties/killed").asInt();
                assertThat(a.at("/properties/sources/0/publisher").asString()).isEqualTo("Anadolu Agency");
            }
        }
        assertThat(onTheHighway).isEqualTo(2);
        assertThat(killed).isEqualTo(2 + 4);
        assertThat(admin.get("/api/hazard-areas?region=FZL")
                        .json()
                        .get("features")
                        .findValuesAsString("name"))
                .contains("Highway accident site (illustrative extent)");
    }

    @Test
    void measuresHazardAreasAndReleasedLandGeodesically() {
        Api.Response created = admin.post("/api/hazard-areas", feature(BLOCK, hazard("Block")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode area = created.json();
        long id = area.get("id").asLong();
        // 0.01 x 0.01 degree at 39.6 N on WGS 84: about 857 m x 1,111 m.
        assertThat(area.at("/properties/areaSquareMetres").asLong()).isBetween(945_000L, 960_000L);
        assertThat(area.at("/properties/status").asString()).isEqualTo("CONFIRMED");
        assertThat(area.at("/properties/reference").asString()).startsWith("FZL-HA-");

        String westHalf =
                "{\"type\":\"Polygon\",\"coordinates\":[[[47.10,39.60],[47.105,39.60],[47.105,39.61],[47.10,39.61],[47.10,39.60]]]}";
        JsonNode afterClearance = admin.post(
                        "/api/hazard-areas/" + id + "/releases", release(id, westHalf, "CLEARANCE"))
                .json();
        assertThat(afterClearance.at("/properties/status").asString()).isEqualTo("IN_CLEARANCE");
        long released = afterClearance.at("/properties/releasedSquareMetres").asLong();
        assertThat(released).isBetween(470_000L, 480_000L);
        assertThat(afterClearance.at("/properties/releases/0/outcome").asString())
                .isEqualTo("cleared");

        Api.Response overlap =
                admin.post("/api/hazard-areas/" + id + "/releases", release(id, westHalf, "TECHNICAL_SURVEY"));
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.json().get("detail").asString()).contains("already released");

        String outside =
                "{\"type\":\"Polygon\",\"coordinates\":[[[47.105,39.60],[47.12,39.60],[47.12,39.61],[47.105,39.61],[47.105,39.60]]]}";
        Api.Response tooMuch =
                admin.post("/api/hazard-areas/" + id + "/releases", release(id, outside, "TECHNICAL_SURVEY"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("detail").asString()).contains("outside hazard area");

        String eastHalf =
                "{\"type\":\"Polygon\",\"coordinates\":[[[47.105,39.60],[47.11,39.60],[47.11,39.61],[47.105,39.61],[47.105,39.60]]]}";
        JsonNode done = admin.post("/api/hazard-areas/" + id + "/releases", release(id, eastHalf, "TECHNICAL_SURVEY"))
                .json();
        assertThat(done.at("/properties/status").asString()).isEqualTo("RELEASED");
        assertThat(admin.post("/api/hazard-areas/" + id + "/releases", release(id, eastHalf, "CLEARANCE"))
                        .status())
                .isEqualTo(409);

        // Map and OGC pages serve the feature the database keeps written: it follows every change of the row.
        JsonNode kept = null;
        for (JsonNode f : admin.get("/ogc/collections/hazard-areas/items?bbox=47.1,39.6,47.11,39.61&limit=1000")
                .json()
                .get("features")) {
            if (f.get("id").asLong() == id) {
                kept = f.get("properties");
            }
        }
        assertThat(kept).isNotNull();
        assertThat(kept.get("status").asString()).isEqualTo("RELEASED");
        assertThat(kept.get("released_m2").asLong())
                .isEqualTo(
                        Math.round(done.at("/properties/releasedSquareMetres").asDouble()));

        JsonNode progress = admin.get("/api/mine-action/progress?region=FZL").json();
        double cleared = 0;
        for (JsonNode month : progress) {
            if (month.get("month").asString().equals("2024-03")) {
                cleared = month.get("cleared").asDouble() + month.get("reduced").asDouble();
            }
        }
        assertThat(cleared)
                .isCloseTo(
                        area.at("/properties/areaSquareMetres").asDouble(), org.assertj.core.data.Offset.offset(2.0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "self-intersecting | {\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6],[47.11,39.61],[47.11,39.6],[47.1,39.61],[47.1,39.6]]]} | self-intersection",
                "fewer than 3 vertices | {\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6],[47.11,39.6],[47.1,39.6]]]} | three distinct vertices",
                "duplicate vertices | {\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6],[47.11,39.6],[47.11,39.6],[47.11,39.61],[47.1,39.6]]]} | repeated",
                "vertex gap over 5 km | {\"type\":\"Polygon\",\"coordinates\":[[[47.0,39.6],[47.2,39.6],[47.2,39.61],[47.0,39.6]]]} | m apart",
                "outside the world | {\"type\":\"Polygon\",\"coordinates\":[[[47.1,39.6],[200,39.6],[47.11,39.61],[47.1,39.6]]]} | longitude 200",
                "outside its region | {\"type\":\"Polygon\",\"coordinates\":[[[46.0,40.1],[46.01,40.1],[46.01,40.11],[46.0,40.1]]]} | outside region FZL",
            })
    void refusesBadPolygonsWithTheReasonAndWritesNothing(String name, String geometry, String reason) {
        int before = admin.get("/api/hazard-areas").json().get("features").size();
        Api.Response refused = admin.post("/api/hazard-areas", feature(geometry, hazard(name)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains(reason);
        assertThat(admin.get("/api/hazard-areas").json().get("features")).hasSize(before);
    }

    @Test
    void refusesFutureAccidentsAndImpossibleVictims() {
        Map<String, Object> accident = new HashMap<>(Map.of(
                "regionCode",
                "FZL",
                "occurredAt",
                "2099-01-01T00:00:00Z",
                "device",
                "AT_MINE",
                "activity",
                "Farming",
                "description",
                "Tractor struck a mine"));
        String point = "{\"type\":\"Point\",\"coordinates\":[47.145,39.6]}";
        Api.Response future = admin.post("/api/mine-accidents", feature(point, accident));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("detail").asString()).contains("future");

        accident.put("occurredAt", "2024-05-01T08:00:00Z");
        accident.put(
                "victims",
                List.of(Map.of("outcome", "INJURED", "group", "CIVILIAN", "sex", "FEMALE", "ageBand", "AGE_200")));
        Api.Response impossible = admin.post("/api/mine-accidents", feature(point, accident));
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.json().get("detail").asString()).contains("ageBand");

        accident.put(
                "victims",
                List.of(Map.of("outcome", "INJURED", "group", "CIVILIAN", "sex", "FEMALE", "ageBand", "AGE_12_17")));
        Api.Response recorded = admin.post("/api/mine-accidents", feature(point, accident));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().at("/properties/injured").asInt()).isEqualTo(1);
        long id = recorded.json().get("id").asLong();
        assertThat(admin.get("/api/mine-accidents/" + id)
                        .json()
                        .at("/properties/victims/0/ageBand")
                        .asString())
                .isEqualTo("AGE_12_17");
    }

    @Test
    void aUserOfAnotherRegionSeesNoHazardAreasHereThroughAnyPath() {
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "shu-officer",
                        "displayName",
                        "S",
                        "password",
                        "shusha-officer-password",
                        "role",
                        "OFFICER",
                        "regions",
                        List.of("SHU"))));
        Api officer = Api.at(port).as("shu-officer", "shusha-officer-password");
        // Other tests of the shared context may record areas in Shusha: the officer sees those, and only those.
        long demoArea = java.util.stream.StreamSupport.stream(
                        admin.get("/api/hazard-areas").json().get("features").spliterator(), false)
                .filter(f -> !f.at("/properties/regionCode").asString().equals("SHU"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        assertThat(officer.get("/api/hazard-areas").json().get("features"))
                .allSatisfy(f ->
                        assertThat(f.at("/properties/regionCode").asString()).isEqualTo("SHU"));
        assertThat(officer.get("/api/hazard-areas/" + demoArea).status()).isEqualTo(404);
        assertThat(officer.get("/ogc/collections/hazard-areas/items").json().get("features"))
                .allSatisfy(f ->
                        assertThat(f.at("/properties/region_code").asString()).isEqualTo("SHU"));
        assertThat(officer.get("/ogc/collections/hazard-areas/items/" + demoArea)
                        .status())
                .isEqualTo(404);
        assertThat(officer.get("/api/mine-accidents").json().get("features")).isEmpty();
        assertThat(officer.post("/api/hazard-areas", feature(BLOCK, hazard("Not mine")))
                        .status())
                .isEqualTo(403);
    }
}
