package org.custodian.alerts.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox to the SMSC over one SMPP 3.4 transceiver session: a loop claims due messages ({@link
 * Outbox#claim}), sixteen windows ahead; {@code window} virtual threads each submit one message at a time and
 * wait for its answer, so up to {@code window} submits are in flight; another thread records their outcomes in
 * batches, so that claims and records go to the database side by side.
 *
 * <p>Each message goes once. A submit the SMSC answered is SUBMITTED; one it refused for a passing reason
 * (throttled, queue full, system error) is queued again with back-off; one that could not be written at all
 * (no session, the connection failed while writing) is queued again. One written but never answered (time-out,
 * connection lost while waiting), and the messages a stopped or killed instance claimed and left without an
 * answer (after {@code abandoned-after}), may or may not have reached the SMSC: they are in doubt (UNCONFIRMED).
 * An SMSC sends a delivery receipt for every message it accepted (all are submitted asking for one), and holds receipts until a
 * session is bound again; a receipt for a message in doubt, found by the number it reports on, settles it. One
 * that got no receipt within {@code resend-unconfirmed-after}, once the receipts have stopped coming and every
 * stored one has been tried, is taken never to have reached the SMSC and is queued again (zero: never, at most
 * once). So that no receipt is lost in a crash, each is stored before the SMSC is answered (and refused
 * with a passing error, for the SMSC to send again, when it cannot be).
 *
 * <p>The same session receives delivery receipts (deliver_sm with a receipt) and replies from phones: a reply
 * that is one of the {@link #STOP_WORDS} opts that number out.
 */
@Component
@EnableConfigurationProperties(SmscSettings.class)
class SmscDispatch implements SmartLifecycle {

    /** Replies that opt a number out, compared in upper case without punctuation. */
    static final Set<String> STOP_WORDS = Set.of(
            "STOP", "STOPALL", "UNSUBSCRIBE", "DAYAN", "DAYANDIR", "IMTINA", "СТОП", "ОТПИСАТЬСЯ", "ԿԱՆԳ", "ՍՏՈՊ");

    private static final Logger LOG = LoggerFactory.getLogger(SmscDispatch.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration RECEIPTS_EVERY = Duration.ofMillis(200);
    private static final Duration RECORD_EVERY = Duration.ofMillis(20);

    private final SmscSettings settings;
    private final Outbox outbox;
    private final SubscriberKey key;
    private final Subscribers subscribers;
    private final String instance = UUID.randomUUID().toString();

    private final LinkedBlockingQueue<Outbox.Claimed> ready = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Outbox.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> stops = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextSlot = new AtomicLong();
    private final ConcurrentHashMap<String, SmsText> fitted = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean running;
    private volatile @Nullable Thread claimer;
    private volatile @Nullable SMPPSession session;
    private volatile boolean bound;
    private volatile Instant boundSince = Instant.MAX;
    private volatile Instant lastReceipt = Instant.EPOCH;

    /** How long a receipt that matches no message is tried again: it belongs to no message of ours. */
    private static final Duration RECEIPT_KEPT = Duration.ofMinutes(10);
    /** How long held receipts are given to arrive after a bind before messages in doubt are sent again. */
    private static final Duration RECEIPTS_SETTLE = Duration.ofSeconds(5);

    SmscDispatch(SmscSettings settings, Outbox outbox, SubscriberKey key, Subscribers subscribers) {
        this.settings = settings;
        this.outbox = outbox;
        this.key = key;
        this.subscribers = subscribers;
    }

    boolean configured() {
        return settings.configured();
    }

    /** Whether a session with the SMSC is bound now. */
    boolean connected() {
        return bound;
    }

    @Override
    public void start() {
        if (!settings.configured()) {
            LOG.warn("No custodian.alerts.smsc.host is configured: alert SMS wait in the outbox until one is.");
            return;
        }
        running = true;
        Thread loop = Thread.ofPlatform().name("sms-dispatch").daemon().unstarted(this::loop);
        claimer = loop;
        threads.add(loop);
        loop.start();
        threads.add(Thread.ofPlatform().name("sms-outcomes").daemon().start(this::recordLoop));
        for (int i = 0; i < settings.window(); i++) {
            threads.add(Thread.ofVirtual().name("sms-submit-" + i).start(this::submitLoop));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        // Claimed but never written: back to the queue, so that nothing waits for abandoned-after.
        List<Outbox.Outcome> left = new ArrayList<>();
        for (Outbox.Claimed c; (c = ready.poll()) != null; ) {
            left.add(new Outbox.Retry(c.id(), Instant.now(), "the sending instance stopped"));
        }
        left.addAll(drain(outcomes));
        outbox.record(instance, left, Instant.now());
        closeSession();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the data source closes, so outcomes in hand are recorded.
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        Instant lastSweep = Instant.EPOCH;
        Instant lastReceipts = Instant.EPOCH;
        Duration reconnect = Duration.ofMillis(200);
        while (running) {
            try {
                boolean busy = false;
                if (!bound) {
                    if (bind()) {
                        reconnect = Duration.ofMillis(200);
                    } else {
                        sleep(reconnect);
                        reconnect = reconnect.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                                ? Duration.ofSeconds(30)
                                : reconnect.multipliedBy(2);
                    }
                }
                Instant now = Instant.now();
                // Receipts and replies between claims, not before each: claiming is what keeps the window full.
                if (Duration.between(lastReceipts, now).compareTo(RECEIPTS_EVERY) > 0) {
                    busy |= outbox.applyReceipts(1000, now, now.minus(RECEIPT_KEPT)) == 1000;
                    lastReceipts = now;
                    for (String number; (number = stops.poll()) != null; ) {
                        if (subscribers.optOutBySms(number)) {
                            LOG.info("A subscriber opted out by SMS.");
                        }
                    }
                }
                if (Duration.between(lastSweep, now).compareTo(sweepEvery()) > 0) {
                    sweep(now);
                    lastSweep = now;
                }
                // Sixteen windows ahead, claimed in halves: what is claimed and not sent when a node is killed stays
                // in doubt until the receipts settle it, so no more is claimed than keeps the window full.
                int room = ahead() - ready.size();
                if (bound && room >= ahead() / 2) {
                    List<Outbox.Claimed> claimed = outbox.claim(instance, room, now);
                    ready.addAll(claimed);
                    busy |= !claimed.isEmpty();
                } else if (bound) {
                    // Full: the submitters wake this loop once half is sent, so that claims come in halves. A fixed
                    // pause here capped dispatch at what was claimed ahead per pause (64 per 50 ms, 1,300 a second).
                    LockSupport.parkNanos(POLL.toNanos());
                    continue;
                }
                if (!busy) {
                    sleep(POLL);
                }
            } catch (RuntimeException e) {
                LOG.warn("Alert SMS dispatch failed a round; trying again.", e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Records what became of submitted messages, on a thread of its own so that claiming never waits for it. */
    private void recordLoop() {
        while (running) {
            List<Outbox.Outcome> done = drain(outcomes);
            if (done.isEmpty()) {
                sleep(RECORD_EVERY);
                continue;
            }
            try {
                outbox.record(instance, done, Instant.now());
                // Outcomes gathered for a moment are recorded in one statement: a statement for every few dozen
                // cost the database more than the rows. A node killed meanwhile leaves them in doubt, and their
                // receipts settle them.
                sleep(RECORD_EVERY);
            } catch (RuntimeException e) {
                // Kept for the next try: a row left SENDING by a live instance is never taken to be in doubt.
                outcomes.addAll(done);
                LOG.warn("Alert SMS outcomes could not be recorded; trying again.", e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private int ahead() {
        // A claim costs the database by its rows, and the loop claims all the time a dispatch runs: with eight
        // windows the submitters found nothing claimed at 18% of their turns, with sixteen at 10% (BENCHMARKS.md).
        return settings.window() * 16;
    }

    private Duration sweepEvery() {
        Duration every = Duration.ofSeconds(10);
        for (Duration d : List.of(settings.abandonedAfter(), settings.resendUnconfirmedAfter())) {
            if (d.isPositive() && d.dividedBy(2).compareTo(every) < 0) {
                every = d.dividedBy(2);
            }
        }
        return every;
    }

    private void sweep(Instant now) {
        int closed = outbox.closeAbandoned(instance, now.minus(settings.abandonedAfter()), now);
        if (closed > 0) {
            LOG.warn("{} alert SMS left unanswered by a stopped instance are in doubt until a receipt comes.", closed);
        }
        // Only while bound, once the receipts the SMSC held have stopped coming and every one stored has been
        // tried against the messages in doubt: a receipt still on its way would be a message sent twice.
        if (settings.resendUnconfirmedAfter().isPositive()
                && bound
                && Duration.between(boundSince, now).compareTo(RECEIPTS_SETTLE) > 0
                && Duration.between(lastReceipt, now).compareTo(RECEIPTS_SETTLE) > 0
                && outbox.untriedReceipts() == 0) {
            int again =
                    outbox.resendUnconfirmed(now.minus(settings.resendUnconfirmedAfter()), settings.maxAttempts(), now);
            if (again > 0) {
                LOG.warn("{} alert SMS in doubt got no receipt and are sent again.", again);
            }
        }
    }

    private void submitLoop() {
        while (running) {
            Outbox.Claimed c;
            try {
                c = ready.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (c != null) {
                if (ready.size() <= ahead() / 2) {
                    LockSupport.unpark(claimer);
                }
                outcomes.add(submit(c));
            }
        }
    }

    private Outbox.Outcome submit(Outbox.Claimed c) {
        SMPPSession s = session;
        if (s == null || !bound) {
            return new Outbox.Retry(c.id(), Instant.now().plusSeconds(1), "no session with the SMSC");
        }
        pace();
        SmsText text = fitted(c.text());
        byte[] bytes = text.bytes();
        boolean payload = text.segments() > 1 || bytes.length > 254;
        String destination = key.decrypt(c.phoneCipher()).substring(1);
        try {
            SubmitSmResult result = s.submitShortMessage(
                    "",
                    TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN,
                    settings.sourceAddress(),
                    TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN,
                    destination,
                    new ESMClass(),
                    (byte) 0,
                    (byte) 1,
                    null,
                    null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                    (byte) 0,
                    DataCodings.newInstance(text.dataCoding()),
                    (byte) 0,
                    payload ? new byte[0] : bytes,
                    payload
                            ? new OptionalParameter[] {
                                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), bytes)
                            }
                            : new OptionalParameter[0]);
            return new Outbox.Submitted(c.id(), result.getMessageId());
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String reason = "refused by the SMSC: command status 0x" + Integer.toHexString(status);
            if (passing(status) && c.attempts() < settings.maxAttempts()) {
                return new Outbox.Retry(c.id(), Instant.now().plus(backOff(c.attempts())), reason);
            }
            return new Outbox.Failed(c.id(), reason);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            return new Outbox.Unconfirmed(
                    c.id(), "no answer from the SMSC: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            // The submit did not leave: the connection failed while writing it.
            bound = false;
            return new Outbox.Retry(
                    c.id(), Instant.now().plus(backOff(c.attempts())), "not written: " + e.getMessage());
        } catch (PDUException e) {
            return new Outbox.Failed(c.id(), "not a valid submit: " + e.getMessage());
        }
    }

    /** Command statuses that say "not now" rather than "never". */
    static boolean passing(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED
                || status == SMPPConstant.STAT_ESME_RMSGQFUL
                || status == SMPPConstant.STAT_ESME_RSYSERR
                || status == SMPPConstant.STAT_ESME_RSUBMITFAIL;
    }

    /** 1 s, 2 s, 4 s ... up to 5 minutes. */
    static Duration backOff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts - 1 < 0 ? 0 : attempts - 1, 9)));
    }

    /** An alert's messages share a few texts (one per language): each is fitted to SMS once, not per message. */
    private SmsText fitted(String text) {
        if (fitted.size() > 256) {
            fitted.clear();
        }
        return fitted.computeIfAbsent(text, t -> SmsText.fit(t, Integer.MAX_VALUE));
    }

    private void pace() {
        if (settings.rate() <= 0) {
            return;
        }
        long interval = 1_000_000_000L / settings.rate();
        long now = System.nanoTime();
        long slot = nextSlot.updateAndGet(prev -> Math.max(prev + interval, now));
        long wait = slot - now;
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    private boolean bind() {
        closeSession();
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.responseTimeout().toMillis());
        s.setEnquireLinkTimer(30_000);
        s.setPduProcessorDegree(Math.max(2, Math.min(settings.window(), 16)));
        s.setQueueCapacity(Math.max(100, settings.window() * 20));
        s.setMessageReceiverListener(new Receiver());
        s.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound()) {
                bound = false;
            }
        });
        try {
            s.connectAndBind(
                    settings.host(),
                    settings.port(),
                    new BindParameter(
                            BindType.BIND_TRX,
                            settings.systemId(),
                            settings.password(),
                            settings.systemType(),
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    settings.responseTimeout().toMillis());
            session = s;
            bound = true;
            boundSince = Instant.now();
            LOG.info("Bound to the SMSC at {}:{}.", settings.host(), settings.port());
            return true;
        } catch (IOException e) {
            LOG.warn("Could not bind to the SMSC at {}:{}: {}", settings.host(), settings.port(), e.getMessage());
            s.close();
            return false;
        }
    }

    private void closeSession() {
        SMPPSession s = session;
        session = null;
        bound = false;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliver) throws ProcessRequestException {
            if (deliver.isSmscDeliveryReceipt()) {
                DeliveryReceipt r;
                try {
                    r = deliver.getShortMessageAsDeliveryReceipt();
                } catch (InvalidDeliveryReceiptException e) {
                    LOG.warn("A delivery receipt could not be read: {}", e.getMessage());
                    return;
                }
                String number = PhoneNumbers.fromSmsc(deliver.getSourceAddr());
                try {
                    // Stored before the SMSC is answered: a crash now cannot lose the proof that a message went.
                    outbox.keep(
                            new Outbox.Receipt(
                                    r.getId(), statusOf(r), r.getError(), number == null ? null : key.hash(number)),
                            Instant.now());
                    lastReceipt = Instant.now();
                } catch (RuntimeException e) {
                    LOG.warn("A delivery receipt could not be stored; the SMSC is asked again: {}", e.getMessage());
                    throw new ProcessRequestException("receipt not stored", SMPPConstant.STAT_ESME_RSYSERR);
                }
                return;
            }
            String number = PhoneNumbers.fromSmsc(deliver.getSourceAddr());
            String text = textOf(deliver);
            if (number != null && isStop(text)) {
                stops.add(number);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    static Outbox.Status statusOf(DeliveryReceipt r) {
        return switch (r.getFinalStatus()) {
            case DELIVRD -> Outbox.Status.DELIVERED;
            case EXPIRED -> Outbox.Status.EXPIRED;
            case ACCEPTD, ENROUTE -> Outbox.Status.SUBMITTED;
            default -> Outbox.Status.FAILED;
        };
    }

    static String textOf(DeliverSm deliver) {
        byte[] bytes = deliver.getShortMessage();
        if (bytes == null || bytes.length == 0) {
            OptionalParameter payload = deliver.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            bytes = payload instanceof OptionalParameter.OctetString o ? o.getValue() : new byte[0];
        }
        return switch (deliver.getDataCoding() & 0x0f) {
            case 0x08 -> new String(bytes, StandardCharsets.UTF_16BE);
            case 0x03 -> new String(bytes, StandardCharsets.ISO_8859_1);
            default -> SmsText.decodeGsm(bytes);
        };
    }

    static boolean isStop(String text) {
        String word = text.strip().replaceAll("[\\p{Punct}«»“”]+$", "").strip().toUpperCase(Locale.ROOT);
        return STOP_WORDS.contains(word);
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            out.add(t);
        }
        return out;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
