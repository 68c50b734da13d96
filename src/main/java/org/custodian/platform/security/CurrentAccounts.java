package org.custodian.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Accounts as they are now, for sessions to compare themselves with on every request. Each is read at most
 * once every {@link #KEPT} per node; a change forgets it once committed, so it takes effect on the next
 * request here, and on other nodes sharing a PostgreSQL database as soon as they hear of it ({@link
 * CredentialNoticeListener}), at the latest within {@link #KEPT}.
 */
@Component
class CurrentAccounts {

    static final Duration KEPT = Duration.ofSeconds(5);

    private final Accounts accounts;
    private final Cache<String, Optional<SignedInUser>> current =
            Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();

    CurrentAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account of that name as it is now; empty if it is gone. */
    Optional<SignedInUser> of(String username) {
        return current.get(username, name -> accounts.findByUsername(name).map(SignedInUser::new));
    }

    /** Forgets the account now and again once the current transaction commits (it was just changed). */
    void forget(String username) {
        current.invalidate(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current.invalidate(username);
                }
            });
        }
    }

    /** Forgets the account now: another node announced a change. */
    void forgetHere(String username) {
        current.invalidate(username);
    }

    void forgetAllHere() {
        current.invalidateAll();
    }
}
