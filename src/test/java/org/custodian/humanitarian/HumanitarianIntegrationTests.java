package org.custodian.humanitarian;

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
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Humanitarian operations end to end over HTTP on the demo data: rules, figures per source, scope. */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HumanitarianIntegrationTests {

    static final String PASSWORD = "humanitarian-test-password";

    static final Map<String, Object> AGHDAM = point(46.930, 39.991);
    static final Map<String, Object> ASKERAN = point(46.830, 39.935);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-hum-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-hum-director", "DIRECTOR", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    private Api as(String name) {
        return Api.at(port).as(name, PASSWORD);
    }

    private long source(String publisher) {
        for (JsonNode s : admin.get("/api/sources").json()) {
            if (s.get("publisher").asString().equals(publisher)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no source " + publisher);
    }

    private JsonNode convoy(String organisation, String origin) {
        for (JsonNode f : admin.get("/api/convoys").json().get("features")) {
            if (f.at("/properties/organisation").asString().equals(organisation)
                    && f.at("/properties/originName").asString().equals(origin)) {
                return f;
            }
        }
        throw new AssertionError("no convoy of " + organisation + " from " + origin);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static Map<String, Object> newConvoy() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("regionCode", "AGD");
        c.put("organisation", "World Food Programme");
        c.put("origin", AGHDAM);
        c.put("originName", "Aghdam");
        c.put("destination", ASKERAN);
        c.put("destinationName", "Askeran");
        c.put("manifest", List.of(Map.of("item", "Wheat flour", "quantity", 12.5, "unit", "TONNES")));
        return c;
    }

    @Test
    void theDemoHoldsTheConvoysCorridorsAndEvacuationOfTheFacts() {
        JsonNode redCrescent = convoy("Red Crescent", "Aghdam");
        assertThat(redCrescent.at("/properties/status").asString()).isEqualTo("REFUSED");
        assertThat(redCrescent.at("/properties/waitingSince").asString()).startsWith("2023-08-29");
        assertThat(redCrescent.at("/properties/daysWaiting").asLong()).isGreaterThan(800);
        assertThat(redCrescent.at("/properties/manifest/0/quantity").decimalValue())
                .isEqualByComparingTo("40");
        assertThat(redCrescent.at("/properties/manifest/0/unit").asString()).isEqualTo("TONNES");
        assertThat(redCrescent.at("/properties/sources")).hasSize(1);
        for (String from : List.of("Aghdam", "Lachin")) {
            JsonNode icrc = convoy("ICRC", from);
            assertThat(icrc.at("/properties/status").asString()).isEqualTo("DELIVERED");
            assertThat(icrc.at("/properties/history")).hasSize(3);
            icrc.at("/properties/history")
                    .forEach(h -> assertThat(h.get("at").asString()).startsWith("2023-09-18"));
            assertThat(icrc.at("/properties/daysWaiting").isNull()).isTrue();
        }
        // The demo's evacuation as Caliber.az reported it; other tests sharing the application may add reports
        // of other sources beside it, so the report is looked up rather than the standing figures.
        JsonNode reported = null;
        for (JsonNode e : admin.get("/api/evacuations").json().get("features")) {
            if (e.at("/properties/reference").asString().startsWith("LAC-EV-")) {
                reported = admin.get("/api/evacuations/" + e.get("id").asLong()).json();
            }
        }
        assertThat(reported).isNotNull();
        JsonNode report = reported.at("/properties/reports/0");
        assertThat(report.at("/source/publisher").asString()).isEqualTo("Caliber.az");
        assertThat(report.at("/counts/evacuated").asInt()).isEqualTo(2000);
        assertThat(report.at("/counts/children").asInt()).isEqualTo(1049);
        assertThat(report.at("/note").asString()).contains("over 2,000");
        assertThat(admin.get("/api/corridors").body()).contains("Lachin road humanitarian corridor");
        assertThat(admin.get("/api/stations").json().get("features").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aConvoyMovesOnlyAsItsHistoryAllowsAndEveryChangeIsAudited() {
        JsonNode created = admin.post("/api/convoys", Api.json(newConvoy())).json();
        long id = created.get("id").asLong();
        assertThat(created.at("/properties/status").asString()).isEqualTo("PLANNED");
        assertThat(created.at("/properties/reference").asString()).startsWith("AGD-CV-");
        for (String status : List.of("WAITING", "EN_ROUTE", "DELIVERED")) {
            Api.Response moved = admin.post(
                    "/api/convoys/" + id + "/status", Api.json(Map.of("status", status, "reason", "as planned")));
            assertThat(moved.status()).as(status).isEqualTo(200);
        }
        Api.Response back =
                admin.post("/api/convoys/" + id + "/status", Api.json(Map.of("status", "WAITING", "reason", "again")));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.isProblem()).isTrue();
        assertThat(back.body()).contains("delivered");
        assertThat(admin.post(
                                "/api/convoys/" + id + "/manifest",
                                Api.json(Map.of("item", "Rice", "quantity", 1, "unit", "TONNES")))
                        .status())
                .isEqualTo(409);
        JsonNode after = admin.get("/api/convoys/" + id).json();
        assertThat(after.at("/properties/history")).hasSize(4);
        assertThat(after.at("/properties/status").asString()).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Convoy' and record_id = ?",
                        Long.class,
                        String.valueOf(id)))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void aHeldConvoyCountsTheDaysSinceItStoppedAndItsManifestChanges() {
        Map<String, Object> planned = newConvoy();
        planned.put("plannedAt", "2024-02-01T08:00:00Z");
        long id = admin.post("/api/convoys", Api.json(planned)).json().get("id").asLong();
        assertThat(admin.post(
                                "/api/convoys/" + id + "/status",
                                Api.json(Map.of(
                                        "status", "BLOCKED", "reason", "road closed", "at", "2024-03-01T08:00:00Z")))
                        .status())
                .isEqualTo(200);
        JsonNode refused = admin.post(
                        "/api/convoys/" + id + "/status",
                        Api.json(
                                Map.of("status", "REFUSED", "reason", "receipt refused", "at", "2024-03-02T08:00:00Z")))
                .json();
        assertThat(refused.at("/properties/waitingSince").asString()).startsWith("2024-03-01");
        assertThat(refused.at("/properties/daysWaiting").asLong()).isGreaterThan(300);
        Api.Response earlier = admin.post(
                "/api/convoys/" + id + "/status",
                Api.json(Map.of("status", "WAITING", "reason", "late entry", "at", "2024-02-15T08:00:00Z")));
        assertThat(earlier.status()).isEqualTo(422);

        JsonNode loaded = admin.post(
                        "/api/convoys/" + id + "/manifest",
                        Api.json(Map.of("item", "Drinking water", "quantity", 2000, "unit", "litres")))
                .json();
        assertThat(loaded.at("/properties/manifest")).hasSize(2);
        assertThat(loaded.at("/properties/manifest/1/unit").asString()).isEqualTo("LITRES");
        assertThat(admin.post(
                                "/api/convoys/" + id + "/manifest",
                                Api.json(Map.of("item", "Water", "quantity", 5, "unit", "buckets")))
                        .status())
                .isEqualTo(422);
        assertThat(admin.post(
                                "/api/convoys/" + id + "/manifest",
                                Api.json(Map.of("item", "Water", "quantity", -5, "unit", "LITRES")))
                        .status())
                .isEqualTo(422);
        assertThat(admin.delete("/api/convoys/" + id + "/manifest/0")
                        .json()
                        .at("/properties/manifest/0/item")
                        .asString())
                .isEqualTo("Drinking water");
    }

    private Map<String, Object> people(Object evacuated, Object... bands) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("evacuated", evacuated);
        String[] names = {"age0to4", "age5to11", "age12to17", "age18to59", "age60plus", "children"};
        for (int i = 0; i < bands.length; i++) {
            p.put(names[i], bands[i]);
        }
        return p;
    }

    private Map<String, Object> report(long source, String on, Map<String, Object> people) {
        return Map.of("sourceId", source, "reportedOn", on, "people", people);
    }

    @Test
    void evacuationFiguresStaySideBySidePerSourceAndOneReportIsAccepted() {
        long cal = source("Caliber.az");
        long mfa = source("Ministry of Foreign Affairs of Azerbaijan");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("regionCode", "AGD");
        e.put("origin", ASKERAN);
        e.put("originName", "Askeran");
        e.put("destination", AGHDAM);
        e.put("destinationName", "Aghdam school");
        e.put("evacuatedOn", "2023-09-21");
        e.put("transport", "Buses");
        e.put("report", report(cal, "2023-09-21", people(100, 10, 20, 15, 40, 15, 45)));
        JsonNode created = admin.post("/api/evacuations", Api.json(e)).json();
        long id = created.get("id").asLong();
        assertThat(created.at("/properties/reference").asString()).startsWith("AGD-EV-");

        Api.Response second = admin.post(
                "/api/evacuations/" + id + "/reports",
                Api.json(report(mfa, "2023-09-22", people(120, 12, 20, 18, 50, 20))));
        assertThat(second.status()).isEqualTo(201);

        long before = count("platform_reported_figure");
        for (Map<String, Object> bad : List.of(
                people(100, 10, 20, 15, 40, 14),
                people(100.5),
                people(-3),
                people(100, 10, 20, 15, 40, 15, 40),
                people(100, 10, 20))) {
            Api.Response refused =
                    admin.post("/api/evacuations/" + id + "/reports", Api.json(report(mfa, "2023-09-23", bad)));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(admin.post("/api/evacuations/" + id + "/reports", Api.json(report(mfa, "2023-09-22", people(120))))
                        .status())
                .isEqualTo(409);
        assertThat(count("platform_reported_figure")).isEqualTo(before);

        JsonNode detail = admin.get("/api/evacuations/" + id).json();
        JsonNode reports = detail.at("/properties/reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).at("/counts/evacuated").asInt()).isEqualTo(100);
        assertThat(reports.get(0).at("/counts/children").asInt()).isEqualTo(45);
        assertThat(reports.get(1).at("/counts/evacuated").asInt()).isEqualTo(120);
        assertThat(detail.at("/properties/people/evacuated").asInt()).isEqualTo(120);

        long calFigure = reports.get(0).at("/figureIds/evacuated").asLong();
        assertThat(as("agd-hum-officer")
                        .post("/api/evacuations/" + id + "/figures/" + calFigure + "/acceptance", "{}")
                        .status())
                .isEqualTo(403);
        JsonNode accepted = as("agd-hum-director")
                .post("/api/evacuations/" + id + "/figures/" + calFigure + "/acceptance", "{}")
                .json();
        assertThat(accepted.at("/properties/people/evacuated").asInt()).isEqualTo(100);
        assertThat(accepted.at("/properties/people/age_0_4").asInt()).isEqualTo(10);
        assertThat(accepted.at("/properties/reports/0/accepted").asBoolean()).isTrue();
        assertThat(accepted.at("/properties/reports/1/accepted").asBoolean()).isFalse();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        long corridors = count("humanitarian_corridor");
        long evacuations = count("humanitarian_evacuation");
        Map<String, Object> corridor = new LinkedHashMap<>();
        corridor.put("regionCode", "AGD");
        corridor.put("name", "Broken");
        corridor.put("line", Map.of("type", "LineString", "coordinates", List.of(List.of(46.93, 39.99))));
        Api.Response oneVertex = admin.post("/api/corridors", Api.json(corridor));
        assertThat(oneVertex.status()).isBetween(400, 422);
        assertThat(oneVertex.isProblem()).isTrue();
        corridor.remove("line");
        Api.Response noLine = admin.post("/api/corridors", Api.json(corridor));
        assertThat(noLine.status()).isEqualTo(422);
        assertThat(noLine.body()).contains("line");
        corridor.put(
                "line", Map.of("type", "LineString", "coordinates", List.of(List.of(45.0, 41.0), List.of(45.1, 41.1))));
        assertThat(admin.post("/api/corridors", Api.json(corridor)).status()).isEqualTo(422);

        Map<String, Object> e = new LinkedHashMap<>();
        e.put("regionCode", "AGD");
        e.put("origin", ASKERAN);
        e.put("originName", "Askeran");
        e.put("destination", AGHDAM);
        e.put("destinationName", "Aghdam");
        e.put("evacuatedOn", "2023-09-21");
        e.put("report", report(source("Caliber.az"), "2023-09-21", people(10, 1, 2, 3, 4, 5)));
        Api.Response bands = admin.post("/api/evacuations", Api.json(e));
        assertThat(bands.status()).isEqualTo(422);
        assertThat(bands.body()).contains("add up to 15");
        assertThat(count("humanitarian_corridor")).isEqualTo(corridors);
        assertThat(count("humanitarian_evacuation")).isEqualTo(evacuations);

        Map<String, Object> station = new LinkedHashMap<>();
        station.put("regionCode", "AGD");
        station.put("name", "Tent");
        station.put("location", AGHDAM);
        station.put("services", List.of());
        assertThat(admin.post("/api/stations", Api.json(station)).status()).isEqualTo(422);
        station.put("services", List.of("MEDICAL"));
        station.put("capacity", 2.5);
        assertThat(admin.post("/api/stations", Api.json(station)).status()).isEqualTo(422);
    }

    @Test
    void corridorsKeepTheirStatusHistoryWithReasons() {
        Map<String, Object> corridor = new LinkedHashMap<>();
        corridor.put("regionCode", "AGD");
        corridor.put("name", "Test corridor");
        corridor.put(
                "line",
                Map.of("type", "LineString", "coordinates", List.of(List.of(46.93, 39.99), List.of(46.83, 39.935))));
        corridor.put(
                "guarantors",
                List.of(admin.get("/api/agencies").json().get(0).get("id").asLong()));
        long id = admin.post("/api/corridors", Api.json(corridor))
                .json()
                .get("id")
                .asLong();
        JsonNode open = admin.post(
                        "/api/corridors/" + id + "/status", Api.json(Map.of("status", "OPEN", "reason", "agreed")))
                .json();
        assertThat(open.at("/properties/history")).hasSize(2);
        assertThat(admin.post("/api/corridors/" + id + "/status", Api.json(Map.of("status", "OPEN", "reason", "again")))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/api/corridors/" + id + "/status", Api.json(Map.of("status", "CLOSED", "reason", " ")))
                        .status())
                .isBetween(400, 422);
        JsonNode closed = admin.post(
                        "/api/corridors/" + id + "/status", Api.json(Map.of("status", "CLOSED", "reason", "shelling")))
                .json();
        assertThat(closed.at("/properties/history/2/reason").asString()).isEqualTo("shelling");
        assertThat(closed.at("/properties/guarantors")).hasSize(1);
    }

    @Test
    void notificationsInformThePartiesAndRecordTheirAcknowledgements() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("regionCode", "AGD");
        n.put("kind", "STATIC_SITE");
        n.put("subject", "Field kitchen at Aghdam");
        n.put("location", AGHDAM);
        n.put("startsAt", "2024-01-01T00:00:00Z");
        n.put("parties", List.of("Ministry of Defense", "Peacekeeping contingent"));
        JsonNode sent = admin.post("/api/notifications", Api.json(n)).json();
        long id = sent.get("id").asLong();
        assertThat(sent.at("/properties/parties")).hasSize(2);
        JsonNode ack = admin.post(
                        "/api/notifications/" + id + "/acknowledgements",
                        Api.json(Map.of("party", "Ministry of Defense", "by", "Liaison officer")))
                .json();
        assertThat(ack.at("/properties/parties/0/acknowledgedBy").asString()).isEqualTo("Liaison officer");
        assertThat(admin.post(
                                "/api/notifications/" + id + "/acknowledgements",
                                Api.json(Map.of("party", "Ministry of Defense", "by", "Someone")))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post(
                                "/api/notifications/" + id + "/acknowledgements",
                                Api.json(Map.of("party", "Nobody", "by", "Someone")))
                        .status())
                .isEqualTo(422);
        n.put("kind", "MOVEMENT");
        assertThat(admin.post("/api/notifications", Api.json(n)).status()).isEqualTo(422);
    }

    @Test
    void sheltersKeepTheirOccupancyOverTime() {
        Map<String, Object> s = Map.of("regionCode", "AGD", "name", "Gym", "location", AGHDAM, "capacity", 200);
        long id = admin.post("/api/shelters", Api.json(s)).json().get("id").asLong();
        admin.post("/api/shelters/" + id + "/occupancy", Api.json(Map.of("on", "2024-01-02", "people", 150)));
        JsonNode counted = admin.post(
                        "/api/shelters/" + id + "/occupancy", Api.json(Map.of("on", "2024-01-01", "people", 80)))
                .json();
        assertThat(counted.at("/properties/occupancy/0/people").asInt()).isEqualTo(80);
        assertThat(counted.at("/properties/occupied").asInt()).isEqualTo(150);
        assertThat(admin.post("/api/shelters/" + id + "/occupancy", Api.json(Map.of("on", "2024-01-03", "people", -1)))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aRegionsRecordsStayInItsScopeThroughEveryEndpoint() {
        Api officer = as("agd-hum-officer");
        long lachinConvoy = convoy("ICRC", "Lachin").get("id").asLong();
        assertThat(officer.get("/api/convoys").body()).contains("AGD-CV-").doesNotContain("LAC-CV-");
        assertThat(officer.get("/api/convoys/" + lachinConvoy).status()).isEqualTo(404);
        assertThat(officer.post(
                                "/api/convoys/" + lachinConvoy + "/status",
                                Api.json(Map.of("status", "BLOCKED", "reason", "test")))
                        .status())
                .isEqualTo(404);
        Map<String, Object> elsewhere = newConvoy();
        elsewhere.put("regionCode", "LAC");
        assertThat(officer.post("/api/convoys", Api.json(elsewhere)).status()).isEqualTo(403);
        assertThat(officer.get("/api/evacuations").body()).doesNotContain("LAC-EV-");
        assertThat(officer.get("/api/corridors").body()).doesNotContain("Lachin road");
        assertThat(officer.get("/ogc/collections/convoys/items").body())
                .contains("AGD-CV-")
                .doesNotContain("LAC-CV-");
        assertThat(officer.get("/ogc/collections/evacuations/items").body()).doesNotContain("LAC-EV-");
        assertThat(officer.get("/api/exports/convoys.geojson").body()).doesNotContain("LAC-CV-");
        assertThat(officer.get("/api/exports/corridors.csv").body()).doesNotContain("Lachin road");
        assertThat(officer.get("/convoys/" + lachinConvoy, "text/html").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/convoys/" + lachinConvoy).status()).isEqualTo(200);
    }

    @Test
    void exportsCarryHxlTags() {
        String convoys = admin.get("/api/exports/convoys.csv").body();
        assertThat(convoys).contains("#org", "#item+name", "#value", "Flour and flour products");
        String evacuations = admin.get("/api/exports/evacuations.csv").body();
        assertThat(evacuations).contains("#affected+evacuated", "#affected+children", "1049");
        assertThat(admin.getBytes("/api/exports/shelters.gpkg").length).isGreaterThan(1000);
    }
}
