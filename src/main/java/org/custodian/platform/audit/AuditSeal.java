package org.custodian.platform.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.platform.SealedChain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit entries into the hash chain. A write commits its entries, unlinked, in
 * {@code platform_audit_pending} together with the change they describe; the seal then moves whatever has
 * committed into {@code platform_audit_entry}, each hash covering the one before, under the chain head's lock,
 * in one short transaction for many writes. Writers therefore never hold the head while they commit (which
 * serialised every audited write, photos and all, behind one lock), and the chain's order is the order of
 * sealing, which the entries' ids follow.
 *
 * <p>Each node runs one sealing thread; the head lock orders the seals of several nodes. A request that wrote
 * waits, once its transactions are over, until a seal that began after its commit has ended ({@link
 * AuditSealWait}), so what it wrote is in the chain when it answers; should sealing fail (the database gone a moment), the entries stay pending, committed with their
 * write, and the next seal takes them. Verification seals what is pending first.
 *
 * <p>The modules' own chains ({@link SealedChain}, the custody ledger) are sealed in the same rounds and the
 * same transaction, after the audit chain, so a write that added to both waits for one round.
 */
@Component
class AuditSeal implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSeal.class);
    /** Entries linked in one transaction at most. */
    static final int BATCH = 2000;
    /** How long a writer waits for its entries to be linked before answering anyway. */
    private static final Duration WRITER_WAIT = Duration.ofSeconds(5);
    /** A seal round at least this often, for entries that no writer of this node asked for. */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectProvider<SealedChain> chains;
    private final AtomicLong asked = new AtomicLong();
    /** The seal request this thread's last audited commit made and has not yet waited for. */
    private final ThreadLocal<Long> owed = new ThreadLocal<>();
    /** The last request a completed seal round covered; guarded by this. */
    private long covered;
    /**
     * What the sealing thread waits on for requests. Writers wait on the seal itself, woken only when a round
     * ends: one monitor for both woke every waiting writer at every commit, to find its round not yet over.
     */
    private final Object asks = new Object();

    private volatile boolean running;
    private @Nullable Thread sealer;

    AuditSeal(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<SealedChain> chains) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Called after a write with audit entries committed: asks for a seal. The request that made the write
     * waits for it in {@link #awaitOwed()} once its transactions are over, holding no database connection, which
     * the seal may need.
     */
    void afterCommit() {
        if (!running) {
            sealPending();
            return;
        }
        owed.set(asked.incrementAndGet());
        synchronized (asks) {
            asks.notifyAll();
        }
    }

    /**
     * Waits until the entries this thread's writes committed are linked, or a few seconds (leaving them to the
     * next round).
     */
    void awaitOwed() {
        Long ticket = owed.get();
        if (ticket == null) {
            return;
        }
        owed.remove();
        long deadline = System.nanoTime() + WRITER_WAIT.toNanos();
        synchronized (this) {
            while (covered < ticket && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Audit entries not yet linked into the chain; the next seal takes them.");
                    return;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Links every entry committed so far, in every chain, on the caller's thread; returns how many. */
    long sealPending() {
        long total = 0;
        int most;
        do {
            int[] counts = Objects.requireNonNull(ownTransaction.execute(status -> {
                int audit = sealAudit();
                int others = 0;
                // The audit head is locked first, then each chain's: the same order on every node.
                for (SealedChain chain : chains) {
                    others = Math.max(others, chain.sealPending(BATCH));
                }
                return new int[] {audit, others};
            }));
            total += counts[0];
            most = Math.max(counts[0], counts[1]);
        } while (most == BATCH);
        return total;
    }

    private int sealAudit() {
        String previous =
                jdbc.queryForObject("select last_hash from platform_audit_head where id = 1 for update", String.class);
        if (previous == null) {
            throw new IllegalStateException("the audit chain head is missing");
        }
        previous = previous.strip();
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> taken = new ArrayList<>();
        String[] last = {previous};
        jdbc.query(
                "select id, at, actor, action, record_type, record_id, before_state, after_state"
                        + " from platform_audit_pending order by id fetch first " + BATCH + " rows only",
                rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    Instant instant = at.toInstant();
                    String actor = rs.getString(3);
                    String action = rs.getString(4);
                    String type = rs.getString(5);
                    String id = rs.getString(6);
                    String before = rs.getString(7);
                    String after = rs.getString(8);
                    String hash = AuditEntry.hash(last[0], instant, actor, action, type, id, before, after);
                    entries.add(new Object[] {at, actor, action, type, id, before, after, last[0], hash});
                    taken.add(new Object[] {rs.getLong(1)});
                    last[0] = hash;
                });
        if (entries.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate(
                "insert into platform_audit_entry (at, actor, action, record_type, record_id, before_state,"
                        + " after_state, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries);
        jdbc.batchUpdate("delete from platform_audit_pending where id = ?", taken);
        jdbc.update("update platform_audit_head set last_hash = ? where id = 1", last[0]);
        return entries.size();
    }

    private void sealLoop() {
        Duration pause = Duration.ofMillis(100);
        while (running) {
            long upTo;
            synchronized (asks) {
                if (asked.get() <= coveredNow() && running) {
                    try {
                        asks.wait(SWEEP.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                upTo = asked.get();
            }
            try {
                boolean askedFor = upTo > coveredNow();
                // Between requests, a cheap look before taking the head: another node's entries, or a crash's.
                if (askedFor || hasPending()) {
                    sealPending();
                }
                synchronized (this) {
                    covered = upTo;
                    notifyAll();
                }
                pause = Duration.ofMillis(100);
            } catch (RuntimeException e) {
                LOG.warn("Audit entries could not be linked into the chain; trying again.", e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : pause.multipliedBy(2);
            }
        }
    }

    private synchronized long coveredNow() {
        return covered;
    }

    private boolean hasPending() {
        return !jdbc.queryForList("select id from platform_audit_pending fetch first 1 rows only", Long.class)
                        .isEmpty()
                || chains.stream().anyMatch(SealedChain::hasPending);
    }

    @Override
    public void start() {
        running = true;
        sealer = Thread.ofPlatform().name("audit-seal").daemon().start(this::sealLoop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = sealer;
        if (t != null) {
            synchronized (this) {
                notifyAll();
            }
            synchronized (asks) {
                asks.notifyAll();
            }
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.warn("Audit entries left pending at shutdown; the next start links them.", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the data source closes and after the web server stopped taking writes.
        return Integer.MAX_VALUE - 200;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
