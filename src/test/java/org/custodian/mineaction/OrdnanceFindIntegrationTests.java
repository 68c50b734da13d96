package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
@RecordApplicationEvents
class OrdnanceFindIntegrationTests {

    static final String POINT = "{\"type\":\"Point\",\"coordinates\":[47.14,39.61]}";

    @LocalServerPort
    int port;

    @Autowired
    MineAction mineAction;

    @Autowired
    ApplicationEvents events;

    private static String find(Map<String, Object> properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + POINT + ",\"properties\":" + Api.json(properties) + "}";
    }

    private static Map<String, Object> mortarRounds() {
        return new HashMap<>(Map.of(
                "regionCode",
                "FZL",
                "category",
                "UXO",
                "description",
                "82 mm mortar rounds",
                "quantity",
                3,
                "foundOn",
                "2024-04-02"));
    }

    @Test
    void recordsAFindAndItsDispositionOnce() {
        Api admin = Api.at(port).asAdmin();
        Api.Response created = admin.post("/api/ordnance-finds", find(mortarRounds()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().at("/properties/disposition").asString()).isEqualTo("AWAITING");

        JsonNode destroyed = admin.post(
                        "/api/ordnance-finds/" + id + "/disposition",
                        "{\"disposition\":\"DESTROYED_IN_SITU\",\"disposedOn\":\"2024-04-03\"}")
                .json();
        assertThat(destroyed.at("/properties/disposition").asString()).isEqualTo("DESTROYED_IN_SITU");
        Api.Response again = admin.post(
                "/api/ordnance-finds/" + id + "/disposition",
                "{\"disposition\":\"MOVED_TO_CUSTODY\",\"disposedOn\":\"2024-04-04\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void refusesImpossibleFinds() {
        Api admin = Api.at(port).asAdmin();
        Map<String, Object> none = mortarRounds();
        none.put("quantity", 0);
        assertThat(admin.post("/api/ordnance-finds", find(none)).status()).isEqualTo(400);
        Map<String, Object> future = mortarRounds();
        future.put("foundOn", "2099-01-01");
        Api.Response refused = admin.post("/api/ordnance-finds", find(future));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("future");
    }

    @Test
    void refusesAFindOffTheEarthNamingTheReasonAndWritesNothing() {
        Api admin = Api.at(port).asAdmin();
        String offTheEarth = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[47.14,95.0]},"
                + "\"properties\":" + Api.json(mortarRounds()) + "}";
        int before = admin.get("/api/ordnance-finds?region=FZL")
                .json()
                .get("features")
                .size();
        Api.Response refused = admin.post("/api/ordnance-finds", offTheEarth);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("latitude 95.0 is outside");
        assertThat(admin.get("/api/ordnance-finds?region=FZL").json().get("features"))
                .hasSize(before);
    }

    @Test
    void theDisposalIsAuditedAndAUserOfAnotherRegionCanNeitherRecordNorDispose() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("zng-find-officer", "OFFICER", "ZNG", "zangilan-find-password"))
                .isEqualTo(201);
        Api officer = Api.at(port).as("zng-find-officer", "zangilan-find-password");
        assertThat(officer.post("/api/ordnance-finds", find(mortarRounds())).status())
                .isEqualTo(403);

        long id = admin.post("/api/ordnance-finds", find(mortarRounds()))
                .json()
                .get("id")
                .asLong();
        String destroyed = "{\"disposition\":\"DESTROYED_IN_SITU\",\"disposedOn\":\"2024-04-03\"}";
        assertThat(officer.post("/api/ordnance-finds/" + id + "/disposition", destroyed)
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/ordnance-finds?region=FZL").json().get("features").findValues("id").stream()
                        .filter(n -> n.asLong() == id)
                        .count())
                .isEqualTo(1);
        assertThat(admin.get("/api/audit?recordType=OrdnanceFind&recordId=" + id)
                        .json())
                .hasSize(1);

        assertThat(admin.post("/api/ordnance-finds/" + id + "/disposition", destroyed)
                        .status())
                .isEqualTo(200);
        JsonNode entries =
                admin.get("/api/audit?recordType=OrdnanceFind&recordId=" + id).json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("before").asString()).contains("AWAITING");
        assertThat(entries.get(0).get("after").asString()).contains("DESTROYED_IN_SITU");
    }

    @Test
    void movingAFindToCustodyAnnouncesIt() {
        Scope admin = Scope.system("test");
        OrdnanceFind found = mineAction.recordFind(
                admin,
                new MineAction.FindDraft(
                        "FZL",
                        Wgs84.point(47.14, 39.61),
                        Contamination.AT_MINE,
                        "TM-62 anti-tank mine",
                        1,
                        LocalDate.of(2024, 5, 1)));
        mineAction.dispose(admin, found.id(), OrdnanceFind.Disposition.MOVED_TO_CUSTODY, LocalDate.of(2024, 5, 2));
        assertThat(events.stream(OrdnanceMovedToCustody.class)).singleElement().satisfies(e -> {
            assertThat(e.findId()).isEqualTo(found.id());
            assertThat(e.description()).isEqualTo("TM-62 anti-tank mine");
            assertThat(e.quantity()).isEqualTo(1);
        });
    }
}
