package org.custodian.platform.nodes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Short notices between the nodes that share a PostgreSQL database, through its {@code NOTIFY} and {@code
 * LISTEN}: something one node keeps in memory changed on another (a revoked token, a new hazard area). A
 * notice sent inside a transaction leaves only when, and if, it commits; every node hears it, the sender
 * included. One connection of this node listens on every channel; while it is lost nothing is heard, so on
 * (re)connecting each listener is told it may have {@linkplain Listener#missed() missed} notices. The embedded
 * database serves one node: nothing is sent, and nothing needs to be.
 */
@Component
public class NodeNotices implements SmartLifecycle {

    /** What a module does on a notice of its channel. */
    public interface Listener {

        void heard(String payload);

        /** Notices may have been lost (at start, and after the connection was lost): forget everything. */
        void missed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(NodeNotices.class);
    private static final int WAIT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread = Thread.ofVirtual().unstarted(() -> {});

    NodeNotices(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    /** Listens on {@code channel} (lower-case letters and underscores); call before the application starts. */
    public void listen(String channel, Listener listener) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Tells every node; inside a transaction, on commit. */
    public void send(String channel, String payload) {
        if (postgres) {
            jdbc.queryForList("select pg_notify(?, ?)", channel, payload);
        }
    }

    /** Whether this node hears the others now (always, on the embedded database). */
    public boolean listening() {
        return !postgres || listening;
    }

    @Override
    public void start() {
        running = true;
        if (postgres && !listeners.isEmpty()) {
            thread = Thread.ofPlatform().daemon().name("node-notices").start(this::listenLoop);
        }
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

    private void listenLoop() {
        while (running) {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                for (String channel : listeners.keySet()) {
                    st.execute("listen " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                listeners.values().forEach(ls -> ls.forEach(Listener::missed));
                while (running) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            for (Listener l : listeners.getOrDefault(notice.getName(), List.of())) {
                                l.heard(notice.getParameter());
                            }
                        }
                    }
                }
                st.execute("unlisten *");
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warn("Not hearing other nodes' notices, retrying: {}", e.getMessage());
                    pause();
                }
            } catch (RuntimeException e) {
                LOG.warn("A notice from another node could not be handled", e);
            } finally {
                listening = false;
            }
        }
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
