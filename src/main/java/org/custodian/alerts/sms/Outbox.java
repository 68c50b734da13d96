package org.custodian.alerts.sms;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox: one row per recipient per alert message, written in the transaction that handles the
 * release, and claimed for sending with row locks that other instances skip ({@code FOR UPDATE SKIP
 * LOCKED}), so no two instances hold the same row. A claimed row is marked SENDING before its submit goes out;
 * only an answer from the SMSC moves it on. Written with plain SQL: these rows are the dispatch's own log, and
 * the release that creates them is what the audit trail records.
 */
@Component
class Outbox {

    enum Status {
        QUEUED,
        SENDING,
        SUBMITTED,
        DELIVERED,
        FAILED,
        EXPIRED,
        /**
         * In doubt: submitted, but no answer was recorded, so it may or may not have gone. A receipt settles it;
         * without one it is sent again after {@code resend-unconfirmed-after} (never, when that is zero).
         */
        UNCONFIRMED,
        OPTED_OUT
    }

    record Claimed(long id, String messageId, byte[] phoneCipher, String text, int attempts) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** PostgreSQL claims and records with one statement per batch; other databases row by row. */
    private final boolean postgres;

    Outbox(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** The stable id of the message to one subscriber for one CAP message, the same on every instance. */
    static String messageId(String identifier, long subscriberId) {
        return UUID.nameUUIDFromBytes((identifier + "\n" + subscriberId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Records the release and one row per recipient, in the caller's transaction; nothing when this CAP message
     * was already handled (a release handled twice after a restart).
     */
    boolean enqueue(
            long alertId,
            String identifier,
            String messageType,
            String regionCodes,
            int[] subscribers,
            String[] languages,
            Map<String, SmsText> texts,
            Instant now) {
        Integer known = jdbc.queryForObject(
                "select count(*) from alerts_sms_dispatch where identifier = ?", Integer.class, identifier);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update(
                "insert into alerts_sms_dispatch (identifier, alert_id, message_type, region_codes, recipients,"
                        + " created_at) values (?, ?, ?, ?, ?, ?)",
                identifier,
                alertId,
                messageType,
                regionCodes,
                subscribers.length,
                Timestamp.from(now));
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(1000);
        for (int i = 0; i < subscribers.length; i++) {
            SmsText t = texts.get(languages[i]);
            rows.add(new Object[] {
                messageId(identifier, subscribers[i]),
                identifier,
                subscribers[i],
                languages[i],
                t.ucs2() ? "UCS2" : "GSM7",
                t.segments(),
                t.text(),
                at,
                at
            });
            if (rows.size() == 1000) {
                insert(rows);
                rows.clear();
            }
        }
        insert(rows);
        if (postgres && subscribers.length >= 1000) {
            // Statistics that predate a large release make the planner sort every queued row for each claim
            // (4 rows estimated, 20,000 read and sorted). Sampled in this transaction, its own rows included.
            jdbc.execute("analyze alerts_sms_message");
        }
        return true;
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into alerts_sms_message (message_id, identifier, subscriber_id, language, encoding,"
                            + " segments, text, status, attempts, next_attempt_at, changed_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)",
                    rows);
        }
    }

    /**
     * Records {@code done}, then takes up to {@code limit} due messages for this instance and marks them SENDING,
     * in one short transaction. Rows another instance holds are skipped, not waited for; messages whose
     * subscriber opted out or was erased since are closed as OPTED_OUT instead. On PostgreSQL, outcomes that were
     * all submitted (the common case while a dispatch runs) are recorded by the claim's own statement: a
     * statement of their own cost the database more than their rows.
     */
    List<Claimed> claim(String instance, int limit, Instant now, List<Outcome> done) {
        if (postgres) {
            if (done.stream().allMatch(o -> o instanceof Submitted)) {
                return claimInOneStatement(instance, limit, now, done);
            }
            record(done, now);
            return claimInOneStatement(instance, limit, now, List.of());
        }
        record(done, now);
        List<Claimed> claimed = transactions.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    "select id from alerts_sms_message where status = 'QUEUED' and next_attempt_at <= ?"
                            + " order by next_attempt_at, id fetch first " + limit
                            + " rows only for update skip locked",
                    Long.class,
                    Timestamp.from(now));
            if (ids.isEmpty()) {
                return List.<Claimed>of();
            }
            String in = placeholders(ids.size());
            List<Claimed> out = new ArrayList<>(ids.size());
            List<Long> stopped = new ArrayList<>();
            jdbc.query(
                    "select m.id, m.message_id, s.phone_cipher, m.text, m.attempts, s.status from alerts_sms_message m"
                            + " join alerts_sms_subscriber s on s.id = m.subscriber_id where m.id in (" + in + ")",
                    rs -> {
                        byte[] cipher = rs.getBytes(3);
                        if (cipher == null || !"ACTIVE".equals(rs.getString(6))) {
                            stopped.add(rs.getLong(1));
                        } else {
                            out.add(new Claimed(rs.getLong(1), rs.getString(2), cipher, rs.getString(4), rs.getInt(5)));
                        }
                    },
                    ids.toArray());
            Timestamp at = Timestamp.from(now);
            jdbc.batchUpdate(
                    "update alerts_sms_message set status = 'SENDING', claimed_by = ?, claimed_at = ?,"
                            + " attempts = attempts + 1, changed_at = ? where id = ?",
                    out.stream()
                            .map(c -> new Object[] {instance, at, at, c.id()})
                            .toList());
            jdbc.batchUpdate(
                    "update alerts_sms_message set status = 'OPTED_OUT', changed_at = ? where id = ?",
                    stopped.stream().map(id -> new Object[] {at, id}).toList());
            return out;
        });
        return claimed == null ? List.of() : claimed;
    }

    /**
     * The claim as one statement, with the outcomes to record: the due rows are locked (skipping those another instance holds) and
     * updated once, those of subscribers gone closed to OPTED_OUT, the rest to SENDING, in one round trip.
     */
    private List<Claimed> claimInOneStatement(String instance, int limit, Instant now, List<Outcome> submitted) {
        Timestamp at = Timestamp.from(now);
        Long[] ids = submitted.stream().map(Outcome::id).toArray(Long[]::new);
        String[] smscIds =
                submitted.stream().map(o -> ((Submitted) o).smscMessageId()).toArray(String[]::new);
        List<Claimed> out = new ArrayList<>(limit);
        String active = "(s.phone_cipher is not null and s.status = 'ACTIVE')";
        String sql = "with recorded as (" + RECORD_SUBMITTED + "),"
                + " picked as (select id from alerts_sms_message where status = 'QUEUED' and next_attempt_at <= ?"
                + " order by next_attempt_at, id fetch first ? rows only for update skip locked)"
                + " update alerts_sms_message m set"
                + " status = case when " + active + " then 'SENDING' else 'OPTED_OUT' end,"
                + " claimed_by = case when " + active + " then ? else m.claimed_by end,"
                + " claimed_at = case when " + active + " then ? else m.claimed_at end,"
                + " attempts = case when " + active + " then m.attempts + 1 else m.attempts end,"
                + " changed_at = ?"
                + " from picked p, alerts_sms_subscriber s where m.id = p.id and s.id = m.subscriber_id"
                + " returning m.id, m.message_id, s.phone_cipher, m.text, m.attempts - 1, m.status";
        jdbc.query(
                c -> {
                    var ps = c.prepareStatement(sql);
                    ps.setTimestamp(1, at);
                    ps.setArray(2, c.createArrayOf("bigint", ids));
                    ps.setArray(3, c.createArrayOf("varchar", smscIds));
                    ps.setTimestamp(4, at);
                    ps.setInt(5, limit);
                    ps.setString(6, instance);
                    ps.setTimestamp(7, at);
                    ps.setTimestamp(8, at);
                    return ps;
                },
                rs -> {
                    if ("SENDING".equals(rs.getString(6))) {
                        out.add(new Claimed(
                                rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getInt(5)));
                    }
                });
        out.sort(Comparator.comparingLong(Claimed::id));
        return out;
    }

    /** What became of a claimed message. */
    sealed interface Outcome {
        long id();
    }

    record Submitted(long id, String smscMessageId) implements Outcome {}

    /** Not sent (refused for a passing reason, or never written to the SMSC): queued again for later. */
    record Retry(long id, Instant at, String reason) implements Outcome {}

    record Failed(long id, String reason) implements Outcome {}

    record Unconfirmed(long id, String reason) implements Outcome {}

    /** Records outcomes in one transaction; each applies only to a row still SENDING. */
    void record(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> submitted = new ArrayList<>();
        List<Object[]> retry = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o) {
                case Submitted s -> submitted.add(new Object[] {s.smscMessageId(), at, s.id()});
                case Retry r -> retry.add(new Object[] {Timestamp.from(r.at()), clip(r.reason()), at, r.id()});
                case Failed f -> closed.add(new Object[] {"FAILED", clip(f.reason()), at, f.id()});
                case Unconfirmed u -> closed.add(new Object[] {"UNCONFIRMED", clip(u.reason()), at, u.id()});
            }
        }
        if (postgres && retry.isEmpty() && closed.isEmpty()) {
            // The common case, thousands a second: one statement, committed on its own.
            recordSubmitted(submitted, at);
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (!submitted.isEmpty() && postgres) {
                recordSubmitted(submitted, at);
            } else if (!submitted.isEmpty()) {
                jdbc.batchUpdate(
                        // An answer that comes after the message was taken to be in doubt settles the doubt.
                        "update alerts_sms_message set status = 'SUBMITTED', smsc_message_id = ?, changed_at = ?"
                                + " where id = ? and status in ('SENDING', 'UNCONFIRMED')",
                        submitted);
            }
            if (!retry.isEmpty()) {
                jdbc.batchUpdate(
                        "update alerts_sms_message set status = 'QUEUED', next_attempt_at = ?, last_error = ?,"
                                + " claimed_by = null, changed_at = ? where id = ? and status = 'SENDING'",
                        retry);
            }
            if (!closed.isEmpty()) {
                jdbc.batchUpdate(
                        "update alerts_sms_message set status = ?, last_error = ?, changed_at = ?"
                                + " where id = ? and status = 'SENDING'",
                        closed);
            }
        });
    }

    /**
     * Submitted outcomes on PostgreSQL, a batch at a time (parameters: the moment, the ids, the SMSC's ids). An
     * answer that comes after the message was taken to be in doubt settles the doubt.
     */
    private static final String RECORD_SUBMITTED = "update alerts_sms_message r set status = 'SUBMITTED',"
            + " smsc_message_id = v.smsc_id, changed_at = ? from unnest(?::bigint[], ?::varchar[]) as v(id, smsc_id)"
            + " where r.id = v.id and r.status in ('SENDING', 'UNCONFIRMED')";

    /** Submitted outcomes on PostgreSQL: one statement for the whole batch. */
    private void recordSubmitted(List<Object[]> submitted, Timestamp at) {
        if (submitted.isEmpty()) {
            return;
        }
        Long[] ids = submitted.stream().map(r -> (Long) r[2]).toArray(Long[]::new);
        String[] smscIds = submitted.stream().map(r -> (String) r[0]).toArray(String[]::new);
        jdbc.update(c -> {
            var ps = c.prepareStatement(RECORD_SUBMITTED);
            ps.setTimestamp(1, at);
            ps.setArray(2, c.createArrayOf("bigint", ids));
            ps.setArray(3, c.createArrayOf("varchar", smscIds));
            return ps;
        });
    }

    /** A delivery receipt, with the keyed hash of the number it reports on when that could be read. */
    record Receipt(
            String smscMessageId,
            Status status,
            @Nullable String error,
            @Nullable String numberHash) {}

    /** Stores a receipt as it arrives, before the SMSC is answered: a crash then loses none. */
    void keep(Receipt r, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update(
                "insert into alerts_sms_receipt (smsc_message_id, status, error, number_hash, received_at,"
                        + " next_try_at) values (?, ?, ?, ?, ?, ?)",
                r.smscMessageId(),
                r.status().name(),
                r.error() == null ? null : clip(r.error()),
                r.numberHash(),
                at,
                at);
    }

    /**
     * Applies up to {@code limit} stored receipts to their messages: by the SMSC's message id, or, for a message
     * in doubt (UNCONFIRMED: its submit may have reached the SMSC but no answer was stored), by the number the
     * receipt reports on. A receipt proves the SMSC had the message, so a message in doubt that gets one is never
     * sent again. A receipt that matches nothing yet (its submit's answer not stored yet, or the message still
     * SENDING on a node that died) is tried again a second later, and dropped once older than {@code dropBefore}.
     *
     * @return how many receipts were taken
     */
    int applyReceipts(int limit, Instant now, Instant dropBefore) {
        Integer taken = transactions.execute(tx -> {
            List<Object[]> kept = new ArrayList<>();
            List<Receipt> receipts = new ArrayList<>();
            jdbc.query(
                    "select id, smsc_message_id, status, error, number_hash, received_at from alerts_sms_receipt"
                            + " where next_try_at <= ? order by id fetch first " + limit
                            + " rows only for update skip locked",
                    rs -> {
                        kept.add(new Object[] {rs.getLong(1), rs.getTimestamp(6)});
                        receipts.add(new Receipt(
                                rs.getString(2), Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
                    },
                    Timestamp.from(now));
            if (receipts.isEmpty()) {
                return 0;
            }
            boolean[] matched = match(receipts, Timestamp.from(now));
            List<Object[]> done = new ArrayList<>();
            List<Object[]> later = new ArrayList<>();
            for (int i = 0; i < matched.length; i++) {
                long id = (Long) kept.get(i)[0];
                Timestamp received = (Timestamp) kept.get(i)[1];
                if (matched[i] || received.toInstant().isBefore(dropBefore)) {
                    done.add(new Object[] {id});
                } else {
                    later.add(new Object[] {Timestamp.from(now.plusSeconds(1)), id});
                }
            }
            jdbc.batchUpdate("delete from alerts_sms_receipt where id = ?", done);
            jdbc.batchUpdate("update alerts_sms_receipt set next_try_at = ? where id = ?", later);
            return receipts.size();
        });
        return taken == null ? 0 : taken;
    }

    private boolean[] match(List<Receipt> receipts, Timestamp at) {
        boolean[] matched = new boolean[receipts.size()];
        int[] counts = jdbc.batchUpdate(
                "update alerts_sms_message set status = ?, last_error = ?, changed_at = ?"
                        + " where smsc_message_id = ? and status in ('SUBMITTED', 'UNCONFIRMED')",
                receipts.stream()
                        .map(r -> new Object[] {r.status().name(), r.error(), at, r.smscMessageId()})
                        .toList());
        List<Integer> byNumber = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            matched[i] = counts[i] > 0;
            if (!matched[i] && receipts.get(i).numberHash() != null) {
                byNumber.add(i);
            }
        }
        if (byNumber.isEmpty()) {
            return matched;
        }
        // The oldest message in doubt to that number: a receipt says nothing of which alert it was for.
        int[] found = jdbc.batchUpdate(
                "update alerts_sms_message set status = ?, last_error = ?, smsc_message_id = ?, changed_at = ?"
                        + " where id = (select min(m.id) from alerts_sms_message m join alerts_sms_subscriber s"
                        + " on s.id = m.subscriber_id where s.phone_hash = ? and m.status = 'UNCONFIRMED')",
                byNumber.stream()
                        .map(receipts::get)
                        .map(r -> new Object[] {r.status().name(), r.error(), r.smscMessageId(), at, r.numberHash()})
                        .toList());
        for (int j = 0; j < found.length; j++) {
            matched[byNumber.get(j)] = found[j] > 0;
        }
        return matched;
    }

    /**
     * Rows left SENDING longer than {@code stale} by another instance, taken to have died: whether their submit reached the
     * SMSC is not known, so they are in doubt (UNCONFIRMED) until a receipt says it did.
     */
    int closeAbandoned(String instance, Instant before, Instant now) {
        return jdbc.update(
                "update alerts_sms_message set status = 'UNCONFIRMED', last_error = 'no answer recorded before the"
                        + " sending instance stopped', changed_at = ? where status = 'SENDING' and claimed_at < ?"
                        + " and claimed_by <> ?",
                Timestamp.from(now),
                Timestamp.from(before),
                instance);
    }

    /**
     * Messages in doubt since before {@code before} for which no receipt came: the SMSC never had them (it sends
     * a receipt for every message it accepts, held until a session is bound), so they are queued again, up to
     * {@code maxAttempts} in all.
     */
    int resendUnconfirmed(Instant before, int maxAttempts, Instant now) {
        return jdbc.update(
                "update alerts_sms_message set status = 'QUEUED', next_attempt_at = ?, claimed_by = null,"
                        + " last_error = 'no receipt came for it: sent again', changed_at = ?"
                        + " where status = 'UNCONFIRMED' and changed_at < ? and attempts < ?",
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(before),
                maxAttempts);
    }

    /** Stored receipts not yet tried against the messages (a receipt is tried first when it is stored). */
    int untriedReceipts() {
        Integer n = jdbc.queryForObject(
                "select count(*) from alerts_sms_receipt where next_try_at = received_at", Integer.class);
        return n == null ? 0 : n;
    }

    int waiting() {
        Integer n =
                jdbc.queryForObject("select count(*) from alerts_sms_message where status = 'QUEUED'", Integer.class);
        return n == null ? 0 : n;
    }

    Map<Status, Long> totals(List<String> identifiers) {
        Map<Status, Long> totals = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            totals.put(s, 0L);
        }
        if (identifiers.isEmpty()) {
            return totals;
        }
        jdbc.query(
                "select status, count(*) from alerts_sms_message where identifier in ("
                        + placeholders(identifiers.size()) + ") group by status",
                rs -> {
                    totals.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                },
                identifiers.toArray());
        return totals;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
