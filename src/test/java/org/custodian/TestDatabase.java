package org.custodian;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test application context a database of its own: an in-memory H2GIS database by default, or,
 * when {@code custodian.test.database=postgis}, a fresh PostgreSQL database with PostGIS created on the
 * server named by {@code custodian.test.postgres-url} (a superuser connection, for CREATE EXTENSION) and
 * dropped when the tests end. Each context also gets a checkpoints directory and a signing key of its own, so
 * that no context checks its chains against another's checkpoints.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean postgis() {
        return "postgis".equals(System.getProperty("custodian.test.database"));
    }

    /**
     * Whether this build runs the integration suite on both databases (the PostGIS half is configured), so that
     * a test too slow to repeat whole in each half may share its cases between them.
     */
    public static boolean bothHalves() {
        String url = System.getProperty("custodian.test.postgres-url");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** Whether this half runs shared case {@code n}: the even ones on H2GIS, the odd ones on PostGIS; all when alone. */
    public static boolean runsCase(int n) {
        return !bothHalves() || (n % 2 == 1) == postgis();
    }

    /** A new empty database of the kind the tests run on, named with {@code prefix}, for a second node. */
    public static String emptyDatabase(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (!postgis()) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        String server = System.getProperty("custodian.test.postgres-url");
        try (Connection c = DriverManager.getConnection(server);
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        }
        String url = withDatabase(server, name);
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("create extension if not exists postgis");
        }
        dropAtExit(server, name);
        return url;
    }

    /** Drops the database when the test JVM exits, so that runs leave no databases behind. */
    private static void dropAtExit(String server, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server);
                    Statement st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // The server may already be gone; a leftover test database is harmless.
            }
        }));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name =
                "custodian_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            java.nio.file.Path integrity = java.nio.file.Files.createTempDirectory(name);
            TestPropertyValues.of(
                            "custodian.integrity.directory=" + integrity.resolve("checkpoints"),
                            "custodian.integrity.generated-key-file=" + integrity.resolve("signing-key.pem"),
                            "custodian.backup.directory=" + integrity.resolve("backups"),
                            "custodian.alerts.generated-subscriber-key-file=" + integrity.resolve("subscriber-key"),
                            "custodian.routing.graph-folder=" + integrity.resolve("routing"),
                            // Checkpoints on demand only: a scheduled one between a test's write and its own
                            // checkpoint would leave that one nothing to sign. The schedule has its own test.
                            "custodian.integrity.checkpoint-initial-delay=P1D")
                    .applyTo(context);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!postgis()) {
            TestPropertyValues.of(
                            "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                            "spring.datasource.username=sa",
                            "spring.datasource.password=")
                    .applyTo(context);
            return;
        }
        String server = System.getProperty("custodian.test.postgres-url");
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("custodian.test.database=postgis needs custodian.test.postgres-url");
        }
        try (Connection c = DriverManager.getConnection(server);
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database on " + server, e);
        }
        String url = withDatabase(server, name);
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("create extension if not exists postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create PostGIS in the test database", e);
        }
        dropAtExit(server, name);
        TestPropertyValues.of("spring.datasource.url=" + url).applyTo(context);
    }

    /** The same server URL with another database name: jdbc:postgresql://host:port/NAME?params. */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }
}
