package org.custodian.civil;

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

/**
 * Civil activities end to end over HTTP on the demo data: the working group of the facts, proposals and their
 * history, action items and their owners, outreach visits on the map and in CSV, and beneficiaries seen only by
 * outreach roles with every read audited; across regions and roles.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CivilIntegrationTests {

    static final String PASSWORD = "civil-test-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-civ-officer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("khj-civ-outreach", "OUTREACH_WORKER", "KHJ", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("khj-civ-viewer", "VIEWER", "KHJ", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-civ-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-civ-outreach", "OUTREACH_WORKER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    private Api as(String name) {
        return Api.at(port).as(name, PASSWORD);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private JsonNode group() {
        for (JsonNode g : admin.get("/api/working-groups").json()) {
            if (g.get("name").asString().equals("Joint working group for civil activities")) {
                return g;
            }
        }
        throw new AssertionError("no joint working group");
    }

    private JsonNode meetingIn(String place) {
        for (JsonNode m :
                admin.get("/api/meetings?group=" + group().get("id").asLong()).json()) {
            if (m.get("place").asString().equals(place)) {
                return m;
            }
        }
        throw new AssertionError("no meeting in " + place);
    }

    private long settlement(String region, String name) {
        for (JsonNode s : admin.get("/api/settlements?region=" + region).json().get("features")) {
            if (s.toString().contains("\"" + name + "\"")) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no settlement " + name);
    }

    private long team(String region) {
        for (JsonNode t : admin.get("/api/outreach-teams").json()) {
            if (t.get("regionCode").asString().equals(region)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no team in " + region);
    }

    @Test
    void theDemoHoldsTheWorkingGroupItsMeetingsAndTheFourProposalsWithTheirSources() {
        JsonNode group = group();
        assertThat(group.get("regionCode").asString()).isEqualTo("KHJ");
        assertThat(group.get("topics").toString()).contains("utilities", "health", "civil services");
        assertThat(group.get("members")).hasSize(2);
        assertThat(group.get("sources")).hasSize(1);
        JsonNode yevlakh = meetingIn("Yevlakh");
        assertThat(yevlakh.get("heldOn").asString()).isEqualTo("2023-09-21");
        assertThat(yevlakh.get("sources")).hasSize(2);
        JsonNode khojaly = admin.get(
                        "/api/meetings/" + meetingIn("Khojaly").get("id").asLong())
                .json();
        assertThat(khojaly.at("/meeting/minutes").asString()).contains("food, fuel and electricity");
        List<JsonNode> demo = new java.util.ArrayList<>();
        khojaly.get("proposals").forEach(p -> {
            if (p.at("/history/0/recordedBy").asString().equals("demo-loader")) {
                demo.add(p);
            }
        });
        assertThat(demo).hasSize(4);
        assertThat(demo.toString())
                .contains(
                        "field hospital near Khankendi or Khojaly",
                        "mobile cafeteria",
                        "remote villages",
                        "civil-society representatives");
        demo.forEach(p -> assertThat(p.get("sources")).hasSize(1));
        assertThat(khojaly.get("decisions")).hasSize(1);
        JsonNode action = null;
        for (JsonNode a : khojaly.get("actions")) {
            if (a.get("owner").asString().equals("khj-officer")) {
                action = a;
            }
        }
        assertThat(action).isNotNull();
        assertThat(action.get("overdue").asBoolean()).isTrue();
        // The visits layer reaches the map, the OGC API and the exports, without personal data.
        String layer = admin.get("/api/exports/outreach-visits.geojson").body();
        assertThat(layer).contains("Mixed healthcare team").doesNotContain("ILL-KHJ");
        assertThat(admin.get("/ogc/collections/outreach-visits/items").status()).isEqualTo(200);
    }

    @Test
    void aProposalMovesOnlyAsItsHistoryAllowsWithReasonsAndEveryChangeIsAudited() {
        long meeting = meetingIn("Khojaly").get("id").asLong();
        Api officer = as("khj-civ-officer");
        Api.Response created = officer.post(
                "/api/proposals",
                Api.json(Map.of("meetingId", meeting, "text", "A water point in Khojaly", "proposedBy", "Residents")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("PROPOSED");

        Api.Response skip = officer.post(
                "/api/proposals/" + id + "/status", Api.json(Map.of("status", "IMPLEMENTED", "reason", "done")));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.isProblem()).isTrue();
        assertThat(skip.body()).contains("cannot become implemented");
        Api.Response noReason =
                officer.post("/api/proposals/" + id + "/status", Api.json(Map.of("status", "ACCEPTED")));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(officer.post("/api/proposals/" + id + "/status", Api.json(Map.of("status", "MAYBE", "reason", "x")))
                        .status())
                .isEqualTo(422);

        long audited = count("select count(*) from platform_audit_entry where record_type = 'Proposal'");
        for (String[] step : new String[][] {{"ACCEPTED", "Agreed by both sides"}, {"IMPLEMENTED", "Opened"}}) {
            assertThat(officer.post(
                                    "/api/proposals/" + id + "/status",
                                    Api.json(Map.of("status", step[0], "reason", step[1])))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(count("select count(*) from platform_audit_entry where record_type = 'Proposal'"))
                .isEqualTo(audited + 2);
        JsonNode done = officer.get("/api/proposals/" + id).json();
        assertThat(done.get("history")).hasSize(3);
        assertThat(done.at("/history/1/reason").asString()).isEqualTo("Agreed by both sides");
        assertThat(done.at("/history/2/recordedBy").asString()).isEqualTo("khj-civ-officer");
        Api.Response closed = officer.post(
                "/api/proposals/" + id + "/status", Api.json(Map.of("status", "REJECTED", "reason", "late")));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body()).contains("history is closed");

        // Another region's officer neither sees nor changes it; a viewer of the region cannot change it.
        assertThat(as("agd-civ-officer").get("/api/proposals/" + id).status()).isEqualTo(404);
        assertThat(as("agd-civ-officer").get("/api/working-groups").json()).isEmpty();
        assertThat(as("agd-civ-officer")
                        .post("/api/proposals", Api.json(Map.of("meetingId", meeting, "text", "x", "proposedBy", "y")))
                        .status())
                .isEqualTo(422);
        assertThat(as("khj-civ-viewer")
                        .post("/api/proposals", Api.json(Map.of("meetingId", meeting, "text", "x", "proposedBy", "y")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void actionItemsKeepTheirDatesAndOwnersAndTheOwnerSeesThemOverdue() {
        long meeting = meetingIn("Khojaly").get("id").asLong();
        Api officer = as("khj-civ-officer");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("meetingId", meeting);
        item.put("text", "Survey the water network");
        item.put("owner", "khj-civ-outreach");
        item.put("dueOn", "2023-09-01");
        Api.Response early = officer.post("/api/action-items", Api.json(item));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.isProblem()).isTrue();
        assertThat(early.body()).contains("before its meeting");

        item.put("owner", "agd-civ-officer");
        item.put("dueOn", "2023-10-01");
        assertThat(officer.post("/api/action-items", Api.json(item)).body()).contains("does not work in region");
        item.put("owner", "nobody-here");
        assertThat(officer.post("/api/action-items", Api.json(item)).status()).isEqualTo(422);

        item.put("owner", "khj-civ-outreach");
        long rows = count("select count(*) from civil_action_item");
        Api.Response made = officer.post("/api/action-items", Api.json(item));
        assertThat(made.status()).isEqualTo(201);
        assertThat(count("select count(*) from civil_action_item")).isEqualTo(rows + 1);
        long id = made.json().get("id").asLong();

        Api owner = as("khj-civ-outreach");
        JsonNode mine = owner.get("/api/action-items/mine").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(admin.get("/api/action-items?overdue=true").body()).contains("Survey the water network");
        // Someone else of the region, not its owner and not an officer, may not move it.
        assertThat(as("khj-civ-viewer")
                        .post("/api/action-items/" + id + "/status", Api.json(Map.of("status", "DONE")))
                        .status())
                .isEqualTo(403);
        assertThat(owner.post(
                                "/api/action-items/" + id + "/status",
                                Api.json(Map.of("status", "DONE", "note", "Surveyed")))
                        .json()
                        .get("overdue")
                        .asBoolean())
                .isFalse();
        assertThat(owner.post("/api/action-items/" + id + "/status", Api.json(Map.of("status", "OPEN")))
                        .status())
                .isEqualTo(409);
        assertThat(as("agd-civ-officer").get("/api/action-items/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void beneficiariesAreSeenOnlyByOutreachRolesOfTheirRegionAndEveryReadIsAudited() {
        long khojaly = settlement("KHJ", "Khojaly");
        Api outreach = as("khj-civ-outreach");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("regionCode", "KHJ");
        b.put("reference", "T-KHJ-100");
        b.put("settlementId", khojaly);
        b.put("ageBand", "OLDER");
        b.put("sex", "FEMALE");
        b.put("needs", List.of("MEDICAL", "FUEL"));
        Api.Response noConsent = outreach.post("/api/beneficiaries", Api.json(b));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.body()).contains("consent");
        b.put("consentOn", "2023-10-01");
        b.put("settlementId", 999_999);
        assertThat(outreach.post("/api/beneficiaries", Api.json(b)).body()).contains("settlementId");
        b.put("settlementId", khojaly);
        Api.Response made = outreach.post("/api/beneficiaries", Api.json(b));
        assertThat(made.status()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(outreach.post("/api/beneficiaries", Api.json(b)).status()).isEqualTo(422);

        // Officers and viewers of the region are refused; another region's outreach worker does not find it.
        for (String other : List.of("khj-civ-officer", "khj-civ-viewer")) {
            Api.Response refused = as(other).get("/api/beneficiaries/" + id);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(as(other).get("/api/beneficiaries").status()).isEqualTo(403);
        }
        assertThat(as("khj-civ-officer").post("/api/beneficiaries", Api.json(b)).status())
                .isEqualTo(403);
        assertThat(as("agd-civ-outreach").get("/api/beneficiaries/" + id).status())
                .isEqualTo(404);
        assertThat(as("agd-civ-outreach").get("/api/beneficiaries").body()).doesNotContain("T-KHJ-100");

        long reads = count("select count(*) from platform_audit_entry where record_type = 'BeneficiaryRead'"
                + " and actor = 'khj-civ-outreach'");
        JsonNode read = outreach.get("/api/beneficiaries/" + id).json();
        assertThat(read.get("reference").asString()).isEqualTo("T-KHJ-100");
        assertThat(read.get("consentOn").asString()).isEqualTo("2023-10-01");
        assertThat(read.has("name")).isFalse();
        JsonNode all = outreach.get("/api/beneficiaries").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from platform_audit_entry where record_type = 'BeneficiaryRead'"
                        + " and actor = 'khj-civ-outreach'"))
                .isEqualTo(reads + 1 + all.size());
        assertThat(count("select count(*) from civil_beneficiary_read where beneficiary_id = " + id
                        + " and read_by = 'khj-civ-outreach' and purpose = 'read'"))
                .isEqualTo(1);
    }

    @Test
    void visitsRefuseBadInputAndReachTheMapAndTheCsvWithinTheirRegion() {
        long team = team("KHJ");
        long khojaly = settlement("KHJ", "Khojaly");
        Api outreach = as("khj-civ-outreach");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("teamId", team);
        v.put("settlementId", khojaly);
        v.put("visitedOn", "2023-11-03");
        v.put("peopleReached", 9);
        v.put("services", List.of(Map.of("service", "FOOD", "quantity", -3, "unit", "PARCELS")));
        long rows = count("select count(*) from civil_visit");
        Api.Response negative = outreach.post("/api/visits", Api.json(v));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.isProblem()).isTrue();
        assertThat(negative.body()).contains("negative");
        v.put("services", List.of(Map.of("service", "FOOD", "quantity", 3, "unit", "PARCELS")));
        v.put("settlementId", 999_999);
        assertThat(outreach.post("/api/visits", Api.json(v)).body()).contains("no settlement");
        v.put("settlementId", settlement("AGD", "Aghdam"));
        assertThat(outreach.post("/api/visits", Api.json(v)).status()).isEqualTo(422);
        v.put("settlementId", khojaly);
        v.put("services", List.of(Map.of("service", "WATER", "quantity", 3, "unit", "PARCELS")));
        assertThat(outreach.post("/api/visits", Api.json(v)).status()).isEqualTo(422);
        assertThat(count("select count(*) from civil_visit")).isEqualTo(rows);

        v.put(
                "services",
                List.of(
                        Map.of("service", "FOOD", "quantity", 31, "unit", "PARCELS", "detail", "Flour and oil"),
                        Map.of("service", "ELECTRICITY", "quantity", 75.5, "unit", "KWH")));
        Api.Response made = outreach.post("/api/visits", Api.json(v));
        assertThat(made.status()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(count("select count(*) from platform_audit_entry where record_type = 'Visit' and record_id = '" + id
                        + "' and actor = 'khj-civ-outreach'"))
                .isEqualTo(1);
        // Officers of another region and viewers may not record one there.
        assertThat(as("agd-civ-officer").post("/api/visits", Api.json(v)).status())
                .isEqualTo(422);
        assertThat(as("khj-civ-viewer").post("/api/visits", Api.json(v)).status())
                .isEqualTo(403);

        String csv = as("khj-civ-viewer").get("/api/visits.csv", "text/csv").body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[1]).startsWith("#activity+id,#date,#org,#adm1+code");
        assertThat(lines[1]).contains("#sector", "#value");
        assertThat(csv).contains(id + ",2023-11-03,", ",food,31,parcels,Flour and oil,", ",electricity,75.5,kwh,");
        assertThat(as("agd-civ-officer").get("/api/visits.csv", "text/csv").body())
                .doesNotContain("2023-11-03");
        assertThat(as("agd-civ-officer").get("/api/visits/" + id).status()).isEqualTo(404);
        assertThat(as("agd-civ-officer")
                        .get("/api/exports/outreach-visits.geojson")
                        .body())
                .doesNotContain("2023-11-03");
        assertThat(as("khj-civ-viewer")
                        .get("/api/exports/outreach-visits.csv", "text/csv")
                        .body())
                .contains("2023-11-03", "#org");
    }
}
