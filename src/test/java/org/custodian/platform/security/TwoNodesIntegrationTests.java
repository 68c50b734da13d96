package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.custodian.Api;
import org.custodian.Browser;
import org.custodian.CustodianIntegrationTest;
import org.custodian.OtherNode;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL database, as the README's scale-out path runs them: the test context is node A,
 * and a second application on another port is node B. A signed-in person may land on either; a change to an
 * account or a token made through one takes effect on the other at once; scheduled jobs take their turn
 * through a lock in the database.
 */
@CustodianIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTests {

    /** Longer than a notice takes, far shorter than the caches keep what they remember (5 s and 30 s). */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LockProvider lockA;

    private ConfigurableApplicationContext nodeB;
    private int portB;

    @BeforeAll
    void startNodeB() {
        assumeTrue(TestDatabase.postgis(), "several nodes share a PostgreSQL database");
        nodeB = OtherNode.start(
                "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "custodian.admin.password=" + Api.ADMIN_PASSWORD,
                "custodian.demo.enabled=true",
                "custodian.integrity.directory=" + environment.getProperty("custodian.integrity.directory"),
                "custodian.integrity.generated-key-file="
                        + environment.getProperty("custodian.integrity.generated-key-file"),
                "custodian.routing.graph-folder=" + environment.getProperty("custodian.routing.graph-folder") + "-b",
                // Node B's jobs come round within the test.
                "custodian.integrity.checkpoint-initial-delay=PT1S",
                "custodian.events.resubmit-interval=PT1S");
        portB = OtherNode.port(nodeB);
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSignedInPersonAndTheFormTheyTypedFollowThemToTheOtherNode() {
        Browser onA = new Browser(port, "127.0.0.41");
        assertThat(onA.signIn("admin", Api.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        onA.get("/sources/new");
        // Refused on node A: the reason and what was typed wait in the session for the next page.
        HttpResponse<String> refused = onA.postForm("/sources", Map.of("publisher", "Node A Gazette", "title", ""));
        assertThat(refused.statusCode()).isEqualTo(302);

        Browser onB = onA.onPort(portB);
        HttpResponse<String> page = onB.get("/sources/new");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("give the publisher and the title").contains("Node A Gazette");
        assertThat(onB.get("/api/users/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenRevokedOnOneNodeStopsWorkingOnTheOtherAtOnce() {
        Api adminOnA = Api.at(port).from("127.0.0.42").asAdmin();
        Api.Response issued = adminOnA.post("/api/tokens", Api.json(Map.of("name", "two-node check")));
        assertThat(issued.status()).isEqualTo(201);
        JsonNode token = issued.json();
        Api withTokenOnB =
                Api.at(portB).from("127.0.0.42").withToken(token.get("secret").asString());
        // Node B now remembers the token.
        assertThat(withTokenOnB.get("/api/users/me").status()).isEqualTo(200);

        assertThat(adminOnA.delete("/api/tokens/" + token.get("token").get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(within(AT_ONCE, () -> withTokenOnB.get("/api/users/me").status() == 401))
                .as("node B refuses the revoked token within %s", AT_ONCE)
                .isTrue();
    }

    @Test
    void aDeviceKeyRevokedOnOneNodeStopsWorkingOnTheOtherAtOnce() {
        Api adminOnA = Api.at(port).from("127.0.0.44").asAdmin();
        assertThat(adminOnA.createUser("two-node-field", "FIELD", "KHJ", "khojaly-two-node-field"))
                .isEqualTo(201);
        Api fieldOnA = Api.at(port).from("127.0.0.44").as("two-node-field", "khojaly-two-node-field");
        Api.Response issued = fieldOnA.post("/api/device-keys", Api.json(Map.of("name", "two-node tablet")));
        assertThat(issued.status()).isEqualTo(201);
        String formList = "/openrosa/key/" + issued.json().get("secret").asString() + "/formList";
        Api phoneOnB = Api.at(portB).from("127.0.0.44").anonymous();
        // Node B now holds the key (for up to five seconds without a notice).
        assertThat(phoneOnB.get(formList).status()).isEqualTo(200);

        assertThat(fieldOnA.post(
                                "/api/device-keys/"
                                        + issued.json().at("/key/id").asLong() + "/revocation",
                                "{}")
                        .status())
                .isEqualTo(200);
        assertThat(within(AT_ONCE, () -> phoneOnB.get(formList).status() == 403))
                .as("node B refuses the revoked device key within %s", AT_ONCE)
                .isTrue();
    }

    @Test
    void anAccountDisabledOnOneNodeEndsItsSessionOnTheOtherAtOnce() {
        Api adminOnA = Api.at(port).from("127.0.0.43").asAdmin();
        assertThat(adminOnA.createUser("two-node-viewer", "VIEWER", "FZL", "fuzuli-two-node-viewer"))
                .isEqualTo(201);
        Browser onB = new Browser(portB, "127.0.0.43");
        onB.signIn("two-node-viewer", "fuzuli-two-node-viewer");
        assertThat(onB.get("/api/users/me").statusCode()).isEqualTo(200);

        Map<String, Object> disabled =
                Map.of("displayName", "two-node-viewer", "role", "VIEWER", "regions", List.of("FZL"), "enabled", false);
        assertThat(adminOnA.put("/api/users/two-node-viewer", Api.json(disabled))
                        .status())
                .isEqualTo(200);
        assertThat(within(AT_ONCE, () -> onB.get("/api/users/me").statusCode() == 401))
                .as("node B ends the disabled account's session within %s", AT_ONCE)
                .isTrue();
    }

    @Test
    void scheduledJobsTakeTheirTurnThroughALockInTheDatabase() {
        assertThat(within(Duration.ofSeconds(20), () -> jdbc.queryForList("select name from shedlock", String.class)
                        .containsAll(List.of("integrity-checkpoints", "resubmit-unfinished-events"))))
                .as("node B's jobs took their locks")
                .isTrue();
        // Held by one node at a time: while node B holds a job, node A's provider cannot take it.
        LockProvider lockB = nodeB.getBean(LockProvider.class);
        LockConfiguration config =
                new LockConfiguration(Instant.now(), "two-node-check", Duration.ofSeconds(30), Duration.ZERO);
        Optional<SimpleLock> held = lockB.lock(config);
        assertThat(held).isPresent();
        try {
            assertThat(lockA.lock(config)).isEmpty();
        } finally {
            held.get().unlock();
        }
        assertThat(lockA.lock(config)).hasValueSatisfying(l -> l.unlock());
    }

    @Test
    void aRoadClosedAndReopenedOnOneNodeChangesRoutesOnTheOtherAtOnce() {
        Api adminOnA = Api.at(port).from("127.0.0.44").asAdmin();
        Api adminOnB = Api.at(portB).from("127.0.0.44").asAdmin();
        // The only road between Aghdam and Askeran.
        String route = "/api/routes?from=46.925,39.985&to=46.835,39.933";
        assertThat(adminOnB.get(route).status())
                .as("node B has read what to avoid")
                .isEqualTo(200);
        Map<String, Object> road = Map.of(
                "regionCode",
                adminOnA.regionOf(46.912, 39.981),
                "name",
                "Askeran bridge (two nodes)",
                "line",
                Map.of("type", "LineString", "coordinates", List.of(List.of(46.912, 39.981), List.of(46.897, 39.9725))),
                "reason",
                "Bridge damaged");
        Api.Response closed = adminOnA.post("/api/closed-roads", Api.json(road));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        try {
            assertThat(within(AT_ONCE, () -> adminOnB.get(route).status() == 422))
                    .as("node B avoids the road closed on node A within %s", AT_ONCE)
                    .isTrue();
        } finally {
            Api.Response reopened = adminOnA.post(
                    "/api/closed-roads/" + closed.json().get("id").asLong() + "/reopen",
                    "{\"version\":" + closed.json().at("/properties/version").asLong() + "}");
            assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        }
        assertThat(within(AT_ONCE, () -> adminOnB.get(route).status() == 200))
                .as("node B takes the road reopened on node A within %s", AT_ONCE)
                .isTrue();
    }

    @Test
    void aHazardAreaRecordedOnOneNodeShowsInTheOtherNodesTilesAtOnce() {
        Api adminOnA = Api.at(port).from("127.0.0.45").asAdmin();
        Api adminOnB = Api.at(portB).from("127.0.0.45").asAdmin();
        double lon = 46.9801;
        double lat = 39.9702;
        String region = tile(8, lon, lat);
        String street = tile(15, lon, lat);
        // Node B has written these tiles, and may keep them.
        byte[] regionBefore = adminOnB.getBytes(region);
        assertThat(adminOnB.getBytes(region)).isEqualTo(regionBefore);
        adminOnB.getBytes(street);

        String id = adminOnA.recordSquareHazardArea("AGD", lon, lat, 0.0002, "CHA");
        // At once: the next request, with no wait.
        assertThat(new String(adminOnB.getBytes(street), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("node B's street tile holds the area recorded on node A")
                .contains(id);
        assertThat(adminOnB.getBytes(region))
                .as("node B's region tile counts it")
                .isNotEqualTo(regionBefore);
    }

    /** The path of the hazard areas' tile holding a point. */
    private static String tile(int z, double lon, double lat) {
        int n = 1 << z;
        double r = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return "/tiles/hazard-areas/" + z + "/" + x + "/" + y + ".mvt";
    }

    private static boolean within(Duration time, BooleanSupplier condition) {
        Instant end = Instant.now().plus(time);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
