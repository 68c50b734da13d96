package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.CustodianIntegrationTest;
import org.custodian.OtherNode;
import org.custodian.TestDatabase;
import org.custodian.alerts.AlertReleased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the application on one PostgreSQL database, both bound to the same SMSC, dispatch one alert:
 * row locks skipped by the other instance mean every recipient gets exactly one submit, and both instances
 * take part.
 */
@CustodianIntegrationTest
@EnabledIfSystemProperty(named = "custodian.test.database", matches = "postgis")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoInstancesDispatchIntegrationTests {

    static final int RECIPIENTS = 3000;
    static final TestSmsc SMSC;

    static {
        try {
            SMSC = new TestSmsc();
            SMSC.sendReceipts(false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smsc(DynamicPropertyRegistry registry) {
        registry.add("custodian.alerts.smsc.host", () -> "127.0.0.1");
        registry.add("custodian.alerts.smsc.port", SMSC::port);
        registry.add("custodian.alerts.smsc.window", () -> 8);
    }

    static ConfigurableApplicationContext second;

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        SMSC.close();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubscriberKey key;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyRecipientGetsExactlyOneSubmit() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgis(), "two instances share a PostgreSQL database");
        second = OtherNode.start(secondInstance().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));

        // Subscribers written straight to the table, numbers encrypted with the shared key.
        BulkSubscribers.insert(jdbc, key, RECIPIENTS, 5_000_000, 46.9, 39.95, 100, 0.0005, 0.0005);

        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                920_001,
                "urn:oid:test-two-instances",
                "Alert",
                Set.of("AGD"),
                SubscriberIntegrationTests.square(46.899, 39.949, 46.951, 39.966),
                Map.of("en", "Two instances, one message each."),
                Instant.now(),
                Instant.now().plus(Duration.ofHours(1)))));

        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (SMSC.count() < RECIPIENTS || stillOpen() > 0) {
            assertThat(Instant.now()).as("dispatch finished in time").isBefore(until);
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        // The test's subscribers, and the demo's who live in the same square.
        long recipients = jdbc.queryForObject(
                "select count(*) from alerts_sms_message where identifier = ?",
                Long.class,
                "urn:oid:test-two-instances");
        assertThat(recipients).isGreaterThanOrEqualTo(RECIPIENTS);
        Map<String, Long> perNumber = SMSC.submits().stream()
                .collect(Collectors.groupingBy(TestSmsc.Submit::destination, Collectors.counting()));
        assertThat(perNumber).hasSize((int) recipients);
        assertThat(perNumber.values()).allMatch(n -> n == 1);
        assertThat(SMSC.count()).isEqualTo(recipients);
        assertThat(jdbc.queryForObject(
                        "select count(*) from alerts_sms_message where identifier = ? and status = 'SUBMITTED'",
                        Long.class,
                        "urn:oid:test-two-instances"))
                .isEqualTo(recipients);
        Map<String, Long> byInstance = jdbc
                .queryForList(
                        "select claimed_by, count(*) as n from alerts_sms_message where identifier = ?"
                                + " group by claimed_by",
                        "urn:oid:test-two-instances")
                .stream()
                .collect(Collectors.toMap(r -> (String) r.get("claimed_by"), r -> ((Number) r.get("n")).longValue()));
        assertThat(byInstance).as("both instances sent part of it").hasSize(2);
        assertThat(byInstance.values()).allMatch(n -> n > RECIPIENTS / 20);
    }

    private Map<String, Object> secondInstance() {
        Map<String, Object> p = new java.util.HashMap<>();
        for (String shared : List.of(
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "custodian.alerts.generated-subscriber-key-file",
                "custodian.integrity.generated-key-file",
                "custodian.integrity.directory",
                "custodian.admin.password")) {
            String value = environment.getProperty(shared);
            if (value != null) {
                p.put(shared, value);
            }
        }
        p.put("custodian.demo.enabled", "false");
        p.put("custodian.alerts.smsc.host", "127.0.0.1");
        p.put("custodian.alerts.smsc.port", String.valueOf(SMSC.port()));
        p.put("custodian.alerts.smsc.window", "8");
        return p;
    }

    private long stillOpen() {
        return jdbc.queryForObject(
                "select count(*) from alerts_sms_message where identifier = ? and status in ('QUEUED', 'SENDING')",
                Long.class,
                "urn:oid:test-two-instances");
    }
}
