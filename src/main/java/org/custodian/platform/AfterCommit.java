package org.custodian.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** For what a node keeps in memory: forgetting it only once the change that made it stale is committed. */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs the action once the transaction under way commits (never, if it rolls back), or now without one. */
    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
