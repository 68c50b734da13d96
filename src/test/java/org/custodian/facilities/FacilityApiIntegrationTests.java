package org.custodian.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
class FacilityApiIntegrationTests {

    static final String SHUSHA_POINT = "{\"type\":\"Point\",\"coordinates\":[46.751,39.759]}";

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

    private JsonNode road(String name) {
        for (JsonNode f : admin.get("/api/facilities?kind=ROAD").json().get("features")) {
            if (f.at("/properties/name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no road " + name);
    }

    /** Road flagging runs after the accident commits, asynchronously: wait for it, boundedly. */
    private JsonNode awaitHazard(String name) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode road = road(name);
            if (!road.at("/properties/hazard").isNull()
                    && !road.at("/properties/hazard").isMissingNode()) {
                return road;
            }
            Thread.sleep(100);
        }
        return road(name);
    }

    @Test
    void theDemoRoadsAreTransportFacilitiesAndTheHighwayIsFlagged() throws Exception {
        assertThat(admin.get("/api/facilities?kind=ROAD").json().get("features"))
                .hasSize(8);
        JsonNode highway = awaitHazard("Ahmadbayli-Fuzuli-Shusha highway");
        assertThat(highway.at("/geometry/type").asString()).isEqualTo("LineString");
        // Other tests may record later accidents on this road: the first flag's time is kept.
        assertThat(highway.at("/properties/hazard").asString()).startsWith("Mine accident on ");
        assertThat(highway.at("/properties/hazardSince").asString()).startsWith("2023-09-19");
        assertThat(road("Yevlakh-Barda-Aghdam road").at("/properties/hazard").isNull())
                .isTrue();
    }

    @Test
    void aNewAccidentNearARoadFlagsIt() throws Exception {
        assertThat(road("Lachin-Gubadli-Zangilan road").at("/properties/hazard").isNull())
                .isTrue();
        // About 150 m east of the road between Lachin and Gubadli.
        String accident = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[46.5650,39.50]},"
                + "\"properties\":"
                + Api.json(Map.of(
                        "regionCode",
                        admin.regionOf(46.5650, 39.50),
                        "occurredAt",
                        "2024-06-01T06:00:00Z",
                        "device",
                        "AT_MINE",
                        "activity",
                        "Travelling by vehicle",
                        "description",
                        "Car struck a mine"))
                + "}";
        assertThat(admin.post("/api/mine-accidents", accident).status()).isEqualTo(201);
        JsonNode flagged = awaitHazard("Lachin-Gubadli-Zangilan road");
        assertThat(flagged.at("/properties/hazard").asString()).contains("2024-06-01");
    }

    @Test
    void keepsTheStatusHistoryAndInspections() {
        Map<String, Object> hospital = new HashMap<>(
                Map.of("regionCode", "SHU", "name", "Field clinic", "kind", "MEDICAL", "status", "OPERATIONAL"));
        JsonNode created =
                admin.post("/api/facilities", feature(SHUSHA_POINT, hospital)).json();
        long id = created.get("id").asLong();
        assertThat(created.at("/properties/protectedSite").asBoolean()).isTrue();

        JsonNode damaged = admin.post(
                        "/api/facilities/" + id + "/status", "{\"status\":\"DAMAGED\",\"reason\":\"shelling\"}")
                .json();
        assertThat(damaged.at("/properties/history")).hasSize(2);
        assertThat(damaged.at("/properties/history/1/reason").asString()).isEqualTo("shelling");
        assertThat(admin.post("/api/facilities/" + id + "/status", "{\"status\":\"DAMAGED\",\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);

        JsonNode inspected = admin.post(
                        "/api/facilities/" + id + "/inspections",
                        Api.json(Map.of(
                                "on",
                                "2024-02-01",
                                "inspector",
                                "Engineer",
                                "findings",
                                "Roof repaired",
                                "statusFound",
                                "OPERATIONAL")))
                .json();
        assertThat(inspected.at("/properties/status").asString()).isEqualTo("OPERATIONAL");
        assertThat(inspected.at("/properties/history/2/reason").asString()).contains("Roof repaired");

        Api.Response future = admin.post(
                "/api/facilities/" + id + "/inspections",
                Api.json(Map.of("on", "2099-01-01", "inspector", "Engineer", "findings", "n/a")));
        assertThat(future.status()).isEqualTo(422);

        long agency = admin.get("/api/agencies").json().get(0).get("id").asLong();
        JsonNode guarded = admin.post(
                        "/api/facilities/" + id + "/guards", Api.json(Map.of("agencyId", agency, "from", "2024-01-01")))
                .json();
        assertThat(guarded.at("/properties/posture").asString()).isEqualTo("GUARDED");
        assertThat(admin.post(
                                "/api/facilities/" + id + "/guards",
                                Api.json(Map.of("agencyId", 999999, "from", "2024-01-01")))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void refusesGeometryThatDoesNotFitTheFacility() {
        Map<String, Object> road = Map.of("regionCode", "SHU", "name", "Bad road", "kind", "ROAD");
        assertThat(admin.post("/api/facilities", feature(SHUSHA_POINT, road))
                        .json()
                        .get("detail")
                        .asString())
                .contains("not accepted");
        Map<String, Object> site = Map.of("regionCode", "SHU", "name", "Far school", "kind", "EDUCATIONAL");
        Api.Response outside =
                admin.post("/api/facilities", feature("{\"type\":\"Point\",\"coordinates\":[46.04,40.1]}", site));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("detail").asString()).contains("outside region SHU");
        Api.Response unknownKind = admin.post(
                "/api/facilities", feature(SHUSHA_POINT, Map.of("regionCode", "SHU", "name", "X", "kind", "CASTLE")));
        assertThat(unknownKind.status()).isEqualTo(400);
    }

    /** A facility of the test's own, recorded by {@code who} at a point. */
    private static JsonNode recorded(Api who, String point, String region, String name, String kind) {
        Api.Response created =
                who.post("/api/facilities", feature(point, Map.of("regionCode", region, "name", name, "kind", kind)));
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    /** Corrects a facility as of the version it was read at. */
    private static Api.Response corrected(
            Api who, JsonNode facility, String geometry, String region, String name, String kind) {
        return who.put(
                "/api/facilities/" + facility.get("id").asLong(),
                feature(
                        geometry,
                        Map.of(
                                "regionCode", region,
                                "name", name,
                                "kind", kind,
                                "version", facility.at("/properties/version").asLong())));
    }

    @Test
    void correctsTheParticularsAndAuditsTheChange() {
        JsonNode created = recorded(admin, SHUSHA_POINT, "SHU", "Pump station by the ravine", "WATER_SUPPLY");
        long id = created.get("id").asLong();
        String footbridge = "{\"type\":\"LineString\",\"coordinates\":[[46.7505,39.7585],[46.7521,39.7592]]}";
        Api.Response corrected = corrected(admin, created, footbridge, "SHU", "Footbridge over the ravine", "BRIDGE");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().at("/properties/name").asString()).isEqualTo("Footbridge over the ravine");
        assertThat(corrected.json().at("/properties/kind").asString()).isEqualTo("BRIDGE");
        assertThat(corrected.json().at("/geometry/type").asString()).isEqualTo("LineString");
        // The status is not a particular: its history is unchanged.
        assertThat(corrected.json().at("/properties/history")).hasSize(1);

        JsonNode entries =
                admin.get("/api/audit?recordType=Facility&recordId=" + id).json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("update");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(entries.get(0).get("before").asString()).contains("Pump station by the ravine", "POINT");
        assertThat(entries.get(0).get("after").asString()).contains("Footbridge over the ravine", "LINESTRING");

        // The version changed: a client that read the first one is told to reload.
        assertThat(corrected(admin, created, footbridge, "SHU", "Stale", "BRIDGE")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void refusesAnInvalidGeometryInACorrectionAndKeepsTheRecord() {
        JsonNode created = recorded(admin, SHUSHA_POINT, "SHU", "Boiler house", "ENERGY");
        long id = created.get("id").asLong();
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[46.750,39.758],[46.752,39.760],"
                + "[46.752,39.758],[46.750,39.760],[46.750,39.758]]]}";
        Api.Response refused = corrected(admin, created, bowTie, "SHU", "Boiler house and yard", "ENERGY");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("geometry", "self-intersection");

        JsonNode kept = admin.get("/api/facilities/" + id).json();
        assertThat(kept.at("/properties/name").asString()).isEqualTo("Boiler house");
        assertThat(kept.at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(admin.get("/api/audit?recordType=Facility&recordId=" + id).json())
                .hasSize(1);

        Api.Response unversioned = admin.put(
                "/api/facilities/" + id,
                feature(SHUSHA_POINT, Map.of("regionCode", "SHU", "name", "No version", "kind", "ENERGY")));
        assertThat(unversioned.status()).isEqualTo(422);
        assertThat(unversioned.json().get("detail").asString()).contains("version");
    }

    @Test
    void aUserOfOneRegionCannotCorrectAFacilityOfAnotherNorMoveOneThere() {
        assertThat(admin.createUser("lac-facility-editor", "OFFICER", "LAC", "lachin-facility-password"))
                .isEqualTo(201);
        Api officer = Api.at(port).as("lac-facility-editor", "lachin-facility-password");
        JsonNode shusha = recorded(admin, SHUSHA_POINT, "SHU", "Telephone exchange", "TELECOM");
        assertThat(corrected(officer, shusha, SHUSHA_POINT, "SHU", "Renamed from Lachin", "TELECOM")
                        .status())
                .isEqualTo(404);
        assertThat(officer.post(
                                "/api/facilities",
                                feature(
                                        SHUSHA_POINT,
                                        Map.of("regionCode", "SHU", "name", "Not theirs", "kind", "TELECOM")))
                        .status())
                .isEqualTo(403);

        String lachin = "{\"type\":\"Point\",\"coordinates\":[46.546,39.635]}";
        JsonNode own = recorded(officer, lachin, "LAC", "Lachin water tank", "WATER_TANK");
        Api.Response moved = corrected(officer, own, SHUSHA_POINT, "SHU", "Lachin water tank", "WATER_TANK");
        assertThat(moved.status()).isEqualTo(403);
        assertThat(moved.isProblem()).isTrue();
        assertThat(admin.get("/api/facilities/" + shusha.get("id").asLong())
                        .json()
                        .at("/properties/name")
                        .asString())
                .isEqualTo("Telephone exchange");
        assertThat(admin.get("/api/facilities/" + own.get("id").asLong())
                        .json()
                        .at("/properties/regionCode")
                        .asString())
                .isEqualTo("LAC");
    }

    @Test
    void aReaderOfTheRegionIsShownNoFormThatChangesAFacility() {
        assertThat(admin.createUser("shu-facility-viewer", "VIEWER", "SHU", "shusha-viewer-password"))
                .isEqualTo(201);
        Api viewer = Api.at(port).as("shu-facility-viewer", "shusha-viewer-password");
        long id = recorded(admin, SHUSHA_POINT, "SHU", "Kindergarten", "EDUCATIONAL")
                .get("id")
                .asLong();
        assertThat(admin.get("/facilities/" + id, "text/html").body()).contains("particulars-form");
        Api.Response page = viewer.get("/facilities/" + id, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Kindergarten").doesNotContain("particulars-form", "status-form");
        assertThat(viewer.get("/facilities", "text/html").body()).doesNotContain("new-facility");
        assertThat(viewer.get("/facilities/new", "text/html").status()).isEqualTo(403);
    }

    @Test
    void aUserOfAnotherRegionCanNeitherSeeNorChangeThem() {
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "lac-officer",
                        "displayName",
                        "L",
                        "password",
                        "lachin-officer-password",
                        "role",
                        "OFFICER",
                        "regions",
                        List.of("LAC"))));
        Api officer = Api.at(port).as("lac-officer", "lachin-officer-password");
        assertThat(officer.get("/api/facilities").json().get("features").findValuesAsString("regionCode"))
                .containsOnly("LAC");
        long highway = road("Ahmadbayli-Fuzuli-Shusha highway").get("id").asLong();
        assertThat(officer.get("/api/facilities/" + highway).status()).isEqualTo(404);
        assertThat(officer.post("/api/facilities/" + highway + "/status", "{\"status\":\"DESTROYED\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(officer.get("/ogc/collections/facilities/items")
                        .json()
                        .get("features")
                        .findValuesAsString("region_code"))
                .containsOnly("LAC");
    }
}
