package org.custodian.custody;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.custodian.platform.Checkpoints;
import org.custodian.platform.HashChain;
import org.custodian.platform.SealRound;
import org.custodian.platform.SealedChain;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custody ledger: every change to an item is an event appended here, in the same transaction as the
 * change, chained by {@link LedgerChain}. The application only ever inserts; the database refuses updates
 * and deletes of events (a trigger), and {@link #verify()} finds what was changed behind its back.
 *
 * <p>An append writes its event unlinked ({@code custody_event_pending}) with the change; the platform's seal
 * then links committed events into the one chain under the ledger head's lock, many writes' events at once, in
 * the order they were written ({@link SealedChain}). Events of one item keep their order because every change
 * of an item locks its register row first, so a later change of the item writes its event after the earlier
 * one committed. Verification links what is pending first; the register replay reads pending events too.
 */
@Component
public class CustodyLedger implements HashChain, SealedChain {

    static final String CHAIN = "custody-ledger";

    /** What happened to the item. */
    public enum Kind {
        REGISTERED,
        DISPATCHED,
        RECEIVED,
        HANDED_OVER,
        DESTROYED,
        RELEASED
    }

    /**
     * The result of a verification: how many events held, the first that did not if any, the last
     * checkpoint the chain was checked against (null before the first), and every item whose register row
     * differs from what its events say. {@code intact} only when all three hold; {@code reason} then names
     * the first thing that does not. {@code regions} is null for the whole ledger; for a report of some
     * regions only, {@code events} counts their events and the global head and checkpoint are left out.
     */
    public record Verification(
            long events,
            boolean intact,
            @Nullable Long firstBrokenEvent,
            @Nullable String reason,
            @Nullable String headHash,
            Duration took,
            Checkpoints.@Nullable Checkpoint checkpoint,
            boolean checkpointHolds,
            List<Difference> differences,
            @Nullable List<String> regions) {}

    /** One attribute of one item on which the register and the ledger disagree. */
    public record Difference(
            long itemId,
            String reference,
            String regionCode,
            String attribute,
            @Nullable String register,
            @Nullable String ledger) {

        public String describe() {
            return "item " + reference + ": " + attribute + " is " + shown(register) + " in the register but "
                    + shown(ledger) + " in the ledger";
        }

        private static String shown(@Nullable String value) {
            return value == null ? "empty" : "\u201c" + value + "\u201d";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FETCH = 10_000;
    private static final int SEAL_BATCH = 2000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    /** One snapshot for the replay, so a change committed while it reads is never taken for a difference. */
    private final org.springframework.transaction.support.TransactionTemplate snapshot;

    private final org.springframework.transaction.support.TransactionTemplate sealing;
    /** Below this many events one connection verifies faster than several. */
    private final long parallelFrom;

    private final SealRound round;

    CustodyLedger(
            DataSource dataSource,
            Checkpoints checkpoints,
            org.springframework.transaction.PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${custodian.custody.verify-parallel-from:50000}")
                    long parallelFrom) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.checkpoints = checkpoints;
        this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.snapshot.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.snapshot.setIsolationLevel(org.springframework.transaction.annotation.Isolation.REPEATABLE_READ.value());
        this.snapshot.setReadOnly(true);
        this.sealing = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.sealing.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.parallelFrom = parallelFrom;
        this.round = new SealRound(jdbc);
    }

    @Override
    public String name() {
        return CHAIN;
    }

    @Override
    public java.util.Optional<Head> verifiedHead() {
        sealAll();
        Verification v = walkChain();
        return v.intact() ? java.util.Optional.of(new Head(v.events(), v.headHash())) : java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> hashAt(long position) {
        if (position < 1) {
            return java.util.Optional.of(LedgerChain.GENESIS);
        }
        return jdbc.query("select hash from custody_event where seq = ?", (rs, n) -> rs.getString(1), position).stream()
                .findFirst();
    }

    /** Each item whose register row differs from what its events say, in item order. */
    public List<Difference> registerDifferences() {
        return java.util.Objects.requireNonNull(snapshot.execute(status -> RegisterReplay.differences(jdbc)));
    }

    /** The sequence numbers of events of items now in these regions: a region's share of the ledger. */
    long eventsOfRegions(java.util.Collection<String> regions) {
        if (regions.isEmpty()) {
            return 0;
        }
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc)
                .queryForObject(
                        "select count(*) from custody_event e join custody_item i on i.id = e.item_id"
                                + " where i.region_code in (:regions)",
                        Map.of("regions", regions),
                        Long.class);
    }

    /** The region of the item an event concerns, if the item is in the register. */
    java.util.Optional<String> regionOfEvent(long seq) {
        return jdbc
                .query(
                        "select i.region_code from custody_event e join custody_item i on i.id = e.item_id"
                                + " where e.seq = ?",
                        (rs, n) -> rs.getString(1),
                        seq)
                .stream()
                .findFirst();
    }

    /**
     * Appends one event for the item, unlinked until the seal takes it; must run inside the transaction that
     * makes the change, after the item's row is locked. A transaction's events are written together just
     * before it commits, in the order they were appended: a surrender of many items sends them in one batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(long itemId, Kind kind, Map<String, ? extends @Nullable Object> payload) {
        Object[] event = {
            itemId,
            // Microseconds: what both databases keep, so the hash recomputes from the stored row.
            Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
            actor(),
            kind.name(),
            JSON.writeValueAsString(payload)
        };
        @SuppressWarnings("unchecked")
        List<Object[]> events = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
        if (events == null) {
            List<Object[]> written = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, written);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    jdbc.batchUpdate(
                            "insert into custody_event_pending (item_id, at, actor, kind, payload)"
                                    + " values (?, ?, ?, ?, ?)",
                            written);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CustodyLedger.this);
                }
            });
            events = written;
        }
        events.add(event);
    }

    @Override
    public int sealPending(int max) {
        SealRound.Taken<Object[]> taken = round.take(
                "select last_seq, last_hash from custody_ledger_head where id = 1 for update",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2).strip()},
                "custody_event_pending",
                "id, item_id, at, actor, kind, payload",
                max,
                (rs, n) -> new Object[] {
                    rs.getLong(1), rs.getLong(2), rs.getTimestamp(3), rs.getString(4), rs.getString(5), rs.getString(6)
                });
        long seq = (Long) taken.head()[0];
        String previous = (String) taken.head()[1];
        List<Object[]> events = new java.util.ArrayList<>(taken.entries().size());
        for (Object[] r : taken.entries()) {
            long itemId = (Long) r[1];
            Timestamp at = (Timestamp) r[2];
            String actor = (String) r[3];
            String kind = ((String) r[4]).strip();
            String content = (String) r[5];
            seq++;
            String hash = LedgerChain.hash(previous, seq, itemId, at.toInstant(), actor, kind, content);
            events.add(new Object[] {seq, itemId, at, actor, kind, content, previous, hash});
            previous = hash;
        }
        round.link(
                "insert into custody_event (seq, item_id, at, actor, kind, payload, previous_hash, hash)",
                events,
                "update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1",
                seq,
                previous);
        return events.size();
    }

    @Override
    public boolean hasPending() {
        return !jdbc.queryForList("select id from custody_event_pending fetch first 1 rows only", Long.class)
                .isEmpty();
    }

    /** Links every pending event now, in transactions of its own: what a verification does first. */
    void sealAll() {
        int n;
        do {
            n = java.util.Objects.requireNonNull(sealing.execute(status -> sealPending(SEAL_BATCH)));
        } while (n == SEAL_BATCH);
    }

    /** An item's events, oldest first. */
    @Transactional(readOnly = true)
    public List<LedgerChain.Link> history(long itemId) {
        return jdbc.query(
                "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event"
                        + " where item_id = ? order by seq",
                (rs, n) -> link(rs),
                itemId);
    }

    /**
     * Recomputes the whole chain and reports the first broken link; when the links hold, checks the chain
     * against its last signed checkpoint, then replays it against the register.
     */
    public Verification verify() {
        long started = System.nanoTime();
        sealAll();
        Verification chain = walkChain();
        Checkpoints.Checkpoint checkpoint = null;
        String reason = chain.reason();
        boolean checkpointHolds = true;
        if (chain.intact()) {
            Checkpoints.Finding finding = checkpoints.check(CHAIN, chain.events(), this::hashAt);
            checkpoint = finding.checkpoint();
            checkpointHolds = finding.holds();
            reason = finding.problem();
        }
        List<Difference> differences = registerDifferences();
        if (reason == null && !differences.isEmpty()) {
            reason = "the register differs from the ledger: "
                    + differences.get(0).describe()
                    + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more)" : "");
        }
        return new Verification(
                chain.events(),
                reason == null,
                chain.firstBrokenEvent(),
                reason,
                chain.headHash(),
                Duration.ofNanos(System.nanoTime() - started),
                checkpoint,
                checkpointHolds,
                differences,
                null);
    }

    /**
     * Recomputes the whole chain from the first event up to the head and reports the first broken link.
     * Long ledgers are read in as many ranges as there are processors, each on its own connection; the
     * ranges are then joined in order, so the outcome is the same as walking the chain from the start.
     */
    Verification walkChain() {
        long started = System.nanoTime();
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from custody_ledger_head where id = 1");
        long last = ((Number) head.get("last_seq")).longValue();
        String headHash = ((String) head.get("last_hash")).strip();
        int parts = last < parallelFrom ? 1 : Runtime.getRuntime().availableProcessors();
        List<Range> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < parts; i++) {
            ranges.add(new Range(1 + last * i / parts, last * (i + 1) / parts));
        }
        List<RangeResult> results;
        if (parts == 1) {
            try {
                results = List.of(walk(ranges.get(0)));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the ledger could not be read", e);
            }
        } else {
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parts)) {
                List<java.util.concurrent.Future<RangeResult>> futures =
                        ranges.stream().map(r -> pool.submit(() -> walk(r))).toList();
                results = new java.util.ArrayList<>();
                for (var f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("verification failed", e.getCause());
            }
        }
        long checked = 0;
        String previous = LedgerChain.GENESIS;
        LedgerChain.Broken broken = null;
        for (RangeResult r : results) {
            if (r.range().isEmpty()) {
                continue;
            }
            LedgerChain.Broken inside = r.broken();
            if (inside != null && inside.seq() == r.range().from()) {
                broken = inside;
                break;
            }
            if (r.firstPrevious() != null && !r.firstPrevious().equals(previous)) {
                broken = new LedgerChain.Broken(
                        r.range().from(), "event " + r.range().from() + " does not follow the event before it");
                break;
            }
            checked += r.checked();
            if (inside != null) {
                broken = inside;
                break;
            }
            if (r.checked() < r.range().size()) {
                long missing = r.range().from() + r.checked();
                broken = new LedgerChain.Broken(
                        missing, "event " + missing + " is missing: the ledger head records " + last + " events");
                break;
            }
            previous = r.lastHash();
        }
        if (broken == null && !previous.equals(headHash)) {
            broken = new LedgerChain.Broken(last, "the last event does not match the ledger head");
        }
        return new Verification(
                checked,
                broken == null,
                broken == null ? null : broken.seq(),
                broken == null ? null : broken.reason(),
                previous,
                Duration.ofNanos(System.nanoTime() - started),
                null,
                true,
                List.of(),
                null);
    }

    /** Events from and to, inclusive. */
    private record Range(long from, long to) {
        long size() {
            return Math.max(0, to - from + 1);
        }

        boolean isEmpty() {
            return size() == 0;
        }
    }

    private record RangeResult(
            Range range,
            @Nullable String firstPrevious,
            String lastHash,
            long checked,
            LedgerChain.@Nullable Broken broken) {}

    private RangeResult walk(Range range) throws java.sql.SQLException {
        if (range.isEmpty()) {
            return new RangeResult(range, null, "", 0, null);
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (java.sql.PreparedStatement s = c.prepareStatement(
                    "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event"
                            + " where seq between ? and ? order by seq")) {
                if (s.isWrapperFor(org.postgresql.PGStatement.class)) {
                    // Binary rows from the first execution: timestamps arrive without text parsing.
                    s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                }
                s.setFetchSize(FETCH);
                s.setLong(1, range.from());
                s.setLong(2, range.to());
                LedgerChain.Walker walker = null;
                String firstPrevious = null;
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        LedgerChain.Link link = link(rs);
                        if (walker == null) {
                            firstPrevious = link.previousHash();
                            walker = new LedgerChain.Walker(range.from(), firstPrevious);
                        }
                        LedgerChain.Broken broken = walker.next(link);
                        if (broken != null) {
                            return new RangeResult(range, firstPrevious, walker.head(), walker.checked(), broken);
                        }
                    }
                } finally {
                    c.rollback();
                }
                return walker == null
                        ? new RangeResult(range, null, "", 0, null)
                        : new RangeResult(range, firstPrevious, walker.head(), walker.checked(), null);
            }
        }
    }

    private static LedgerChain.Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerChain.Link(
                rs.getLong(1),
                rs.getLong(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated()
                ? "system"
                : auth.getName().replace('\n', ' ');
    }
}
