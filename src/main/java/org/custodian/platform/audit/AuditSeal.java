package org.custodian.platform.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.platform.SealRound;
import org.custodian.platform.SealedChain;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
    /** Transactions of this node that recorded audited changes and have not ended yet. */
    private final AtomicInteger writing = new AtomicInteger();
    /** How long a round waits at most for writes still on their way to commit (group commit). */
    private final Duration gather;

    private final SealRound round;
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

    AuditSeal(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<SealedChain> chains,
            @Value("${custodian.audit.seal-gather:1ms}") Duration gather) {
        this.jdbc = jdbc;
        this.gather = gather;
        this.round = new SealRound(jdbc);
        this.chains = chains;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Called when a transaction records its first audited change: a write on its way to commit. */
    void writeBegan() {
        writing.incrementAndGet();
    }

    /**
     * Called when a transaction that recorded audited changes has ended; when it committed entries, asks for a
     * seal. The request that made the write waits for it in {@link #awaitOwed()} once its transactions are over,
     * holding no database connection, which the seal may need.
     */
    void writeEnded(boolean committedEntries) {
        writing.decrementAndGet();
        if (!committedEntries) {
            synchronized (asks) {
                asks.notifyAll();
            }
            return;
        }
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
        SealRound.Taken<String> taken = round.take(
                "select last_hash from platform_audit_head where id = 1 for update",
                (rs, n) -> rs.getString(1).strip(),
                "platform_audit_pending",
                "id, at, actor, action, record_type, record_id, before_state, after_state",
                BATCH,
                (rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getTimestamp(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)
                });
        List<Object[]> entries = new ArrayList<>(taken.entries().size());
        String last = taken.head();
        for (Object[] r : taken.entries()) {
            Timestamp at = (Timestamp) r[1];
            String actor = (String) r[2];
            String action = (String) r[3];
            String type = (String) r[4];
            String id = (String) r[5];
            String before = (String) r[6];
            String after = (String) r[7];
            String hash = AuditEntry.hash(last, at.toInstant(), actor, action, type, id, before, after);
            entries.add(new Object[] {at, actor, action, type, id, before, after, last, hash});
            last = hash;
        }
        round.link(
                "insert into platform_audit_entry (at, actor, action, record_type, record_id, before_state,"
                        + " after_state, previous_hash, hash)",
                entries,
                "update platform_audit_head set last_hash = ? where id = 1",
                last);
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
                // Group commit, as PostgreSQL's commit_delay: while other writes are on their way to commit, wait
                // a moment for them, so that one round links them all. A round costs its statements and a commit
                // however few entries it links; a lone write does not wait.
                long until = System.nanoTime() + gather.toNanos();
                while (running && writing.get() > 0 && asked.get() > coveredNow()) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        asks.wait(left / 1_000_000, (int) (left % 1_000_000));
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
