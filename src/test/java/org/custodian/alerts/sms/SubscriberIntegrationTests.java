package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.alerts.AlertReleased;
import org.custodian.geo.Wgs84;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The subscriber register over HTTP: validation, numbers encrypted at rest, masking by role, audited reads,
 * region scope; and, with no SMSC configured, an alert's messages waiting in the outbox.
 */
@CustodianIntegrationTest
class SubscriberIntegrationTests {

    static final String PASSWORD = "subscriber-test-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    @Autowired
    Subscribers subscribers;

    @BeforeEach
    void users() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-alerts", "ALERT_OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-sub-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("fzl-alerts", "ALERT_OFFICER", "FZL", PASSWORD))
                .isIn(201, 409);
    }

    private Api as(String name) {
        return Api.at(port).as(name, PASSWORD);
    }

    static Map<String, Object> subscriber(String phone, String language, double lon, double lat) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regionCode", "AGD");
        s.put("phone", phone);
        s.put("language", language);
        s.put("location", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        s.put("consentChannel", "FORM");
        return s;
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        Api officer = as("agd-alerts");
        long before = jdbc.queryForObject("select count(*) from alerts_sms_subscriber", Long.class);

        Api.Response badNumber = officer.post("/api/subscribers", Api.json(subscriber("+99412", "az", 46.93, 39.99)));
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(badNumber.isProblem()).isTrue();
        assertThat(badNumber.body()).contains("phone");

        Map<String, Object> german = subscriber("+994501110001", "de", 46.93, 39.99);
        Api.Response badLanguage = officer.post("/api/subscribers", Api.json(german));
        assertThat(badLanguage.status()).isEqualTo(422);
        assertThat(badLanguage.body()).contains("az, hy, ru, en");

        Api.Response outside =
                officer.post("/api/subscribers", Api.json(subscriber("+994501110002", "az", 47.9, 41.5)));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("location");

        Map<String, Object> channel = subscriber("+994501110003", "az", 46.93, 39.99);
        channel.put("consentChannel", "CARRIER_PIGEON");
        assertThat(officer.post("/api/subscribers", Api.json(channel)).body()).contains("FORM, SMS, PHONE, IN_PERSON");

        Map<String, Object> future = subscriber("+994501110004", "az", 46.93, 39.99);
        future.put("consentAt", Instant.now().plus(Duration.ofDays(2)).toString());
        assertThat(officer.post("/api/subscribers", Api.json(future)).status()).isEqualTo(422);

        assertThat(jdbc.queryForObject("select count(*) from alerts_sms_subscriber", Long.class))
                .isEqualTo(before);

        assertThat(officer.post("/api/subscribers", Api.json(subscriber("0501110005", "az", 46.93, 39.99)))
                        .status())
                .isEqualTo(201);
        Api.Response duplicate =
                officer.post("/api/subscribers", Api.json(subscriber("+994 50 111 00 05", "ru", 46.93, 39.99)));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("already registered");
    }

    @Test
    void numbersAreEncryptedAtRestMaskedForOthersAndReadsAudited() {
        Api officer = as("agd-alerts");
        Api.Response created =
                officer.post("/api/subscribers", Api.json(subscriber("+994 55 222 33 44", "hy", 46.931, 39.992)));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("phone").asString()).isEqualTo("+994552223344");

        // A dump of the table holds neither the number nor its digits in any form.
        Map<String, Object> raw = jdbc.queryForMap("select * from alerts_sms_subscriber where id = ?", id);
        byte[] cipher = (byte[]) raw.get("phone_cipher");
        assertThat(cipher).hasSizeGreaterThan(12 + 16);
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain("2223344");
        assertThat(raw.values().toString()).doesNotContain("552223344");
        assertThat((String) raw.get("phone_hash")).hasSize(64).doesNotContain("552223344");

        long reads = auditedReads();
        JsonNode full = officer.get("/api/subscribers/" + id).json();
        assertThat(full.get("phone").asString()).isEqualTo("+994552223344");
        assertThat(full.get("phoneMasked").asBoolean()).isFalse();
        assertThat(auditedReads()).isEqualTo(reads + 1);
        String audited = jdbc.queryForObject(
                "select after_state from platform_audit_entry where record_type like '%NumberRead'"
                        + " order by id desc fetch first 1 rows only",
                String.class);
        assertThat(audited).contains("agd-alerts").contains(String.valueOf(id)).doesNotContain("552223344");

        Api other = as("agd-sub-officer");
        JsonNode masked = other.get("/api/subscribers/" + id).json();
        assertThat(masked.get("phoneMasked").asBoolean()).isTrue();
        assertThat(masked.get("phone").asString()).isEqualTo("+994 •••••••44");
        assertThat(masked.get("location").isNull()).isTrue();
        assertThat(other.get("/api/subscribers").body()).doesNotContain("552223344");
        assertThat(auditedReads()).isEqualTo(reads + 1);
    }

    @Test
    void onlyAlertOfficersOfTheRegionKeepTheRegister() {
        Api officer = as("agd-alerts");
        long id = officer.post("/api/subscribers", Api.json(subscriber("+994703334455", "ru", 46.932, 39.993)))
                .json()
                .get("id")
                .asLong();
        // An officer without the alert role, and an alert officer of another region.
        assertThat(as("agd-sub-officer")
                        .post("/api/subscribers", Api.json(subscriber("+994703334456", "ru", 46.932, 39.993)))
                        .status())
                .isEqualTo(403);
        assertThat(as("agd-sub-officer")
                        .post("/api/subscribers/" + id + "/opt-out", "{}")
                        .status())
                .isEqualTo(403);
        Api fuzuli = as("fzl-alerts");
        assertThat(fuzuli.get("/api/subscribers/" + id).status()).isEqualTo(404);
        assertThat(fuzuli.post("/api/subscribers/" + id + "/opt-out", "{}").status())
                .isEqualTo(404);
        assertThat(fuzuli.delete("/api/subscribers/" + id).status()).isEqualTo(404);
        assertThat(fuzuli.get("/api/subscribers").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(fuzuli.post("/api/subscribers", Api.json(subscriber("+994703334457", "ru", 46.932, 39.993)))
                        .status())
                .isEqualTo(403);
        assertThat(fuzuli.get("/subscribers").body()).doesNotContain("+994703334455");

        JsonNode out = officer.post("/api/subscribers/" + id + "/opt-out", "{}").json();
        assertThat(out.get("status").asString()).isEqualTo("OPTED_OUT");
        assertThat(out.get("optedOutVia").asString()).isEqualTo("FORM");

        assertThat(officer.delete("/api/subscribers/" + id).status()).isEqualTo(204);
        assertThat(officer.get("/api/subscribers/" + id).status()).isEqualTo(404);
        Map<String, Object> raw = jdbc.queryForMap(
                "select phone_cipher, phone_hash, location, status from alerts_sms_subscriber where id = ?", id);
        assertThat(raw.get("phone_cipher")).isNull();
        assertThat(raw.get("phone_hash")).isNull();
        assertThat(raw.get("location")).isNull();
        assertThat(raw.get("status")).isEqualTo("ERASED");
    }

    @Test
    void withoutAnSmscMessagesWaitInTheOutboxAndThePageSaysSo() throws Exception {
        Api officer = as("agd-alerts");
        // Two inside the area, one outside it; the area is a square around Aghdam's centre.
        for (String[] s : new String[][] {
            {"+994504440001", "az", "46.9401", "39.9801"},
            {"+994504440002", "en", "46.9402", "39.9802"},
            {"+994504440003", "ru", "46.9900", "39.9300"}
        }) {
            assertThat(officer.post(
                                    "/api/subscribers",
                                    Api.json(
                                            subscriber(s[0], s[1], Double.parseDouble(s[2]), Double.parseDouble(s[3]))))
                            .status())
                    .isEqualTo(201);
        }
        long alertId = 900_001;
        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                alertId,
                "urn:oid:2.49.0.0.31.0.test-waiting",
                "Alert",
                Set.of("AGD"),
                square(46.935, 39.975, 46.945, 39.985),
                Map.of("az", "Hərbi obyektlərdən uzaq durun.", "en", "Keep away from military facilities."),
                Instant.now(),
                Instant.now().plus(Duration.ofHours(6)))));
        JsonNode report = null;
        for (int i = 0; i < 100; i++) {
            Api.Response r = officer.get("/api/alerts/" + alertId + "/deliveries");
            if (r.status() == 200) {
                report = r.json();
                break;
            }
            Thread.sleep(100);
        }
        assertThat(report).as("deliveries of the released alert").isNotNull();
        assertThat(report.get("smscConfigured").asBoolean()).isFalse();
        assertThat(report.at("/totals/recipients").asLong()).isEqualTo(2);
        assertThat(report.at("/totals/byStatus/QUEUED").asLong()).isEqualTo(2);
        assertThat(report.at("/totals/progress").asDouble()).isEqualTo(0.0);
        assertThat(jdbc.queryForList(
                        "select encoding from alerts_sms_message where identifier = ? order by language",
                        String.class,
                        "urn:oid:2.49.0.0.31.0.test-waiting"))
                .containsExactly("UCS2", "GSM7");

        assertThat(as("fzl-alerts")
                        .get("/api/alerts/" + alertId + "/deliveries")
                        .status())
                .isEqualTo(404);
        assertThat(as("fzl-alerts").get("/alerts/" + alertId + "/deliveries").status())
                .isEqualTo(404);
        String page = officer.get("/alerts/" + alertId + "/deliveries").body();
        assertThat(page).contains("id=\"no-smsc\"").contains("2 messages wait in the outbox");
    }

    @Test
    void aClaimTakesARangeOfAReleaseOnceAndClosesMessagesToThoseWhoOptedOutSince() throws Exception {
        Api officer = as("agd-alerts");
        for (String phone : List.of("+994504450001", "+994504450002", "+994504450003")) {
            assertThat(officer.post("/api/subscribers", Api.json(subscriber(phone, "en", 46.9501, 39.9701)))
                            .status())
                    .isEqualTo(201);
        }
        String identifier = "urn:oid:2.49.0.0.31.0.test-claimed-range";
        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                900_002,
                identifier,
                "Alert",
                Set.of("AGD"),
                square(46.945, 39.965, 46.955, 39.975),
                Map.of("en", "Keep away from military facilities."),
                Instant.now(),
                Instant.now().plus(Duration.ofHours(6)))));
        String count = "select count(*) from alerts_sms_message where identifier = ? and status = ?";
        for (int i = 0; i < 100 && jdbc.queryForObject(count, Long.class, identifier, "QUEUED") < 3; i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject(count, Long.class, identifier, "QUEUED")).isEqualTo(3);
        // After the release, before its messages are claimed: this one must not be texted.
        assertThat(subscribers.optOutBySms("+994504450002")).isTrue();

        // No SMSC here, so nothing else claims: every release still waiting is taken, a range at a time.
        List<Outbox.Claimed> claimed = new ArrayList<>();
        for (List<Outbox.Claimed> c; !(c = outbox.claim("test-instance", 2, Instant.now())).isEmpty(); ) {
            claimed.addAll(c);
        }
        List<Long> mine = jdbc.queryForList(
                "select id from alerts_sms_message where identifier = ? order by id", Long.class, identifier);
        List<Outbox.Claimed> ours =
                claimed.stream().filter(c -> mine.contains(c.id())).toList();
        assertThat(ours).extracting(Outbox.Claimed::id).doesNotHaveDuplicates().hasSize(2);
        assertThat(claimed).extracting(Outbox.Claimed::id).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject(count, Long.class, identifier, "OPTED_OUT"))
                .isEqualTo(1);
        // Claimed first attempts are shown as being sent, though their rows are written only with their outcome.
        assertThat(outbox.totals(List.of(identifier)))
                .containsEntry(Outbox.Status.SENDING, 2L)
                .containsEntry(Outbox.Status.QUEUED, 0L)
                .containsEntry(Outbox.Status.OPTED_OUT, 1L);

        outbox.record(
                "test-instance",
                List.of(
                        new Outbox.Submitted(ours.get(0).id(), "smsc-range-1"),
                        new Outbox.Retry(ours.get(1).id(), Instant.now().minusSeconds(1), "throttled")),
                Instant.now());
        assertThat(jdbc.queryForObject(count, Long.class, identifier, "SUBMITTED"))
                .isEqualTo(1);
        // The retry is due again, claimed row by row, and counted as its second attempt.
        List<Outbox.Claimed> again = outbox.claim("test-instance", 10, Instant.now());
        assertThat(again).extracting(Outbox.Claimed::id).contains(ours.get(1).id());
        assertThat(jdbc.queryForObject(
                        "select attempts from alerts_sms_message where id = ?",
                        Integer.class,
                        ours.get(1).id()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(count, Long.class, identifier, "SENDING"))
                .isEqualTo(1);
    }

    private long auditedReads() {
        return jdbc.queryForObject(
                "select count(*) from platform_audit_entry where record_type like '%NumberRead'", Long.class);
    }

    static Polygon square(double x0, double y0, double x1, double y1) {
        return Wgs84.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0),
            new Coordinate(x1, y0),
            new Coordinate(x1, y1),
            new Coordinate(x0, y1),
            new Coordinate(x0, y0)
        });
    }
}
