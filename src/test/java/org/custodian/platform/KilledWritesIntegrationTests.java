package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.NodeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A node in a process of its own is killed with SIGKILL while 16 clients create sources through it and one
 * imports 20,000 hazard areas; a node started again on the same database then serves, and nothing is half
 * written: every source the API acknowledged is stored, every stored source has its audit entry, the import
 * is all or nothing, and the audit chain and the custody ledger verify.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KilledWritesIntegrationTests {

    private static final int WRITERS = 16;
    private static final int IMPORTED = 20_000;
    private static final List<Process> processes = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
        NodeProcess.stopSharing();
    }

    @Test
    void nothingIsHalfWrittenWhenANodeIsKilledDuringWritesAndAnImport() throws Exception {
        String run = "Killed " + UUID.randomUUID();
        int first = NodeProcess.freePort();
        Process node = node("killed-writes-first", first);
        Api admin = Api.at(first).asAdmin();

        CompletableFuture<Api.Response> importing = importing(first, run);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int n = 0; !killed.get(); n++) {
                    try {
                        Api.Response created = admin.post(
                                "/api/sources",
                                Api.json(Map.of("publisher", run, "title", "Write " + writer + "-" + n)));
                        if (created.status() == 201) {
                            acknowledged.add(created.json().get("id").asLong());
                        }
                    } catch (RuntimeException e) {
                        // The node is gone: the write is in doubt, so it must be all there or not at all.
                    }
                }
            });
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (acknowledged.size() < 50 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertThat(importing).as("the import is still running at the kill").isNotDone();
        node.destroyForcibly().waitFor();
        killed.set(true);
        writers.shutdown();
        assertThat(acknowledged).as("writes were acknowledged before the kill").hasSizeGreaterThanOrEqualTo(50);
        assertThat(importing.handle((r, e) -> r).get(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("the import got no answer: it was killed part-way")
                .isNull();

        List<Long> stored = jdbc.queryForList("select id from platform_source where publisher = ?", Long.class, run);
        assertThat(stored).as("every acknowledged write is stored").containsAll(acknowledged);
        Long areas =
                jdbc.queryForObject("select count(*) from mine_hazard_area where name like ?", Long.class, run + " %");
        assertThat(areas).as("the import is all or nothing").isIn(0L, (long) IMPORTED);

        // Started again on the same database, a node serves, and both chains verify.
        int second = NodeProcess.freePort();
        node("killed-writes-second", second);
        Api again = Api.at(second).asAdmin();
        assertThat(ready(again)).as("the restarted node serves").isTrue();
        assertThat(again.get("/api/audit/verify").json().get("intact").asBoolean())
                .isTrue();
        assertThat(again.get("/api/custody/verify").json().get("intact").asBoolean())
                .isTrue();
        // Verification linked whatever the killed node committed and had not yet linked: one entry a source.
        for (long id : stored) {
            assertThat(jdbc.queryForObject(
                            "select count(*) from platform_audit_entry where record_type = 'Source' and record_id = ?",
                            Long.class,
                            String.valueOf(id)))
                    .as("source %s has its audit entry", id)
                    .isOne();
        }
        stored.forEach(id -> again.delete("/api/sources/" + id));
    }

    private Process node(String name, int port) throws Exception {
        Process process = NodeProcess.start(
                environment,
                name,
                Map.of(
                        "server.port",
                        String.valueOf(port),
                        "custodian.routing.graph-folder",
                        environment.getProperty("custodian.routing.graph-folder") + "-" + name));
        processes.add(process);
        if (!ready(Api.at(port).asAdmin())) {
            throw new AssertionError(name + " did not start: see target/" + name + ".log");
        }
        return process;
    }

    private static boolean ready(Api admin) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            try {
                if (admin.get("/api/regions").status() == 200) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** 20,000 squares of about 40 m in region FZL, sent as one import; its answer, or null if none came. */
    private static CompletableFuture<Api.Response> importing(int port, String run) {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < IMPORTED; i++) {
            double x = 47.1 + (i % 200) * 0.001;
            double y = 39.5 + (i / 200) * 0.001;
            features.append(i == 0 ? "" : ",")
                    .append(String.format(
                            java.util.Locale.ROOT,
                            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],"
                                    + "[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]},\"properties\":{\"name\":\"%s %d\","
                                    + "\"contamination\":\"AP_MINE\"}}",
                            x,
                            y,
                            x + 0.0004,
                            y,
                            x + 0.0004,
                            y + 0.0004,
                            x,
                            y + 0.0004,
                            x,
                            y,
                            run,
                            i));
        }
        byte[] file =
                ("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}").getBytes(StandardCharsets.UTF_8);
        Api admin = Api.at(port).asAdmin();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return admin.upload("/api/hazard-areas/import?region=FZL", "areas.geojson", file);
            } catch (RuntimeException killed) {
                return null;
            }
        });
    }
}
