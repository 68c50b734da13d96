package org.custodian.routing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports a road network from an OpenStreetMap file (XML or PBF), one import at a time, for administrators.
 * The file is copied aside under a name GraphHopper reads by its kind; the network in use is replaced only
 * when the new one is complete.
 */
@Service
class RoadNetworkImport {

    /** Where the latest import stands: its file, phase (importing, done, refused), start and outcome. */
    record Status(
            String file,
            String phase,
            Instant startedAt,
            @Nullable Duration took,
            @Nullable String refusal,
            @Nullable Integer edges,
            // The refusal for the page, said in its language; the API gives the English one above.
            @JsonIgnore @Nullable Reason reason) {}

    private final RoadNetwork network;
    private final AtomicReference<@Nullable Status> latest = new AtomicReference<>();

    RoadNetworkImport(RoadNetwork network) {
        this.network = network;
    }

    @Nullable
    Status latest() {
        return latest.get();
    }

    /** Imports now, in the caller's thread. */
    Status importNow(Scope scope, String name, InputStream content) {
        requireAdmin(scope);
        Path file = copy(name, content);
        return run(name, file);
    }

    /** Starts an import in the background and answers at once; {@link #latest()} follows it. */
    Status start(Scope scope, String name, InputStream content) {
        requireAdmin(scope);
        Path file = copy(name, content);
        Status s = new Status(name, "importing", Instant.now(), null, null, null, null);
        Status before = latest.get();
        if (before != null && before.phase().equals("importing")) {
            throw new ConflictWithState(Refusals.ROAD_NETWORK_IMPORT_UNDER_WAY);
        }
        latest.set(s);
        Thread.ofVirtual().name("road-network-import").start(() -> {
            try {
                run(name, file);
            } catch (RuntimeException e) {
                // run() has recorded the refusal.
            }
        });
        return s;
    }

    private Status run(String name, Path file) {
        Instant start = Instant.now();
        latest.set(new Status(name, "importing", start, null, null, null, null));
        try {
            RoadNetwork.Graph g = network.replace(file, name, phase -> {});
            Status done =
                    new Status(name, "done", start, Duration.between(start, Instant.now()), null, g.edges(), null);
            latest.set(done);
            return done;
        } catch (RuleViolated e) {
            latest.set(new Status(
                    name, "refused", start, Duration.between(start, Instant.now()), e.getMessage(), null, e.reason()));
            throw e;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind is harmless.
            }
        }
    }

    private static void requireAdmin(Scope scope) {
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("only administrators import road networks");
        }
    }

    /** Copies the upload aside, named .pbf or .osm by its first bytes, as GraphHopper tells files apart by name. */
    private static Path copy(String name, InputStream content) {
        try {
            Path tmp = Files.createTempFile("road-network", ".upload");
            Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
            byte[] head;
            try (InputStream in = Files.newInputStream(tmp)) {
                head = in.readNBytes(64);
            }
            boolean xml = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .stripLeading()
                    .startsWith("<");
            Path named = tmp.resolveSibling(tmp.getFileName().toString().replace(".upload", xml ? ".osm" : ".pbf"));
            Files.move(tmp, named, StandardCopyOption.REPLACE_EXISTING);
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
