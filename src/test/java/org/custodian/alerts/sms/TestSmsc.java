package org.custodian.alerts.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jspecify.annotations.Nullable;

/**
 * A real SMSC for tests: a jSMPP server session on 127.0.0.1 that records every submit_sm it receives, answers
 * it, and can be told to refuse, to hang up on, or to send delivery receipts and replies from phones. Like a
 * real SMSC, it sends a receipt for every message it accepted a moment later, and holds the receipts it could
 * not hand over until a session is bound again.
 */
final class TestSmsc implements AutoCloseable {

    /** One submit as the SMSC received it. */
    record Submit(String destination, byte dataCoding, String text, String messageId) {}

    enum Behaviour {
        ACCEPT,
        /** ESME_RTHROTTLED once, then accept. */
        THROTTLE_ONCE,
        /** ESME_RINVDSTADR: a number that will never work. */
        INVALID_DESTINATION,
        /** Close the connection without answering. */
        HANG_UP
    }

    private final SMPPServerSessionListener listener;
    // Not copy-on-write: a test may record a hundred thousand submits.
    private final List<Submit> submits = Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1000);
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(4);
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;
    private volatile boolean sendReceipts = true;
    private volatile boolean recordTexts = true;
    private volatile boolean open = true;

    TestSmsc() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = Thread.ofPlatform().daemon().name("test-smsc").start(this::acceptLoop);
        // Held receipts are offered again and again: one may come back after a bind, from a dead session.
        receipts.scheduleWithFixedDelay(this::handOverHeld, 200, 200, TimeUnit.MILLISECONDS);
    }

    int port() {
        return listener.getPort();
    }

    /** The submits received so far, as a copy. */
    List<Submit> submits() {
        synchronized (submits) {
            return List.copyOf(submits);
        }
    }

    void behave(String destination, Behaviour behaviour) {
        behaviours.put(destination, behaviour);
    }

    void sendReceipts(boolean send) {
        this.sendReceipts = send;
    }

    /** For benchmarks: count submits without decoding and keeping them. */
    void recordTexts(boolean record) {
        this.recordTexts = record;
    }

    private final AtomicLong count = new AtomicLong();

    long count() {
        return count.get();
    }

    /** A reply from a phone (mobile originated), as deliver_sm. */
    void replyFrom(String number, String text, boolean ucs2) throws Exception {
        SMPPServerSession s = sessions.getLast();
        s.deliverShortMessage(
                "",
                TypeOfNumber.INTERNATIONAL,
                NumberingPlanIndicator.ISDN,
                number.replace("+", ""),
                TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN,
                "CUSTODIAN",
                new ESMClass(),
                (byte) 0,
                (byte) 0,
                new RegisteredDelivery(0),
                DataCodings.newInstance(ucs2 ? (byte) 0x08 : (byte) 0x00),
                ucs2 ? text.getBytes(StandardCharsets.UTF_16BE) : new SmsText(text, false, 0, 1).bytes());
    }

    private void handOverHeld() {
        if (sessions.stream().noneMatch(s -> s.getSessionState().isBound())) {
            return;
        }
        for (Runnable r; (r = held.poll()) != null; ) {
            receipts.execute(r);
        }
    }

    private void acceptLoop() {
        while (open) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5000);
                bind.accept("test-smsc");
                sessions.add(session);
                for (Runnable r; (r = held.poll()) != null; ) {
                    receipts.execute(r);
                }
            } catch (Exception e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
                throws ProcessRequestException {
            String destination = "+" + submit.getDestAddress();
            Behaviour behaviour = behaviours.getOrDefault(destination, Behaviour.ACCEPT);
            if (behaviour == Behaviour.HANG_UP) {
                // Received, never answered: the sender cannot know whether it went.
                String id = Long.toString(ids.incrementAndGet());
                record(submit, destination, id);
                if (sendReceipts) {
                    held.add(() -> receipt(submit, id));
                }
                source.close();
                throw new ProcessRequestException("hung up", SMPPConstant.STAT_ESME_RSYSERR);
            }
            if (behaviour == Behaviour.THROTTLE_ONCE && throttled.add(destination)) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            if (behaviour == Behaviour.INVALID_DESTINATION) {
                throw new ProcessRequestException("no such number", SMPPConstant.STAT_ESME_RINVDSTADR);
            }
            String id = Long.toString(ids.incrementAndGet());
            record(submit, destination, id);
            if (sendReceipts) {
                receipts.schedule(() -> receipt(submit, id), 100, TimeUnit.MILLISECONDS);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        private void record(SubmitSm submit, String destination, String id) {
            count.incrementAndGet();
            if (!recordTexts) {
                return;
            }
            byte[] bytes = submit.getShortMessage();
            if (bytes == null || bytes.length == 0) {
                OptionalParameter p = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                bytes = p instanceof OptionalParameter.OctetString o ? o.getValue() : new byte[0];
            }
            String text = submit.getDataCoding() == 0x08
                    ? new String(bytes, StandardCharsets.UTF_16BE)
                    : SmsText.decodeGsm(bytes);
            submits.add(new Submit(destination, submit.getDataCoding(), text, id));
        }

        /** Sends the receipt over a bound session, or holds it for the next one. */
        private void receipt(SubmitSm submit, String id) {
            SMPPServerSession source = sessions.reversed().stream()
                    .filter(s -> s.getSessionState().isBound())
                    .findFirst()
                    .orElse(null);
            if (source == null) {
                held.add(() -> receipt(submit, id));
                return;
            }
            try {
                DeliveryReceipt r =
                        new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000", "");
                source.deliverShortMessage(
                        "",
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        submit.getDestAddress(),
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0,
                        (byte) 0,
                        new RegisteredDelivery(0),
                        DataCodings.ZERO,
                        r.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                // Not answered (the session went away): held for the next session, as an SMSC does.
                if (open) {
                    held.add(() -> receipt(submit, id));
                }
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public @Nullable DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("no", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        for (SMPPServerSession s : sessions) {
            s.unbindAndClose();
        }
        listener.close();
        receipts.shutdownNow();
        acceptor.interrupt();
    }
}
