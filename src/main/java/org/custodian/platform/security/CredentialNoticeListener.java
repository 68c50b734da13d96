package org.custodian.platform.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens, on a connection of its own, for the {@link CredentialNotices} of every node (this one included) and
 * forgets the remembered tokens and the account named, so a revoked token or a disabled account stops working
 * on every node at once rather than when the caches expire. While the connection is lost, nothing is heard:
 * on reconnecting it forgets everything, as a notice may have been missed.
 */
@Component
class CredentialNoticeListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialNoticeListener.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final TokenKeeper tokens;
    private final CurrentAccounts accounts;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread = Thread.ofVirtual().unstarted(() -> {});

    CredentialNoticeListener(DataSource dataSource, TokenKeeper tokens, CurrentAccounts accounts) {
        this.dataSource = dataSource;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    /** Whether this node is listening now (for health and tests). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!isPostgres(dataSource)) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("credential-notices").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("listen " + CredentialNotices.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                forgetEverything();
                while (running) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            accounts.forgetHere(notice.getParameter());
                        }
                        if (notices.length > 0) {
                            tokens.forgetResolvedHere();
                        }
                    }
                }
                st.execute("unlisten *");
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warn("Not hearing credential changes from other nodes, retrying: {}", e.getMessage());
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void forgetEverything() {
        tokens.forgetResolvedHere();
        accounts.forgetAllHere();
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
