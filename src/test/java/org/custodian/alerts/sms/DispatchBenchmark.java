package org.custodian.alerts.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodian.CustodianApplication;
import org.custodian.alerts.AlertReleased;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatch benchmark (bench/sms-dispatch.sh): the same N messages to a loopback jSMPP SMSC, first by a bare
 * jSMPP client with W submits in flight, then through the application's durable outbox on PostgreSQL with the
 * same window: release event, targeting, outbox rows, claims with SKIP LOCKED, submits, outcomes recorded. Not a
 * test: run by its main. Arguments: JDBC URL of a scratch PostGIS database, N, W.
 */
public final class DispatchBenchmark {

    static final String TEXT = "Keep away from military facilities. Illustrative warning for a benchmark.";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 16;

        double bare;
        try (TestSmsc smsc = new TestSmsc()) {
            smsc.recordTexts(false);
            smsc.sendReceipts(false);
            bare = bare(smsc, n, window);
        }
        System.out.printf("bare jSMPP client, window %d: %,d submits at %,.0f a second%n", window, n, bare);

        try (TestSmsc smsc = new TestSmsc()) {
            smsc.recordTexts(false);
            smsc.sendReceipts(false);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodianApplication.class)
                    .properties(Map.of(
                            "server.port", "0",
                            "spring.datasource.url", url,
                            "custodian.admin.password", "benchmark-admin-password",
                            "custodian.alerts.subscriber-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                            "custodian.alerts.smsc.host", "127.0.0.1",
                            "custodian.alerts.smsc.port", String.valueOf(smsc.port()),
                            "custodian.alerts.smsc.window", String.valueOf(window),
                            "logging.level.root", "WARN"))
                    .run();
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                SubscriberKey key = app.getBean(SubscriberKey.class);
                BulkSubscribers.insert(jdbc, key, n, 0, 46.90, 39.98, 300, 0.0001, 0.00001);
                long t0 = System.nanoTime();
                app.getBean(TransactionTemplate.class)
                        .executeWithoutResult(t -> app.getBean(ApplicationEventPublisher.class)
                                .publishEvent(new AlertReleased(
                                        1,
                                        "urn:oid:benchmark",
                                        "Alert",
                                        Set.of("AGD"),
                                        SubscriberIntegrationTests.square(46.89, 39.97, 46.94, 39.995),
                                        Map.of("en", TEXT),
                                        Instant.now(),
                                        Instant.now().plus(Duration.ofHours(1)))));
                long queued = 0;
                while (queued == 0) {
                    Thread.sleep(5);
                    queued = jdbc.queryForObject(
                            "select count(*) from alerts_sms_dispatch where identifier = 'urn:oid:benchmark'",
                            Long.class);
                }
                long t1 = System.nanoTime();
                while (smsc.count() < n) {
                    Thread.sleep(2);
                }
                long t2 = System.nanoTime();
                long submitted = 0;
                while (submitted < n) {
                    Thread.sleep(20);
                    submitted = jdbc.queryForObject(
                            "select count(*) from alerts_sms_message where status = 'SUBMITTED'", Long.class);
                }
                long t3 = System.nanoTime();
                double send = n / ((t2 - t1) / 1e9);
                System.out.printf(
                        "outbox: release to %,d rows queued in %.2f s (targeting and writing the outbox)%n",
                        n, (t1 - t0) / 1e9);
                System.out.printf(
                        "outbox, window %d: %,d submits at %,.0f a second (%.0f%% of bare); all recorded SUBMITTED"
                                + " %.2f s after the last submit; SMSC received %,d (no duplicates: %s)%n",
                        window, n, send, 100 * send / bare, (t3 - t2) / 1e9, smsc.count(), smsc.count() == n);
                System.out.printf("end to end: %,d in %.2f s%n", n, (t3 - t0) / 1e9);
            } finally {
                app.close();
            }
        }
    }

    static double bare(TestSmsc smsc, int n, int window) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setPduProcessorDegree(Math.min(window, 16));
        session.setQueueCapacity(window * 20);
        session.connectAndBind(
                "127.0.0.1",
                smsc.port(),
                new BindParameter(
                        BindType.BIND_TRX,
                        "bench",
                        "",
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null));
        byte[] text = SmsText.fit(TEXT, 4).bytes();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < window; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    try {
                        session.submitShortMessage(
                                "",
                                TypeOfNumber.ALPHANUMERIC,
                                NumberingPlanIndicator.UNKNOWN,
                                "CUSTODIAN",
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                String.format("99450%07d", i),
                                new ESMClass(),
                                (byte) 0,
                                (byte) 1,
                                null,
                                null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                (byte) 0,
                                DataCodings.ZERO,
                                (byte) 0,
                                text);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        session.unbindAndClose();
        return rate;
    }
}
