package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
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

/**
 * Faults a running node must live through: health names the database and the attachments folder; a node whose
 * attachments folder cannot be written refuses uploads with 503 and keeps nothing of them; a node whose
 * database goes away (a proxy between them is cut) answers 503 without a stack trace and recovers by itself
 * once it is back. The second node shares this test's database, through the proxy on PostgreSQL.
 */
@CustodianIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    private CuttableProxy proxy;
    private ConfigurableApplicationContext nodeB;
    private int portB;
    private Path regularFile;
    private final List<Long> sources = new ArrayList<>();

    @BeforeAll
    void startNodeB() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        if (TestDatabase.postgis()) {
            URI server = URI.create(url.substring("jdbc:".length()));
            proxy = new CuttableProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
            url = url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
        }
        // Nothing can be made below a regular file, even by root.
        regularFile = Files.createTempFile("custodian-not-a-folder", ".txt");
        nodeB = OtherNode.start(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                // A lost database is noticed in seconds, not the pool's default half minute.
                "spring.datasource.hikari.connection-timeout=2000",
                "spring.datasource.hikari.validation-timeout=1000",
                "custodian.admin.password=" + Api.ADMIN_PASSWORD,
                "custodian.demo.enabled=false",
                "custodian.attachments.folder=" + regularFile.resolve("uploads"),
                "custodian.integrity.directory=" + environment.getProperty("custodian.integrity.directory"),
                "custodian.integrity.generated-key-file="
                        + environment.getProperty("custodian.integrity.generated-key-file"),
                "custodian.alerts.generated-subscriber-key-file="
                        + environment.getProperty("custodian.alerts.generated-subscriber-key-file"),
                "custodian.routing.graph-folder=" + environment.getProperty("custodian.routing.graph-folder")
                        + "-faults");
        portB = OtherNode.port(nodeB);
    }

    @AfterAll
    void stopNodeB() throws Exception {
        if (proxy != null) {
            proxy.restore();
        }
        Api admin = Api.at(port).asAdmin();
        sources.forEach(id -> admin.delete("/api/sources/" + id));
        if (nodeB != null) {
            nodeB.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        Files.deleteIfExists(regularFile);
    }

    @Test
    void healthNamesTheDatabaseAndTheAttachmentsFolderAndAdministratorsSeeWhy() {
        Api.Response anyone = Api.at(port).get("/actuator/health");
        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(anyone.json().at("/components/attachments/status").asString())
                .isEqualTo("UP");
        assertThat(anyone.json().at("/components/attachments/details").isMissingNode())
                .as("details only for administrators")
                .isTrue();

        Api.Response onB = Api.at(portB).get("/actuator/health");
        assertThat(onB.status()).isEqualTo(503);
        assertThat(onB.json().at("/components/attachments/status").asString()).isEqualTo("DOWN");
        assertThat(onB.json().at("/components/db/status").asString()).isEqualTo("UP");
        Api.Response toAdmin = Api.at(portB).asAdmin().get("/actuator/health");
        assertThat(toAdmin.json().at("/components/attachments/details/reason").asString())
                .contains("does not exist and cannot be made");
    }

    @Test
    void anUploadTheFolderCannotTakeIsRefusedWith503AndNothingIsKept() throws Exception {
        Api adminB = Api.at(portB).asAdmin();
        Api.Response created =
                adminB.post("/api/sources", Api.json(Map.of("publisher", "Faults Gazette", "title", "Upload refused")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        sources.add(id);

        Api.Response refused = adminB.upload(
                "/api/sources/" + id + "/attachment",
                "report.pdf",
                "%PDF-1.4 a report".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString())
                .contains("attachments folder")
                .contains("nothing was saved");
        assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();

        // A person uploading through the page sees the reason in the page's language.
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + portB + "/sources/" + id + "/attachment"))
                                .header("Accept", "text/html")
                                .header("Cookie", "custodian-lang=az")
                                .header("Content-Type", "multipart/form-data; boundary=b")
                                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data;"
                                        + " name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF\r\n--b--\r\n"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("lang=\"az\"")
                .contains("əlavələr qovluğu")
                .doesNotContain("Exception");

        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/sources/" + id)
                        .json()
                        .get("attachment")
                        .isNull())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_source_attachment where source_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select attachment_sha256 from platform_source where id = ?", String.class, id))
                .isNull();
    }

    @Test
    void aNodeWhoseDatabaseGoesAwayAnswers503AndRecoversByItself() throws Exception {
        assumeTrue(TestDatabase.postgis(), "the database server is reached over TCP only on PostgreSQL");
        Api adminB = Api.at(portB).asAdmin();
        Browser person = new Browser(portB, "127.0.0.61");
        assertThat(person.signIn("admin", Api.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(adminB.get("/api/regions").status()).isEqualTo(200);
        assertThat(person.get("/sources").statusCode()).isEqualTo(200);

        proxy.cut();
        try {
            Api.Response list = adminB.get("/api/regions");
            assertThat(list.status()).as(list.body()).isEqualTo(503);
            assertThat(list.isProblem()).isTrue();
            assertThat(list.json().get("detail").asString()).contains("database cannot be reached");
            assertThat(list.body()).doesNotContain("Exception").doesNotContain("at org.");

            Api.Response write =
                    adminB.post("/api/sources", Api.json(Map.of("publisher", "Faults Gazette", "title", "While cut")));
            assertThat(write.status()).as(write.body()).isEqualTo(503);

            HttpResponse<String> page = person.get("/sources");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("database cannot be reached").doesNotContain("Exception");

            Api.Response health = Api.at(portB).get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/db/status").asString()).isEqualTo("DOWN");
        } finally {
            proxy.restore();
        }

        assertThat(within(
                        Duration.ofSeconds(30), () -> adminB.get("/api/regions").status() == 200))
                .as("the node serves again without a restart")
                .isTrue();
        assertThat(person.get("/sources").statusCode()).isEqualTo(200);
        assertThat(Api.at(portB)
                        .get("/actuator/health")
                        .json()
                        .at("/components/db/status")
                        .asString())
                .isEqualTo("UP");
        assertThat(jdbc.queryForObject("select count(*) from platform_source where title = 'While cut'", Long.class))
                .as("nothing written while cut")
                .isZero();
    }

    private static boolean within(Duration time, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(time);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }
}
