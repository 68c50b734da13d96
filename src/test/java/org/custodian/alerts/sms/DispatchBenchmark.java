package org.custodian.alerts.sms;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodian.OtherNode;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatch benchmark (bench/sms-dispatch.sh): the same N messages to a loopback jSMPP SMSC, by a bare jSMPP
 * client with W submits in flight and through the application's durable outbox on PostgreSQL with the same
 * window (release event, targeting, outbox rows, claims with SKIP LOCKED, submits, outcomes recorded), in one
 * JVM: both warmed up once, then R rounds with each peer first in every other round. Not a test: run by its main.
 * Arguments: JDBC URL of a scratch PostGIS database, N, W, R.
 */
public final class DispatchBenchmark {

    static final String TEXT = "Keep away from military facilities. Illustrative warning for a benchmark.";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        // One JVM, one SMSC, both peers warmed, then measured in alternating rounds: the peer measured first in a
        // fresh JVM ran with its code not yet compiled, and one pair of runs said more of that than of the outbox.
        try (TestSmsc smsc = new TestSmsc()) {
            smsc.recordTexts(false);
            smsc.sendReceipts(false);
            // Settings as arguments: default properties lose to application.properties (the embedded database).
            ConfigurableApplicationContext app = OtherNode.start(
                    "spring.datasource.url=" + url,
                    // The demo brings the regions; the benchmark's square holds none of its subscribers.
                    "custodian.demo.enabled=true",
                    "custodian.admin.password=benchmark-admin-password",
                    "custodian.alerts.subscriber-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                    "custodian.alerts.smsc.host=127.0.0.1",
                    "custodian.alerts.smsc.port=" + smsc.port(),
                    "custodian.alerts.smsc.window=" + window,
                    "logging.level.root=WARN");
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                SubscriberKey key = app.getBean(SubscriberKey.class);
                BulkSubscribers.insert(jdbc, key, n, 0, 46.50, 39.50, 300, 0.0001, 0.00001);
                System.out.printf(
                        "warm-up: bare %,.0f a second, outbox %,.0f a second (not counted)%n",
                        bare(smsc, n, window).rate(), outbox(app, smsc, n, 0).rate());
                List<Double> shares = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    Bare bare;
                    Outboxed out;
                    // Each peer goes first in every other round.
                    if (r % 2 == 1) {
                        bare = bare(smsc, n, window);
                        out = outbox(app, smsc, n, r);
                    } else {
                        out = outbox(app, smsc, n, r);
                        bare = bare(smsc, n, window);
                    }
                    shares.add(out.rate() / bare.rate());
                    System.out.printf(
                            "round %d (%s first): bare jSMPP %,.0f a second (%s); outbox %,.0f a second (%.0f%% of"
                                    + " bare; %s), release to %,d rows queued in %.2f s, all recorded SUBMITTED %.2f s"
                                    + " after the last submit, SMSC received each once: %s%n",
                            r,
                            r % 2 == 1 ? "bare" : "outbox",
                            bare.rate(),
                            bare.load(),
                            out.rate(),
                            100 * out.rate() / bare.rate(),
                            out.load(),
                            n,
                            out.queuedSeconds(),
                            out.recordedSeconds(),
                            out.once());
                }
                shares.sort(null);
                System.out.printf(
                        "window %d, %,d messages, %d rounds: median share %.0f%% (lowest %.0f%%, highest %.0f%%)%n",
                        window,
                        n,
                        rounds,
                        100 * shares.get(shares.size() / 2),
                        100 * shares.getFirst(),
                        100 * shares.getLast());
            } finally {
                app.close();
            }
        }
    }

    record Bare(double rate, String load) {}

    record Outboxed(double rate, double queuedSeconds, double recordedSeconds, boolean once, String load) {}

    /**
     * What the processors did during a measurement, from the kernel's counters: how busy the machine was (near
     * 100%: bound by the processors, not by waiting), the processor time of this JVM (the SMSC with the bare client
     * or with the application) and of PostgreSQL's processes, a message; other work on the machine is in neither.
     */
    record Load(long busy, long total, long jvmNanos, long postgresTicks) {

        static Load now() {
            long busy = 0;
            long total = 0;
            long postgres = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+");
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) {
                        busy += v; // all but idle and iowait
                    }
                }
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path p : processes
                            .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .toList()) {
                        postgres += postgresTicks(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux: the load is not reported.
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Load(busy, total, os.getProcessCpuTime(), postgres);
        }

        private static long postgresTicks(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                    return 0;
                }
                String[] f = stat.substring(close + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime, fields 14 and 15
            } catch (IOException | RuntimeException e) {
                return 0; // gone meanwhile
            }
        }

        String since(Load start, int messages) {
            long total = this.total - start.total;
            if (total <= 0) {
                return "load not known";
            }
            // The kernel counts in hundredths of a second (USER_HZ).
            return String.format(
                    "machine %.0f%% busy; processor a message: this JVM %.0f µs, PostgreSQL %.0f µs",
                    100.0 * (this.busy - start.busy) / total,
                    (this.jvmNanos - start.jvmNanos) / 1e3 / messages,
                    (this.postgresTicks - start.postgresTicks) * 1e4 / messages);
        }
    }

    /** An alert released to the n subscribers, sent through the outbox: the rate from queued to the last submit. */
    static Outboxed outbox(ConfigurableApplicationContext app, TestSmsc smsc, int n, int round) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String identifier = "urn:oid:benchmark." + round;
        long before = smsc.count();
        long t0 = System.nanoTime();
        app.getBean(TransactionTemplate.class)
                .executeWithoutResult(t -> app.publishEvent(new AlertReleased(
                        1 + round,
                        identifier,
                        "Alert",
                        Set.of("AGD"),
                        SubscriberIntegrationTests.square(46.49, 39.49, 46.54, 39.515),
                        Map.of("en", TEXT),
                        Instant.now(),
                        Instant.now().plus(Duration.ofHours(1)))));
        long queued = 0;
        while (queued == 0) {
            Thread.sleep(5);
            queued = jdbc.queryForObject(
                    "select count(*) from alerts_sms_dispatch where identifier = ?", Long.class, identifier);
        }
        long t1 = System.nanoTime();
        Load start = Load.now();
        while (smsc.count() - before < n) {
            Thread.sleep(2);
        }
        long t2 = System.nanoTime();
        String load = Load.now().since(start, n);
        long submitted = 0;
        while (submitted < n) {
            Thread.sleep(20);
            submitted = jdbc.queryForObject(
                    "select count(*) from alerts_sms_message where identifier = ? and status = 'SUBMITTED'",
                    Long.class,
                    identifier);
        }
        long t3 = System.nanoTime();
        Thread.sleep(200);
        return new Outboxed(n / ((t2 - t1) / 1e9), (t1 - t0) / 1e9, (t3 - t2) / 1e9, smsc.count() - before == n, load);
    }

    static Bare bare(TestSmsc smsc, int n, int window) throws Exception {
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
        long before = smsc.count();
        Load start = Load.now();
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
        while (smsc.count() - before < n) {
            Thread.sleep(1);
        }
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        String load = Load.now().since(start, n);
        session.unbindAndClose();
        return new Bare(rate, load);
    }
}
