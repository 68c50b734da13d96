package org.custodian.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Incidents end to end over HTTP on the demo data: provenance, verification, exports and scope. */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncidentIntegrationTests {

    static final String PASSWORD = "incident-test-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        user("agd-officer", "OFFICER", "AGD");
        user("agd-director", "DIRECTOR", "AGD");
        user("shu-director", "DIRECTOR", "SHU");
        user("fzl-director", "DIRECTOR", "FZL");
    }

    private void user(String name, String role, String region) {
        assertThat(admin.createUser(name, role, region, PASSWORD)).isIn(201, 409);
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

    private static Map<String, Object> incident(Map<String, Object> casualties, List<Long> sources, String occurredAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("regionCode", "AGD");
        p.put("type", "CEASEFIRE_VIOLATION");
        p.put("occurredAt", occurredAt);
        p.put("description", "Small-arms fire at a checkpoint");
        p.put("casualties", casualties);
        p.put("sources", sources);
        return Map.of(
                "type",
                "Feature",
                "geometry",
                Map.of("type", "Point", "coordinates", List.of(46.93, 39.99)),
                "properties",
                p);
    }

    private static Map<String, Object> casualties(Object killedCivilian) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String k : List.of(
                "killedCivilian",
                "killedPolice",
                "killedMilitary",
                "killedDeminer",
                "killedChildren",
                "injuredCivilian",
                "injuredPolice",
                "injuredMilitary",
                "injuredDeminer",
                "injuredChildren")) {
            c.put(k, 0);
        }
        c.put("killedCivilian", killedCivilian);
        return c;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from incident", Long.class);
    }

    @Test
    void theDemoHoldsTheIncidentsOf19SeptemberWithTheirSourcesAndFigures() {
        JsonNode all = admin.get("/api/incidents?from=2023-09-19&to=2023-09-19").json();
        assertThat(all.get("numberMatched").asInt()).isEqualTo(5);
        List<JsonNode> mines = new ArrayList<>();
        all.get("features").forEach(f -> {
            if (f.get("properties").get("type").asString().equals("MINE_EXPLOSION")) {
                mines.add(f);
            }
        });
        assertThat(mines).hasSize(2);
        for (JsonNode mine : mines) {
            assertThat(mine.get("properties").get("accidentId").isNumber()).isTrue();
            assertThat(mine.get("properties").get("status").asString()).isEqualTo("VERIFIED");
        }
        JsonNode detail =
                admin.get("/api/incidents/" + mines.get(0).get("id").asLong()).json();
        assertThat(detail.get("sources")).hasSize(2);
        JsonNode killed = detail.get("figures").get("killed");
        assertThat(killed).hasSize(1);
        assertThat(killed.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(killed.get(0).get("source").get("publisher").asString()).isEqualTo("Anadolu Agency");

        JsonNode centre = admin.get("/api/monitoring-centre").json();
        assertThat(centre.get("memorandumSignedOn").asString()).isEqualTo("2020-11-11");
        assertThat(centre.get("operatingFromNote").asString()).contains("tomorrow");
        assertThat(centre.get("parties").get(0).get("staff").asInt()).isEqualTo(38);
    }

    @Test
    void aMineAccidentBecomesAnIncidentWithItsCasualtiesAndSources() throws InterruptedException {
        long anadolu = source("Anadolu Agency");
        Map<String, Object> accident = new LinkedHashMap<>();
        accident.put("regionCode", "FZL");
        accident.put("occurredAt", "2024-05-02T08:00:00Z");
        accident.put("timeOfDayKnown", false);
        accident.put("device", "AT_MINE");
        accident.put("activity", "Farming");
        accident.put("description", "A tractor struck a mine near the field road");
        accident.put(
                "victims",
                List.of(
                        Map.of("outcome", "KILLED", "group", "CIVILIAN", "sex", "MALE", "ageBand", "AGE_12_17"),
                        Map.of("outcome", "KILLED", "group", "CIVILIAN", "sex", "MALE", "ageBand", "AGE_18_59"),
                        Map.of("outcome", "INJURED", "group", "DEMINER", "sex", "FEMALE", "ageBand", "UNKNOWN")));
        accident.put("sourceIds", List.of(anadolu));
        Api.Response recorded = admin.post(
                "/api/mine-accidents",
                Api.json(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Point", "coordinates", List.of(47.146, 39.601)),
                        "properties",
                        accident)));
        assertThat(recorded.status()).isEqualTo(201);
        long accidentId = recorded.json().get("id").asLong();

        JsonNode incident = null;
        for (int i = 0; i < 100 && incident == null; i++) {
            for (JsonNode f : admin.get("/api/incidents?region=FZL&from=2024-05-02&to=2024-05-02")
                    .json()
                    .get("features")) {
                if (f.at("/properties/accidentId").asLong() == accidentId) {
                    incident = f;
                }
            }
            Thread.sleep(incident == null ? 100 : 0);
        }
        assertThat(incident).as("the incident the accident became").isNotNull();
        assertThat(incident.at("/properties/timePrecision").asString())
                .as("the accident's report gives the day only")
                .isEqualTo("DAY");
        assertThat(recorded.json().at("/properties/timeOfDayKnown").asBoolean()).isFalse();
        JsonNode casualties = incident.at("/properties/casualties");
        assertThat(casualties.get("killedCivilian").asInt()).isEqualTo(2);
        assertThat(casualties.get("killedChildren").asInt()).isEqualTo(1);
        assertThat(casualties.get("injuredDeminer").asInt()).isEqualTo(1);
        assertThat(casualties.get("injuredCivilian").asInt()).isZero();
        long id = incident.get("id").asLong();
        JsonNode detail = admin.get("/api/incidents/" + id).json();
        assertThat(detail.get("sources").findValuesAsString("publisher")).containsExactly("Anadolu Agency");

        // Cited on the incident, the source lets a reviewer verify it; the last source of a verified incident stays.
        long mfa = source("Ministry of Foreign Affairs of Azerbaijan");
        Api director = as("fzl-director");
        assertThat(as("agd-officer")
                        .post("/api/incidents/" + id + "/sources", Api.json(Map.of("sourceId", mfa)))
                        .status())
                .isEqualTo(404);
        Api.Response cited = director.post("/api/incidents/" + id + "/sources", Api.json(Map.of("sourceId", mfa)));
        assertThat(cited.status()).isEqualTo(200);
        assertThat(director.get("/api/incidents/" + id).json().get("sources")).hasSize(2);
        assertThat(director.post("/api/incidents/" + id + "/sources", Api.json(Map.of("sourceId", 999_999)))
                        .status())
                .isEqualTo(422);
        assertThat(director.delete("/api/incidents/" + id + "/sources/" + anadolu)
                        .status())
                .isEqualTo(200);
        assertThat(director.post("/api/incidents/" + id + "/reviews", Api.json(Map.of("status", "UNDER_REVIEW")))
                        .status())
                .isEqualTo(200);
        assertThat(director.post("/api/incidents/" + id + "/reviews", Api.json(Map.of("status", "VERIFIED")))
                        .status())
                .isEqualTo(200);
        Api.Response lastOne = director.delete("/api/incidents/" + id + "/sources/" + mfa);
        assertThat(lastOne.status()).isEqualTo(422);
        assertThat(lastOne.json().get("detail").asString()).contains("at least one source");
        assertThat(director.get("/api/incidents/" + id).json().get("sources")).hasSize(1);
    }

    @Test
    void figuresFromSeveralSourcesStandSideBySideAndOneIsAccepted() {
        long incident = admin.post(
                        "/api/incidents", Api.json(incident(casualties(1), List.of(), "2023-09-20T10:00:00Z")))
                .json()
                .get("id")
                .asLong();
        long mfa = source("Ministry of Foreign Affairs of Azerbaijan");
        long cal = source("Caliber.az");
        Api officer = as("agd-officer");
        long first = officer.post(
                        "/api/incidents/" + incident + "/figures",
                        Api.json(Map.of("measure", "killed", "value", 1, "sourceId", mfa, "reportedOn", "2023-09-20")))
                .json()
                .get("id")
                .asLong();
        long second = officer.post(
                        "/api/incidents/" + incident + "/figures",
                        Api.json(Map.of("measure", "killed", "value", 3, "sourceId", cal, "reportedOn", "2023-09-21")))
                .json()
                .get("id")
                .asLong();
        assertThat(officer.post("/api/incidents/" + incident + "/figures/" + second + "/acceptance", "")
                        .status())
                .isEqualTo(403);
        assertThat(as("agd-director")
                        .post("/api/incidents/" + incident + "/figures/" + second + "/acceptance", "")
                        .status())
                .isEqualTo(200);
        JsonNode killed =
                officer.get("/api/incidents/" + incident).json().get("figures").get("killed");
        assertThat(killed).hasSize(2);
        assertThat(killed.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(killed.get(0).get("accepted").asBoolean()).isFalse();
        assertThat(killed.get(1).get("value").asInt()).isEqualTo(3);
        assertThat(killed.get(1).get("accepted").asBoolean()).isTrue();

        Api.Response fraction = officer.post(
                "/api/incidents/" + incident + "/figures",
                Api.json(Map.of("measure", "killed", "value", 2.5, "sourceId", mfa, "reportedOn", "2023-09-20")));
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.json().get("detail").asString()).contains("whole numbers");
        assertThat(officer.post(
                                "/api/incidents/" + incident + "/figures",
                                Api.json(Map.of(
                                        "measure", "killed", "value", -1, "sourceId", mfa, "reportedOn", "2023-09-20")))
                        .status())
                .isEqualTo(422);
        assertThat(officer.get("/api/incidents/" + incident)
                        .json()
                        .get("figures")
                        .get("killed"))
                .hasSize(2);
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        long before = count();
        Api.Response negative =
                admin.post("/api/incidents", Api.json(incident(casualties(-1), List.of(), "2023-09-20T10:00:00Z")));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.isProblem()).isTrue();
        assertThat(negative.json().get("detail").asString()).contains("cannot be negative");
        Api.Response fractional =
                admin.post("/api/incidents", Api.json(incident(casualties(1.5), List.of(), "2023-09-20T10:00:00Z")));
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("detail").asString()).contains("killedCivilian");
        Api.Response future =
                admin.post("/api/incidents", Api.json(incident(casualties(0), List.of(), "2099-01-01T00:00:00Z")));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("detail").asString()).contains("future");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyReviewersMoveTheVerificationOneStepAtATimeAndAVerifiedIncidentHasASource() {
        long id = as("agd-officer")
                .post("/api/incidents", Api.json(incident(casualties(0), List.of(), "2023-09-20T10:00:00Z")))
                .json()
                .get("id")
                .asLong();
        String path = "/api/incidents/" + id + "/reviews";
        assertThat(as("agd-officer").post(path, "{\"status\":\"UNDER_REVIEW\"}").status())
                .isEqualTo(403);
        assertThat(as("shu-director")
                        .post(path, "{\"status\":\"UNDER_REVIEW\"}")
                        .status())
                .isEqualTo(404);
        Api director = as("agd-director");
        Api.Response skipped = director.post(path, "{\"status\":\"VERIFIED\"}");
        assertThat(skipped.status()).isEqualTo(422);
        assertThat(skipped.json().get("detail").asString()).contains("under review first");
        assertThat(director.post(path, "{\"status\":\"UNDER_REVIEW\"}").status())
                .isEqualTo(200);
        Api.Response unsourced = director.post(path, "{\"status\":\"VERIFIED\"}");
        assertThat(unsourced.status()).isEqualTo(422);
        assertThat(unsourced.json().get("detail").asString()).contains("at least one source");
        assertThat(director.post(path, "{\"status\":\"DISPUTED\"}")
                        .json()
                        .get("detail")
                        .asString())
                .contains("say why");
        assertThat(director.post(path, "{\"status\":\"DISPUTED\",\"reason\":\"The parties disagree on who fired\"}")
                        .status())
                .isEqualTo(200);

        JsonNode reviews = director.get("/api/incidents/" + id).json().get("reviews");
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(1).get("reviewer").asString()).isEqualTo("agd-director");
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Incident' and record_id = ?"
                                + " and action = 'update'",
                        Long.class,
                        String.valueOf(id)))
                .isEqualTo(2);
    }

    @Test
    void aRegionsIncidentsStayInItsScopeThroughEveryEndpoint() {
        Api officer = as("agd-officer");
        JsonNode list = officer.get("/api/incidents").json();
        list.get("features")
                .forEach(f -> assertThat(f.get("properties").get("regionCode").asString())
                        .isEqualTo("AGD"));
        long shusha = admin.get("/api/incidents?region=SHU")
                .json()
                .get("features")
                .get(0)
                .get("id")
                .asLong();
        assertThat(officer.get("/api/incidents/" + shusha).status()).isEqualTo(404);
        assertThat(officer.get("/incidents/" + shusha, "text/html").status()).isEqualTo(404);
        assertThat(officer.getBytes("/api/incidents.csv")).asString().doesNotContain("SHU-IN-");
        assertThat(officer.get("/map/layers/incidents").body()).doesNotContain("SHU-IN-");
        assertThat(officer.get("/ogc/collections/incidents/items").body())
                .doesNotContain("SHU-IN-")
                .contains("AGD-IN-");
        assertThat(officer.get("/api/exports/incidents.geojson").body()).doesNotContain("SHU-IN-");
    }

    @Test
    void exportsCsvWithHxlAndGeoJsonAndTheDailyViolationsReport() throws Exception {
        String csv = new String(
                admin.getBytes("/api/incidents.csv?from=2023-09-19&to=2023-09-19"),
                java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[1])
                .startsWith("#event+id,#event+type")
                .contains("#date+occurred", "#affected+killed", "#affected+injured");
        assertThat(lines).hasSize(2 + 5);
        assertThat(csv).contains("MINE_EXPLOSION", "Anadolu Agency");

        JsonNode geojson = admin.get("/api/incidents.geojson?type=MINE_EXPLOSION&from=2023-09-19&to=2023-09-19")
                .json();
        assertThat(geojson.get("features")).hasSize(2);

        Api.Response pdf = admin.get("/api/monitoring-centre/violations.pdf?date=2023-09-19", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (var document = Loader.loadPDF(admin.getBytes("/api/monitoring-centre/violations.pdf?date=2023-09-19"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ceasefire violations of 2023-09-19", "A civilian worker was killed in Shusha");
        }
        // In Russian: every label and code by its Russian name, times in the region's zone, not UTC.
        try (var document =
                Loader.loadPDF(admin.getBytes("/api/monitoring-centre/violations.pdf?date=2023-09-19&lang=ru"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Нарушения прекращения огня за 2023-09-19", "Обстрел", "Сообщено", "Все мои районы");
            assertThat(text)
                    .doesNotContain("UTC")
                    .doesNotContainPattern("\\b(SHELLING|ARMED_ATTACK|VERIFIED|REPORTED|DAY)\\b");
        }
    }
}
