package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.alerts.AlertReleased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From a released alert to the SMSC and back, over TCP to a jSMPP server on 127.0.0.1: one submit per recipient
 * in their language and encoding, receipts, refusals retried, a hang-up that is never resent, replies of STOP.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SmsDispatchIntegrationTests {

    static final TestSmsc SMSC;

    static {
        try {
            SMSC = new TestSmsc();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smsc(DynamicPropertyRegistry registry) {
        registry.add("custodian.alerts.smsc.host", () -> "127.0.0.1");
        registry.add("custodian.alerts.smsc.port", SMSC::port);
        registry.add("custodian.alerts.smsc.system-id", () -> "custodian");
        registry.add("custodian.alerts.smsc.password", () -> "secret");
        registry.add("custodian.alerts.smsc.window", () -> 4);
        registry.add("custodian.alerts.smsc.response-timeout", () -> "2s");
        registry.add("custodian.alerts.smsc.resend-unconfirmed-after", () -> "3s");
    }

    @AfterAll
    static void stop() throws Exception {
        SMSC.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    static final Map<String, String> TEXTS = Map.of(
            "az", "Hərbi obyektlərdən uzaq durun. Bu xəbərdarlıq nümunədir.",
            "en", "Keep away from military facilities [test] - an illustrative warning.",
            "ru", "Держитесь подальше от военных объектов.",
            "hy", "Հեռու մնացեք ռազմական օբյեկտներից։");

    private long subscribe(String phone, String language, double lon, double lat) {
        Api.Response r = Api.at(port)
                .asAdmin()
                .post("/api/subscribers", Api.json(SubscriberIntegrationTests.subscriber(phone, language, lon, lat)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void release(long alertId, String identifier, double x0, double y0, double x1, double y1) {
        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                alertId,
                identifier,
                "Alert",
                Set.of("AGD"),
                SubscriberIntegrationTests.square(x0, y0, x1, y1),
                TEXTS,
                Instant.now(),
                Instant.now().plus(Duration.ofHours(3)))));
    }

    private List<TestSmsc.Submit> to(String number) {
        return SMSC.submits().stream()
                .filter(s -> s.destination().equals(number))
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private JsonNode deliveries(long alertId) {
        return Api.at(port)
                .asAdmin()
                .get("/api/alerts/" + alertId + "/deliveries")
                .json();
    }

    @Test
    void eachRecipientGetsOneSubmitInTheirLanguageAndReceiptsMarkThemDelivered() throws Exception {
        subscribe("+994501000001", "az", 46.9101, 39.9101);
        subscribe("+994501000002", "en", 46.9102, 39.9102);
        subscribe("+994501000003", "ru", 46.9103, 39.9103);
        subscribe("+994501000004", "hy", 46.9104, 39.9104);
        subscribe("+994501000005", "en", 46.9500, 39.9500); // outside the area
        release(910_001, "urn:oid:test-dispatch-1", 46.905, 39.905, 46.915, 39.915);

        await(
                "four submits",
                () -> SMSC.submits().stream()
                                .filter(s -> s.destination().startsWith("+99450100000"))
                                .count()
                        >= 4);
        await(
                "four delivered",
                () -> deliveries(910_001).at("/totals/byStatus/DELIVERED").asLong() == 4);

        assertThat(to("+994501000001")).singleElement().satisfies(s -> {
            assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(s.text()).isEqualTo(TEXTS.get("az"));
        });
        assertThat(to("+994501000002")).singleElement().satisfies(s -> {
            assertThat(s.dataCoding()).isEqualTo((byte) 0x00);
            assertThat(s.text()).isEqualTo(TEXTS.get("en"));
        });
        assertThat(to("+994501000003")).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo(TEXTS.get("ru")));
        assertThat(to("+994501000004")).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo(TEXTS.get("hy")));
        assertThat(to("+994501000005")).isEmpty();

        JsonNode report = deliveries(910_001);
        assertThat(report.get("smscConfigured").asBoolean()).isTrue();
        assertThat(report.at("/totals/recipients").asLong()).isEqualTo(4);
        assertThat(report.at("/totals/progress").asDouble()).isEqualTo(1.0);
        assertThat(Api.at(port).asAdmin().get("/alerts/910001/deliveries").body())
                .doesNotContain("id=\"no-smsc\"")
                .contains("id=\"deliveries\"");

        // The same release handed again (as after a crash) sends nothing more.
        release(910_001, "urn:oid:test-dispatch-1", 46.905, 39.905, 46.915, 39.915);
        Thread.sleep(1500);
        assertThat(to("+994501000001")).hasSize(1);
    }

    @Test
    void refusalsAreRetriedAndMessagesInDoubtSettledByReceiptsOrSentOnce() throws Exception {
        SMSC.behave("+994502000001", TestSmsc.Behaviour.THROTTLE_ONCE);
        SMSC.behave("+994502000002", TestSmsc.Behaviour.INVALID_DESTINATION);
        for (int i = 1; i <= 5; i++) {
            subscribe("+99450200000" + i, "en", 46.9401 + i * 0.0001, 39.9401);
        }
        release(910_002, "urn:oid:test-dispatch-2", 46.935, 39.935, 46.945, 39.945);
        settled(910_002, 5);

        // Throttled once, then accepted on the second attempt.
        assertThat(to("+994502000001")).hasSize(1);
        assertThat(messageOf("urn:oid:test-dispatch-2", "+994502000001")).matches("(SUBMITTED|DELIVERED)/2");
        // Refused for good: failed after one attempt, never accepted.
        assertThat(to("+994502000002")).isEmpty();
        assertThat(messageOf("urn:oid:test-dispatch-2", "+994502000002")).isEqualTo("FAILED/1");
        for (int i = 3; i <= 5; i++) {
            assertThat(to("+99450200000" + i)).hasSize(1);
        }
        assertThat(jdbc.queryForObject(
                        "select last_error from alerts_sms_message where identifier = ? and status = 'FAILED'",
                        String.class,
                        "urn:oid:test-dispatch-2"))
                .contains("0xb");

        // The SMSC takes one submit and hangs up without answering: that message, and any other in flight, is
        // in doubt. The SMSC holds its receipt and hands it over once a session is bound again, which settles it
        // without a second submit; a message in doubt that the SMSC never had gets no receipt and goes again.
        SMSC.behave("+994502100001", TestSmsc.Behaviour.HANG_UP);
        for (int i = 1; i <= 6; i++) {
            subscribe("+99450210000" + i, "en", 46.9401 + i * 0.0001, 39.9301);
        }
        release(910_004, "urn:oid:test-dispatch-4", 46.935, 39.925, 46.945, 39.935);
        settled(910_004, 6);
        await(
                "every message delivered",
                () -> jdbc.queryForObject(
                                "select count(*) from alerts_sms_message where identifier = ? and status = 'DELIVERED'",
                                Long.class,
                                "urn:oid:test-dispatch-4")
                        == 6);
        assertThat(messageOf("urn:oid:test-dispatch-4", "+994502100001")).isEqualTo("DELIVERED/1");
        for (int i = 1; i <= 6; i++) {
            assertThat(to("+99450210000" + i)).as("submits to number " + i).hasSize(1);
        }
    }

    private void settled(long alertId, int recipients) throws InterruptedException {
        await("every message settled", () -> {
            JsonNode totals = deliveries(alertId).at("/totals");
            return totals.at("/recipients").asLong() == recipients
                    && totals.at("/byStatus/QUEUED").asLong() == 0
                    && totals.at("/byStatus/SENDING").asLong() == 0;
        });
    }

    private String messageOf(String identifier, String number) {
        for (Map<String, Object> r : jdbc.queryForList(
                "select m.status, m.attempts, m.subscriber_id from alerts_sms_message m where m.identifier = ?",
                identifier)) {
            long id = ((Number) r.get("subscriber_id")).longValue();
            String phone = Api.at(port)
                    .asAdmin()
                    .get("/api/subscribers/" + id)
                    .json()
                    .get("phone")
                    .asString();
            if (phone.equals(number)) {
                return r.get("status") + "/" + r.get("attempts");
            }
        }
        throw new AssertionError("no message to " + number);
    }

    @Test
    void anAlertReleasedAfterItsExpiryTextsNobody() throws Exception {
        subscribe("+994509930001", "en", 46.9301, 39.9301);
        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                920_301,
                "urn:oid:test-expired",
                "Alert",
                Set.of("AGD"),
                SubscriberIntegrationTests.square(46.93, 39.93, 46.931, 39.931),
                TEXTS,
                Instant.now().minus(Duration.ofDays(2)),
                Instant.now().minus(Duration.ofDays(1)))));
        // The listener runs after the commit: wait until it has completed its publication.
        await(
                "the expired release handled",
                () -> jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is not null"
                                        + " and serialized_event like '%test-expired%'",
                                Long.class)
                        > 0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from alerts_sms_message where identifier = ?",
                        Long.class,
                        "urn:oid:test-expired"))
                .isZero();
        assertThat(to("+994509930001")).isEmpty();
    }

    @Test
    void aReplyOfStopOptsTheNumberOut() throws Exception {
        long az = subscribe("+994503000001", "az", 46.9601, 39.9601);
        long hy = subscribe("+994503000002", "hy", 46.9602, 39.9602);
        long en = subscribe("+994503000003", "en", 46.9603, 39.9603);
        await("a session", () -> SMSC.submits() != null && !smscSessionless());
        SMSC.replyFrom("+994503000001", "Dayan", false);
        SMSC.replyFrom("+994503000002", "ԿԱՆԳ", true);
        SMSC.replyFrom("+994503000003", "hello", false);
        await("two opted out", () -> "OPTED_OUT".equals(statusOf(az)) && "OPTED_OUT".equals(statusOf(hy)));
        assertThat(statusOf(en)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject(
                        "select opted_out_via from alerts_sms_subscriber where id = ?", String.class, az))
                .isEqualTo("SMS");

        release(910_003, "urn:oid:test-dispatch-3", 46.955, 39.955, 46.965, 39.965);
        await("one sent", () -> to("+994503000003").size() == 1);
        Thread.sleep(500);
        assertThat(to("+994503000001")).isEmpty();
        assertThat(to("+994503000002")).isEmpty();
    }

    private boolean smscSessionless() {
        try {
            SMSC.replyFrom("+994503999999", "ping", false);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from alerts_sms_subscriber where id = ?", String.class, id);
    }
}
