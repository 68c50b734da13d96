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
import org.custodian.platform.Database;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox: one row per recipient per alert message, written in the transaction that handles the
 * release. First attempts are claimed as ranges of a release's rows: the claim (its range, instance and time) is
 * committed before any of its submits goes out, under the release's row lock, so no two instances hold the same
 * message, and the message row itself is written once, with its outcome. Retries are claimed row by row with
 * locks that other instances skip ({@code FOR UPDATE SKIP LOCKED}) and marked SENDING. Only an answer from the
 * SMSC moves a claimed message on. Written with plain SQL: these rows are the dispatch's own log, and
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
        this.postgres = Database.isPostgres(jdbc);
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
        // The range its first attempts are claimed from (see claim).
        jdbc.update(
                "update alerts_sms_dispatch set next_id = (select min(id) from alerts_sms_message where identifier = ?),"
                        + " last_id = (select max(id) from alerts_sms_message where identifier = ?) where identifier = ?",
                identifier,
                identifier,
                identifier);
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
     * Takes up to {@code limit} due messages for this instance. First attempts are taken as a range of a
     * dispatch's messages: the dispatch's {@code next_id} moves past them and the range is recorded with this
     * instance and the time ({@code alerts_sms_claim}), committed before any of them is sent, so the messages
     * themselves are written once on their way out, when their outcome is recorded. Retries are taken row by row
     * and marked SENDING. Rows another instance holds are skipped or waited for, never taken twice; messages
     * whose subscriber opted out or was erased since are closed as OPTED_OUT instead.
     */
    List<Claimed> claim(String instance, int limit, Instant now) {
        if (postgres) {
            // One round trip in the common case: the claiming loop, which the submitters wait on, waits for each.
            List<Claimed> out = new ArrayList<>(claimRangeInOneStatement(instance, limit, now));
            if (out.size() < limit) {
                out.addAll(claimRetriesInOneStatement(instance, limit - out.size(), now));
            }
            return out;
        }
        List<Claimed> claimed = transactions.execute(status -> {
            List<Claimed> out = new ArrayList<>(claimRange(instance, limit, now));
            if (out.size() < limit) {
                out.addAll(claimRetries(instance, limit - out.size(), now));
            }
            return out;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** First attempts: the next messages of the oldest dispatch that has any left, as one claimed range. */
    private List<Claimed> claimRange(String instance, int limit, Instant now) {
        // Waits for another instance's claim of the same dispatch (a few milliseconds) rather than skipping it.
        List<Object[]> open = jdbc.query(
                "select identifier, next_id, last_id from alerts_sms_dispatch where next_id <= last_id"
                        + " order by created_at, identifier fetch first 1 rows only for update",
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)});
        if (open.isEmpty()) {
            return List.of();
        }
        String identifier = (String) open.get(0)[0];
        long first = (Long) open.get(0)[1];
        long last = (Long) open.get(0)[2];
        List<Claimed> out = new ArrayList<>(limit);
        List<Long> stopped = new ArrayList<>();
        // A release's rows are written in one transaction, so their ids run on, mostly unbroken: the range is read
        // by id alone, a window at a time, and another release's rows interleaved in it are passed over.
        long next = first;
        while (out.size() + stopped.size() < limit && next <= last) {
            long from = next;
            long to = Math.min(last, from + (limit - out.size() - stopped.size()) - 1);
            jdbc.query(
                    c -> {
                        var ps = c.prepareStatement("select m.id, m.message_id, s.phone_cipher, m.text, s.status"
                                + " from alerts_sms_message m join alerts_sms_subscriber s on s.id = m.subscriber_id"
                                + " where m.id >= ? and m.id <= ? and m.identifier = ? and m.status = 'QUEUED'"
                                + " and m.attempts = 0");
                        ps.setLong(1, from);
                        ps.setLong(2, to);
                        ps.setString(3, identifier);
                        return ps;
                    },
                    rs -> {
                        byte[] cipher = rs.getBytes(3);
                        if (cipher == null || !"ACTIVE".equals(rs.getString(5))) {
                            stopped.add(rs.getLong(1));
                        } else {
                            out.add(new Claimed(rs.getLong(1), rs.getString(2), cipher, rs.getString(4), 0));
                        }
                    });
            next = to + 1;
        }
        jdbc.update("update alerts_sms_dispatch set next_id = ? where identifier = ?", next, identifier);
        Timestamp at = Timestamp.from(now);
        jdbc.update(
                "insert into alerts_sms_claim (identifier, first_id, last_id, claimed_by, claimed_at)"
                        + " values (?, ?, ?, ?, ?)",
                identifier,
                first,
                next - 1,
                instance,
                at);
        jdbc.batchUpdate(
                "update alerts_sms_message set status = 'OPTED_OUT', attempts = 1, changed_at = ? where id = ?",
                stopped.stream().map(id -> new Object[] {at, id}).toList());
        out.sort(Comparator.comparingLong(Claimed::id));
        return out;
    }

    /**
     * First attempts on PostgreSQL as one statement: the oldest dispatch with messages left is locked (waiting
     * for another instance's claim of it), its next id moved past up to {@code limit} ids, the range recorded as
     * this instance's claim, the messages in it read, and those of subscribers gone closed to OPTED_OUT. A
     * release's ids run on unbroken but for other releases written at the same moment, so a range may hold fewer
     * messages than ids.
     */
    private List<Claimed> claimRangeInOneStatement(String instance, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Claimed> out = new ArrayList<>(jdbc.query(
                CLAIM_RANGE,
                (rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), 0),
                limit,
                instance,
                at,
                at));
        out.sort(Comparator.comparingLong(Claimed::id));
        return out;
    }

    private static final String CLAIM_RANGE =
            "with open as (select identifier, next_id, last_id from alerts_sms_dispatch where next_id <= last_id"
                    + " order by created_at, identifier fetch first 1 rows only for update),"
                    + " moved as (update alerts_sms_dispatch d set next_id = least(o.next_id + ?, o.last_id + 1) from open o"
                    + " where d.identifier = o.identifier returning o.identifier, o.next_id as first_id, d.next_id - 1 as last_id),"
                    + " claim as (insert into alerts_sms_claim (identifier, first_id, last_id, claimed_by, claimed_at)"
                    + " select identifier, first_id, last_id, ?, ? from moved),"
                    + " taken as (select m.id, m.message_id, s.phone_cipher, m.text,"
                    + " (s.phone_cipher is not null and s.status = 'ACTIVE') as active from moved r"
                    + " join alerts_sms_message m on m.id between r.first_id and r.last_id and m.identifier = r.identifier"
                    + " join alerts_sms_subscriber s on s.id = m.subscriber_id where m.status = 'QUEUED' and m.attempts = 0),"
                    + " stopped as (update alerts_sms_message m set status = 'OPTED_OUT', attempts = 1, changed_at = ?"
                    + " from taken t where m.id = t.id and not t.active)"
                    + " select id, message_id, phone_cipher, text from taken where active";

    /** Retries due now, row by row, marked SENDING. */
    private List<Claimed> claimRetries(String instance, int limit, Instant now) {
        List<Long> ids = jdbc.queryForList(
                "select id from alerts_sms_message where status = 'QUEUED' and attempts > 0 and next_attempt_at <= ?"
                        + " order by next_attempt_at, id fetch first " + limit + " rows only for update skip locked",
                Long.class,
                Timestamp.from(now));
        if (ids.isEmpty()) {
            return List.of();
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
                out.stream().map(c -> new Object[] {instance, at, at, c.id()}).toList());
        jdbc.batchUpdate(
                "update alerts_sms_message set status = 'OPTED_OUT', changed_at = ? where id = ?",
                stopped.stream().map(id -> new Object[] {at, id}).toList());
        return out;
    }

    /**
     * Retries as one statement on PostgreSQL: the due rows are locked (skipping those another instance holds)
     * and updated once, those of subscribers gone closed to OPTED_OUT, the rest to SENDING.
     */
    private List<Claimed> claimRetriesInOneStatement(String instance, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Claimed> out = new ArrayList<>(limit);
        String active = "(s.phone_cipher is not null and s.status = 'ACTIVE')";
        String sql = "with picked as (select id from alerts_sms_message where status = 'QUEUED' and attempts > 0"
                + " and next_attempt_at <= ? order by next_attempt_at, id fetch first ? rows only for update skip locked)"
                + " update alerts_sms_message m set"
                + " status = case when " + active + " then 'SENDING' else 'OPTED_OUT' end,"
                + " claimed_by = case when " + active + " then ? else m.claimed_by end,"
                + " claimed_at = case when " + active + " then ? else m.claimed_at end,"
                + " attempts = case when " + active + " then m.attempts + 1 else m.attempts end,"
                + " changed_at = ?"
                + " from picked p, alerts_sms_subscriber s where m.id = p.id and s.id = m.subscriber_id"
                + " returning m.id, m.message_id, s.phone_cipher, m.text, m.attempts - 1, m.status";
        jdbc.query(
                sql,
                rs -> {
                    if ("SENDING".equals(rs.getString(6))) {
                        out.add(new Claimed(
                                rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getInt(5)));
                    }
                },
                at,
                limit,
                instance,
                at,
                at);
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

    /**
     * A message this instance holds: SENDING (a retry), or QUEUED with no attempt yet and so claimed as part of a
     * range. An outcome applies only to such a row; the first outcome of a first attempt counts the attempt.
     */
    private static final String HELD = "(status = 'SENDING' or (status = 'QUEUED' and attempts = 0))";

    private static final String COUNTED = "attempts = case when status = 'QUEUED' then 1 else attempts end";

    /** Records outcomes of this instance's submits, in the caller's transaction or one of its own. */
    void record(String instance, List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> submitted = new ArrayList<>();
        List<Object[]> retry = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o) {
                case Submitted s -> submitted.add(new Object[] {s.smscMessageId(), instance, at, s.id()});
                case Retry r -> retry.add(new Object[] {Timestamp.from(r.at()), clip(r.reason()), at, r.id()});
                case Failed f -> closed.add(new Object[] {"FAILED", clip(f.reason()), instance, at, f.id()});
                case Unconfirmed u -> closed.add(new Object[] {"UNCONFIRMED", clip(u.reason()), instance, at, u.id()});
            }
        }
        if (postgres && retry.isEmpty() && closed.isEmpty()) {
            // The common case, thousands a second: one statement.
            recordSubmitted(submitted, at);
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (!submitted.isEmpty() && postgres) {
                recordSubmitted(submitted, at);
            } else if (!submitted.isEmpty()) {
                jdbc.batchUpdate(
                        // An answer that comes after the message was taken to be in doubt settles the doubt.
                        "update alerts_sms_message set status = 'SUBMITTED', smsc_message_id = ?, claimed_by = ?, "
                                + COUNTED + ", changed_at = ? where id = ? and (" + HELD
                                + " or status = 'UNCONFIRMED')",
                        submitted);
            }
            if (!retry.isEmpty()) {
                jdbc.batchUpdate(
                        "update alerts_sms_message set " + COUNTED + ", status = 'QUEUED', next_attempt_at = ?,"
                                + " last_error = ?, claimed_by = null, changed_at = ? where id = ? and " + HELD,
                        retry);
            }
            if (!closed.isEmpty()) {
                jdbc.batchUpdate(
                        "update alerts_sms_message set " + COUNTED + ", status = ?, last_error = ?, claimed_by = ?,"
                                + " changed_at = ? where id = ? and " + HELD,
                        closed);
            }
        });
    }

    /**
     * Submitted outcomes on PostgreSQL, a batch at a time (parameters: the moment, the ids, the SMSC's ids, the
     * instance). An answer that comes after the message was taken to be in doubt settles the doubt.
     */
    private static final String RECORD_SUBMITTED = "update alerts_sms_message r set status = 'SUBMITTED',"
            + " smsc_message_id = v.smsc_id, claimed_by = ?,"
            + " attempts = case when r.status = 'QUEUED' then 1 else r.attempts end, changed_at = ?"
            + " from unnest(?::bigint[], ?::varchar[]) as v(id, smsc_id) where r.id = v.id"
            + " and (r.status in ('SENDING', 'UNCONFIRMED') or (r.status = 'QUEUED' and r.attempts = 0))";

    /** Submitted outcomes on PostgreSQL: one statement for the whole batch. */
    private void recordSubmitted(List<Object[]> submitted, Timestamp at) {
        if (submitted.isEmpty()) {
            return;
        }
        Long[] ids = submitted.stream().map(r -> (Long) r[3]).toArray(Long[]::new);
        String[] smscIds = submitted.stream().map(r -> (String) r[0]).toArray(String[]::new);
        String instance = (String) submitted.get(0)[1];
        jdbc.update(c -> {
            var ps = c.prepareStatement(RECORD_SUBMITTED);
            ps.setString(1, instance);
            ps.setTimestamp(2, at);
            ps.setArray(3, c.createArrayOf("bigint", ids));
            ps.setArray(4, c.createArrayOf("varchar", smscIds));
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
     * Messages another instance claimed before {@code before} and left without an outcome (retries left
     * SENDING, first attempts left in its claimed ranges): that instance is taken to have died, and whether their
     * submit reached the SMSC is not known, so they are in doubt (UNCONFIRMED) until a receipt says it did. Also
     * forgets claimed ranges whose every message has an outcome.
     */
    int closeAbandoned(String instance, Instant before, Instant now) {
        Integer closed = transactions.execute(tx -> {
            Timestamp at = Timestamp.from(now);
            Timestamp cutoff = Timestamp.from(before);
            String why = "no answer recorded before the sending instance stopped";
            int rows = jdbc.update(
                    "update alerts_sms_message set status = 'UNCONFIRMED', last_error = ?, changed_at = ?"
                            + " where status = 'SENDING' and claimed_at < ? and claimed_by <> ?",
                    why,
                    at,
                    cutoff,
                    instance);
            // First attempts of ranges such an instance claimed and left without an outcome.
            List<Object[]> ranges = jdbc.query(
                    "select id, identifier, first_id, last_id, claimed_by from alerts_sms_claim"
                            + " where claimed_at < ? and claimed_by <> ? for update skip locked",
                    (rs, n) ->
                            new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)
                            },
                    cutoff,
                    instance);
            for (Object[] r : ranges) {
                rows += jdbc.update(
                        "update alerts_sms_message set status = 'UNCONFIRMED', attempts = 1, claimed_by = ?,"
                                + " last_error = ?, changed_at = ? where id >= ? and id <= ? and identifier = ?"
                                + " and status = 'QUEUED' and attempts = 0",
                        r[4],
                        why,
                        at,
                        r[2],
                        r[3],
                        r[1]);
            }
            jdbc.batchUpdate(
                    "delete from alerts_sms_claim where id = ?",
                    ranges.stream().map(r -> new Object[] {r[0]}).toList());
            // Ranges whose every message has an outcome are done with.
            jdbc.update("delete from alerts_sms_claim c where not exists (select 1 from alerts_sms_message m"
                    + " where m.id >= c.first_id and m.id <= c.last_id and m.identifier = c.identifier"
                    + " and m.status = 'QUEUED' and m.attempts = 0)");
            return rows;
        });
        return closed == null ? 0 : closed;
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
                // A first attempt whose range was claimed is on its way: SENDING, though its row still says QUEUED.
                "select status, count(*) from (select case when m.status = 'QUEUED' and m.attempts = 0"
                        + " and m.id < d.next_id then 'SENDING' else m.status end as status"
                        + " from alerts_sms_message m join alerts_sms_dispatch d on d.identifier = m.identifier"
                        + " where m.identifier in (" + placeholders(identifiers.size()) + ")) t group by status",
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
