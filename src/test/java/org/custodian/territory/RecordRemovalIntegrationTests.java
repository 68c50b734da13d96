package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Removing a settlement, an agency or a region that other records still name is refused with a 409 problem that
 * says what names it, and the record stays whole; one nothing names goes.
 */
@CustodianIntegrationTest
class RecordRemovalIntegrationTests {

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[46.93,39.99]}";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    private long settlement(String name) {
        Map<String, Object> props = Map.of(
                "regionCode",
                "AGD",
                "names",
                Map.of("en", name),
                "kind",
                "VILLAGE",
                "populationEstimates",
                List.of(Map.of("population", 120, "sourceId", firstSource())));
        Api.Response created = admin.post("/api/settlements", TerritoryApiIntegrationTests.feature(POINT, props));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long firstSource() {
        return admin.get("/api/sources").json().get(0).get("id").asLong();
    }

    @Test
    void aSettlementStillNamedByASubscriberIsKeptWithA409SayingWhatNamesIt() {
        long named = settlement("Removal test village");
        Map<String, Object> subscriber = new LinkedHashMap<>();
        subscriber.put("regionCode", "AGD");
        subscriber.put("phone", "+99450" + (1_000_000 + named % 8_000_000));
        subscriber.put("language", "az");
        subscriber.put("settlementId", named);
        subscriber.put("consentChannel", "FORM");
        Api.Response subscribed = admin.post("/api/subscribers", Api.json(subscriber));
        assertThat(subscribed.status()).isEqualTo(201);

        Api.Response refused = admin.delete("/api/settlements/" + named);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString())
                .contains("Removal test village", "still named by other records", "SMS subscribers: 1");
        JsonNode kept = admin.get("/api/settlements/" + named).json();
        assertThat(kept.at("/properties/names/en").asString()).isEqualTo("Removal test village");
        assertThat(kept.at("/properties/populationEstimates/0/population").asLong())
                .isEqualTo(120);

        long unnamed = settlement("Removal test hamlet");
        assertThat(admin.delete("/api/settlements/" + unnamed).status()).isEqualTo(204);
        assertThat(admin.get("/api/settlements/" + unnamed).status()).isEqualTo(404);

        // Once its subscriber is erased, nothing names the village and it goes too.
        assertThat(admin.delete("/api/subscribers/"
                                + subscribed.json().get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(admin.delete("/api/settlements/" + named).status()).isEqualTo(204);
    }

    @Test
    void anAgencyThatAppointedADirectorIsKeptWithA409() {
        JsonNode ministry = null;
        for (JsonNode a : admin.get("/api/agencies").json()) {
            if (a.get("name").asString().equals("Ministry of Defense")) {
                ministry = a;
            }
        }
        assertThat(ministry).isNotNull();
        Api.Response refused =
                admin.delete("/api/agencies/" + ministry.get("id").asLong());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("agency Ministry of Defense is still named by accounts or records; change or remove them"
                        + " first");
        assertThat(admin.get("/api/agencies/" + ministry.get("id").asLong()).status())
                .isEqualTo(200);
    }

    @Test
    void aRegionHoldingAFacilityIsKeptWithA409() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[30,30],[30.1,30],[30.1,30.1],[30,30.1],[30,30]]]}";
        assertThat(admin.post(
                                "/api/regions",
                                TerritoryApiIntegrationTests.feature(
                                        square, TerritoryApiIntegrationTests.regionProperties("RMV-1")))
                        .status())
                .isEqualTo(201);
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("regionCode", "RMV-1");
        facility.put("name", "Removal test school");
        facility.put("kind", "ADMINISTRATIVE");
        Api.Response school = admin.post(
                "/api/facilities",
                TerritoryApiIntegrationTests.feature("{\"type\":\"Point\",\"coordinates\":[30.05,30.05]}", facility));
        assertThat(school.status()).as(school.body()).isEqualTo(201);

        Api.Response refused = admin.delete("/api/regions/RMV-1");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("region RMV-1 still holds records");
        assertThat(admin.get("/api/regions/RMV-1").status()).isEqualTo(200);

        // Facilities are never deleted through the application; without this one the region goes.
        jdbc.update("delete from facility where region_code = 'RMV-1'");
        assertThat(admin.delete("/api/regions/RMV-1").status()).isEqualTo(204);
    }
}
