package org.custodian.custody;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;

/**
 * Registrations that arrive while others are being committed wait, and are then committed together by one of
 * the waiting requests' threads, in one transaction: one commit and one write of their events and audit
 * entries for the lot, where each paid for its own, and fewer transactions at once on the database. The first
 * registration of a quiet moment is committed at once, alone. Each registration keeps its own checks and its
 * own refusal ({@link Custody}).
 */
final class RegistrationGroups {

    /** Registrations committed together at most. */
    private static final int MOST = 64;
    /**
     * Groups committed at once at most: one group's statements run while another's commit reaches the disk.
     * With 8 writers on two cores, two measured faster than one (every group waiting for the one before) and
     * than no limit (every registration its own transaction, as before the groups).
     */
    private static final int AT_ONCE = 2;

    /** One request's registration and, once its group is over, its outcome: the item or why not. */
    static final class Registration {
        final Scope scope;
        final Custody.ItemDraft draft;
        final CustodyItem.Origin origin;
        final long siteId;
        /** The caller, as the audit trail and the ledger name them, whichever thread commits. */
        final SecurityContext caller;

        @Nullable
        CustodyItem item;

        @Nullable
        RuntimeException refusal;

        private boolean done;
        private @Nullable Thread committedBy;

        Registration(
                Scope scope, Custody.ItemDraft draft, CustodyItem.Origin origin, long siteId, SecurityContext caller) {
            this.scope = scope;
            this.draft = draft;
            this.origin = origin;
            this.siteId = siteId;
            this.caller = caller;
        }

        /** Whether another request's thread committed it (this one's seal then is to be asked for here). */
        boolean committedElsewhere() {
            return committedBy != Thread.currentThread();
        }
    }

    /** Commits a group: sets each registration's item or refusal; throws only for what none of them caused. */
    interface Committer {
        void commit(List<Registration> group);
    }

    private final ArrayDeque<Registration> waiting = new ArrayDeque<>();
    /** How many groups are being committed; guarded by this. */
    private int committing;

    /** Returns once the registration's group is over, committed by this thread or by another. */
    void commit(Registration mine, Committer committer) {
        boolean interrupted = false;
        boolean queued = false;
        try {
            while (true) {
                List<Registration> group = new ArrayList<>();
                synchronized (this) {
                    if (!queued) {
                        waiting.add(mine);
                        queued = true;
                    }
                    while ((committing >= AT_ONCE || !waiting.contains(mine)) && !mine.done) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // The registration is queued: it is committed whatever happens, and answered.
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        return;
                    }
                    committing++;
                    while (!waiting.isEmpty() && group.size() < MOST) {
                        group.add(waiting.poll());
                    }
                }
                try {
                    committer.commit(group);
                } catch (RuntimeException e) {
                    for (Registration r : group) {
                        if (r.item == null && r.refusal == null) {
                            r.refusal = e;
                        }
                    }
                } finally {
                    synchronized (this) {
                        for (Registration r : group) {
                            r.committedBy = Thread.currentThread();
                            r.done = true;
                        }
                        committing--;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
