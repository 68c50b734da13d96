package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A user scoped to one region can neither read nor change another region's records, on any path. */
@CustodianIntegrationTest
class RegionScopeIntegrationTests {

    static final String PASSWORD = "aghdam-officer-password";

    @LocalServerPort
    int port;

    Api admin;
    Api officer;
    Api director;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        createUser("agd-officer", "OFFICER");
        createUser("agd-director", "DIRECTOR");
        officer = Api.at(port).as("agd-officer", PASSWORD);
        director = Api.at(port).as("agd-director", PASSWORD);
    }

    private void createUser(String name, String role) {
        Api.Response r = admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        name,
                        "displayName",
                        name,
                        "password",
                        PASSWORD,
                        "role",
                        role,
                        "regions",
                        List.of("AGD"))));
        assertThat(r.status()).isIn(201, 409);
    }

    private long administrationOf(String region) {
        return admin.get("/api/administrations?region=" + region)
                .json()
                .get(0)
                .get("id")
                .asLong();
    }

    @Test
    void readsOnlyTheAdministrationsOfItsRegion() {
        JsonNode visible = officer.get("/api/administrations").json();
        assertThat(visible.findValuesAsString("regionCode")).containsOnly("AGD");

        assertThat(officer.get("/api/administrations/" + administrationOf("AGD"))
                        .status())
                .isEqualTo(200);
        Api.Response other = officer.get("/api/administrations/" + administrationOf("SHU"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(officer.get("/api/administrations?region=SHU").json()).isEmpty();
    }

    @Test
    void cannotChangeAnotherRegionsAdministration() {
        long shusha = administrationOf("SHU");
        JsonNode before = admin.get("/api/administrations/" + shusha).json();
        String change = Api.json(Map.of(
                "regionCode",
                "SHU",
                "name",
                "Taken over",
                "establishedOn",
                "2020-11-12",
                "version",
                before.get("version").asLong()));
        assertThat(director.put("/api/administrations/" + shusha, change).status())
                .isEqualTo(404);
        assertThat(director.post("/api/administrations/" + shusha + "/dissolution", "{\"dissolvedOn\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/administrations/" + shusha)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo(before.get("name").asString());
    }

    @Test
    void aDirectorMayChangeTheirOwnAdministrationButNotEstablishOne() {
        long aghdam = administrationOf("AGD");
        JsonNode before = admin.get("/api/administrations/" + aghdam).json();
        String change = Api.json(Map.of(
                "regionCode", "AGD",
                "name", before.get("name").asString(),
                "establishedOn", "2020-11-12",
                "decreeReference", "Decree 1",
                "version", before.get("version").asLong()));
        Api.Response changed = director.put("/api/administrations/" + aghdam, change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("decreeReference").asString()).isEqualTo("Decree 1");
        assertThat(officer.put("/api/administrations/" + aghdam, change).status())
                .isEqualTo(403);
        assertThat(director.post(
                                "/api/administrations",
                                Api.json(Map.of("regionCode", "AGD", "name", "x", "establishedOn", "2020-01-01")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void seesAndWritesSettlementsOnlyInItsRegion() {
        JsonNode settlements = officer.get("/api/settlements").json().get("features");
        assertThat(settlements.findValuesAsString("regionCode")).containsOnly("AGD");
        long shushaCity = admin.get("/api/settlements?region=SHU")
                .json()
                .get("features")
                .get(0)
                .get("id")
                .asLong();
        assertThat(officer.get("/api/settlements/" + shushaCity).status()).isEqualTo(404);
        assertThat(officer.delete("/api/settlements/" + shushaCity).status()).isEqualTo(404);

        String inShusha = TerritoryApiIntegrationTests.feature(
                "{\"type\":\"Point\",\"coordinates\":[46.749,39.75]}",
                Map.of("regionCode", "SHU", "names", Map.of("en", "Planted"), "kind", "VILLAGE"));
        assertThat(officer.post("/api/settlements", inShusha).status()).isEqualTo(403);
        assertThat(admin.get("/api/settlements?region=SHU")
                        .json()
                        .get("features")
                        .findValuesAsString("en"))
                .doesNotContain("Planted");
    }

    @Test
    void theMapLayerAndRegionPagesRespectTheScope() {
        JsonNode layer = officer.get("/map/layers/settlements").json();
        assertThat(layer.get("features").findValuesAsString("region_code")).containsOnly("AGD");
        assertThat(officer.get("/regions/AGD").status()).isEqualTo(200);
        Api.Response page = officer.get("/regions/SHU");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Temporary special administration of Shusha");
    }

    @Test
    void aViewerCannotWriteAnything() {
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "viewer",
                        "displayName",
                        "Viewer",
                        "password",
                        PASSWORD,
                        "role",
                        "VIEWER",
                        "allRegions",
                        true)));
        Api viewer = Api.at(port).as("viewer", PASSWORD);
        assertThat(viewer.get("/api/administrations").json()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(viewer.post("/api/sources", "{\"publisher\":\"P\",\"title\":\"T\"}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/api/agencies", "{\"name\":\"A\",\"kind\":\"NGO\"}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.get("/api/users").status()).isEqualTo(403);
        assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
    }
}
