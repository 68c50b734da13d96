package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.CustodianIntegrationTest;
import org.custodian.NodeProcess;
import org.custodian.TestDatabase;
import org.custodian.alerts.AlertReleased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance of the application, in a process of its own, is killed with SIGKILL in the middle of sending an
 * alert to 100,000 recipients (on PostgreSQL; 20,000 on the embedded database, which the processes reach over TCP
 * at a fifth of the speed) and another started: on the SMSC's side every recipient got exactly one submit.
 * What was in flight at the kill is in doubt until the SMSC's held receipts settle it; what got none is sent again.
 * This test's own context has no SMSC, so it only writes the subscribers and releases the alert; the processes
 * share its database (PostgreSQL, or its embedded database served over H2's TCP server).
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KilledDispatchIntegrationTests {

    static final int RECIPIENTS = TestDatabase.postgis() ? 100_000 : 20_000;
    static final String IDENTIFIER = "urn:oid:test-killed-dispatch";
    /** This test's numbers: +99450 followed by 6000000 onwards. */
    static final String NUMBERS = "+9945060";

    static final TestSmsc SMSC;

    static {
        try {
            SMSC = new TestSmsc();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final List<Process> processes = new ArrayList<>();

    @AfterAll
    static void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        SMSC.close();
        NodeProcess.stopSharing();
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
    void everyRecipientGetsExactlyOneAcrossAKill() throws Exception {
        BulkSubscribers.insert(jdbc, key, RECIPIENTS, 6_000_000, 46.5, 39.5, 400, 0.0001, 0.0001);
        transactions.executeWithoutResult(t -> events.publishEvent(new AlertReleased(
                930_001,
                IDENTIFIER,
                "Alert",
                Set.of("AGD"),
                SubscriberIntegrationTests.square(46.4999, 39.4999, 46.5400, 39.5250),
                Map.of("en", "Killed while sending: one message each all the same."),
                Instant.now(),
                Instant.now().plus(Duration.ofHours(1)))));
        await(Duration.ofMinutes(2), () -> count("") == RECIPIENTS);

        Process first = dispatcher("first");
        await(Duration.ofMinutes(6), () -> ours().size() >= RECIPIENTS / 4);
        first.destroyForcibly().waitFor();
        long atKill = ours().size();
        assertThat(atKill).as("killed in the middle").isLessThan(RECIPIENTS);
        assertThat(count("and status in ('QUEUED', 'SENDING')"))
                .as("left to send or in doubt")
                .isPositive();

        dispatcher("second");
        await(Duration.ofMinutes(6), () -> count("and status in ('QUEUED', 'SENDING', 'UNCONFIRMED')") == 0);
        Thread.sleep(3000);

        Map<String, Long> perNumber =
                ours().stream().collect(Collectors.groupingBy(TestSmsc.Submit::destination, Collectors.counting()));
        assertThat(perNumber.values()).as("submits per number").allMatch(n -> n == 1);
        assertThat(perNumber).as("every recipient reached").hasSize(RECIPIENTS);
        assertThat(count("and status in ('SUBMITTED', 'DELIVERED')")).isEqualTo(RECIPIENTS);
    }

    /** What the SMSC received for this test's subscribers (the processes also send what other tests queued). */
    private static List<TestSmsc.Submit> ours() {
        return SMSC.submits().stream()
                .filter(s -> s.destination().startsWith(NUMBERS))
                .toList();
    }

    private long count(String condition) {
        Long n = jdbc.queryForObject(
                "select count(*) from alerts_sms_message where identifier = ? " + condition, Long.class, IDENTIFIER);
        return n == null ? 0 : n;
    }

    /** Starts the application in a process of its own, bound to the test SMSC, on this test's database. */
    private Process dispatcher(String name) throws Exception {
        Process process = NodeProcess.start(
                environment,
                "killed-dispatch-" + name,
                Map.of(
                        "custodian.alerts.smsc.host", "127.0.0.1",
                        "custodian.alerts.smsc.port", String.valueOf(SMSC.port()),
                        "custodian.alerts.smsc.window", "16",
                        "custodian.alerts.smsc.abandoned-after", "3s",
                        "custodian.alerts.smsc.resend-unconfirmed-after", "5s"));
        processes.add(process);
        return process;
    }

    private static void await(Duration within, java.util.function.BooleanSupplier condition) throws Exception {
        Instant until = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            for (Process p : processes) {
                if (!p.isAlive() && p.exitValue() != 137 && p.exitValue() != 9) {
                    throw new AssertionError("a dispatching process stopped by itself: exit " + p.exitValue());
                }
            }
            assertThat(Instant.now()).as("in time").isBefore(until);
            Thread.sleep(100);
        }
    }
}
