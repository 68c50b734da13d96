package org.custodian;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * A node of the application in a process of its own, on a test's database, so that it can be killed with
 * SIGKILL as a machine loses power: PostgreSQL is shared as it is, the embedded database is served to the
 * process over H2's TCP server. Its output goes to {@code target/<name>.log}.
 */
public final class NodeProcess {

    /** Settings a node shares with the test's context: its keys, its checkpoints and its database's account. */
    private static final List<String> SHARED = List.of(
            "spring.datasource.username",
            "spring.datasource.password",
            "custodian.alerts.generated-subscriber-key-file",
            "custodian.integrity.generated-key-file",
            "custodian.integrity.directory",
            "custodian.backup.directory",
            "custodian.routing.graph-folder",
            "custodian.admin.password");

    private static @Nullable Server h2;

    private NodeProcess() {}

    /** Starts a node with the test's shared settings and these, each name to value. */
    public static Process start(Environment environment, String name, Map<String, String> settings) throws IOException {
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.custodian.CustodianApplication"));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.url", sharedDatabaseUrl(environment));
        for (String shared : SHARED) {
            String value = environment.getProperty(shared);
            if (value != null) {
                all.put(shared, value);
            }
        }
        all.put("custodian.demo.enabled", "false");
        all.putAll(settings);
        all.forEach((k, v) -> command.add("--" + k + "=" + v));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** A port nothing listens on now, for a node to take. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Stops serving the embedded database to other processes. */
    public static synchronized void stopSharing() {
        if (h2 != null) {
            h2.stop();
            h2 = null;
        }
    }

    private static synchronized String sharedDatabaseUrl(Environment environment) throws IOException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        if (TestDatabase.postgis()) {
            return url;
        }
        if (h2 == null) {
            try {
                h2 = Server.createTcpServer("-tcpPort", String.valueOf(freePort()))
                        .start();
            } catch (java.sql.SQLException e) {
                throw new IOException("the embedded database could not be served over TCP", e);
            }
        }
        String name = url.substring("jdbc:h2:mem:".length(), url.indexOf(';'));
        return "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:" + name;
    }
}
