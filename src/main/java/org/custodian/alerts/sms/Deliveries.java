package org.custodian.alerts.sms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Scope;
import org.springframework.stereotype.Service;

/** How far an alert's SMS have gone, for the API and the page. */
@Service
class Deliveries {

    private final Dispatches dispatches;
    private final Outbox outbox;
    private final SmscDispatch smsc;

    Deliveries(Dispatches dispatches, Outbox outbox, SmscDispatch smsc) {
        this.dispatches = dispatches;
        this.outbox = outbox;
        this.smsc = smsc;
    }

    /**
     * @param done messages whose fate is known or final: submitted or beyond, failed, unconfirmed, opted out
     * @param progress done over recipients, 0 to 1
     */
    record Totals(long recipients, Map<Outbox.Status, Long> byStatus, long done, double progress) {

        static Totals of(long recipients, Map<Outbox.Status, Long> byStatus) {
            long waiting =
                    byStatus.getOrDefault(Outbox.Status.QUEUED, 0L) + byStatus.getOrDefault(Outbox.Status.SENDING, 0L);
            long done = recipients - waiting;
            return new Totals(recipients, byStatus, done, recipients == 0 ? 1.0 : (double) done / recipients);
        }

        /** Messages waiting for their first or next attempt. */
        public long queued() {
            return byStatus.getOrDefault(Outbox.Status.QUEUED, 0L);
        }
    }

    record Message(String identifier, String messageType, java.time.Instant releasedAt, Totals totals) {}

    record Report(long alertId, boolean smscConfigured, boolean smscConnected, Totals totals, List<Message> messages) {}

    Report report(Scope scope, long alertId) {
        List<Dispatches.Sent> sent = dispatches.of(scope, alertId);
        List<Message> messages = new ArrayList<>();
        Map<Outbox.Status, Long> all = new EnumMap<>(Outbox.Status.class);
        long recipients = 0;
        for (Dispatches.Sent s : sent) {
            Map<Outbox.Status, Long> t = outbox.totals(List.of(s.identifier()));
            t.forEach((k, v) -> all.merge(k, v, Long::sum));
            recipients += s.recipients();
            messages.add(new Message(s.identifier(), s.messageType(), s.createdAt(), Totals.of(s.recipients(), t)));
        }
        return new Report(alertId, smsc.configured(), smsc.connected(), Totals.of(recipients, all), messages);
    }
}
