package org.custodian.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Browser;
import org.custodian.CustodianIntegrationTest;
import org.custodian.OtherNode;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An administrator makes a backup on the page while the application runs; the restore command puts it into
 * an empty database; a node started on that database holds the same rows and both chains verify against the
 * checkpoints of the backup's time, although the running node has checkpointed newer writes since.
 */
@CustodianIntegrationTest
class BackupIntegrationTests {

    private static final Pattern DOWNLOAD = Pattern.compile("/backups/(\\d+)/file");

    /** Rows that belong to the running node's moment, not to the records. */
    private static final List<String> NOT_COMPARED =
            List.of("spring_session", "spring_session_attributes", "shedlock", "event_publication", "platform_backup");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBackupMadeOnThePageRestoresIntoAnEmptyDatabaseWhoseChainsVerify() throws Exception {
        Api admin = Api.at(port).from("127.0.0.51").asAdmin();
        assertThat(admin.post("/api/integrity/checkpoints", "{}").status()).isEqualTo(200);

        Browser browser = new Browser(port, "127.0.0.51");
        browser.signIn("admin", Api.ADMIN_PASSWORD);
        browser.get("/backups");
        // The backup's own record and its audit entry are written after the copy is taken.
        Map<String, Long> before = counts(jdbc);
        assertThat(browser.postForm("/backups", Map.of()).statusCode()).isEqualTo(302);
        String page = browser.get("/backups").body();
        assertThat(page).contains("Backup made.").contains("custodian-");
        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> download = browser.download(link.group());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path archive = Files.createTempFile("custodian-backup", ".zip");
        Files.write(archive, download.body());
        String sha256 =
                jdbc.queryForObject("select sha256 from platform_backup order by id desc limit 1", String.class);
        assertThat(org.custodian.platform.Sha256.of(archive)).isEqualTo(sha256);

        // Written after the backup and checkpointed: the restored database must not be held to them.
        assertThat(admin.post("/api/sources", SOURCE).status()).isEqualTo(201);
        assertThat(admin.post("/api/integrity/checkpoints", "{}").status()).isEqualTo(200);

        String restoredUrl = emptyDatabase();
        Path restoredCheckpoints = Files.createTempDirectory("restored-checkpoints");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = BackupCommand.restore(
                new String[] {
                    archive.toString(),
                    "--spring.datasource.url=" + restoredUrl,
                    "--custodian.integrity.directory=" + restoredCheckpoints
                },
                new PrintStream(said, true, StandardCharsets.UTF_8));
        assertThat(status).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(restoredCheckpoints.resolve("checkpoints.jsonl")))
                .isNotBlank();

        try (ConfigurableApplicationContext restored = OtherNode.start(
                "spring.datasource.url=" + restoredUrl,
                "custodian.demo.enabled=false",
                // Counted against the backup: no scheduled job may change the restored data first.
                "custodian.alerts.expiry-interval=PT24H",
                "custodian.integrity.directory=" + restoredCheckpoints,
                "custodian.integrity.generated-key-file="
                        + environment.getProperty("custodian.integrity.generated-key-file"),
                "custodian.backup.directory=" + restoredCheckpoints.resolve("backups"))) {
            Map<String, Long> after = counts(restored.getBean(JdbcTemplate.class));
            assertThat(after).isEqualTo(before);
            int restoredPort = OtherNode.port(restored);
            Api restoredAdmin = Api.at(restoredPort).from("127.0.0.52").asAdmin();
            JsonNode audit = restoredAdmin.get("/api/audit/verify").json();
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            assertThat(audit.get("checkpoint").isNull())
                    .as("verified against a checkpoint")
                    .isFalse();
            JsonNode ledger = restoredAdmin.get("/api/custody/verify").json();
            assertThat(ledger.get("intact").asBoolean()).as(ledger.toString()).isTrue();
        }

        // A restore never writes over records.
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(BackupCommand.restore(
                        new String[] {archive.toString(), "--spring.datasource.url=" + restoredUrl},
                        new PrintStream(refused, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(refused.toString(StandardCharsets.UTF_8)).contains("restore into an empty database");
    }

    @Test
    void backupsAreForAdministratorsOnly() {
        Api.at(port)
                .from("127.0.0.53")
                .asAdmin()
                .createUser("backup-director", "DIRECTOR", "AGD", "aghdam-backup-director");
        Browser director = new Browser(port, "127.0.0.53");
        director.signIn("backup-director", "aghdam-backup-director");
        assertThat(director.get("/backups").statusCode()).isEqualTo(403);
        director.get("/");
        assertThat(director.postForm("/backups", Map.of()).statusCode()).isEqualTo(403);
        assertThat(director.download("/backups/1/file").statusCode()).isEqualTo(403);
    }

    @Test
    void aFileThatIsNoBackupIsRefusedAndNothingIsWritten() throws Exception {
        Path notABackup = Files.createTempFile("not-a-backup", ".zip");
        Files.writeString(notABackup, "just text");
        String url = emptyDatabase();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(BackupCommand.restore(
                        new String[] {notABackup.toString(), "--spring.datasource.url=" + url},
                        new PrintStream(said, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("not a Custodian backup");
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from information_schema.tables"
                        + " where lower(table_name) = 'flyway_schema_history'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static final String SOURCE = """
            {"publisher":"Backup test","title":"Written after the backup","publishedOn":"2026-12-01"}""";

    /** Rows per table of the application's own tables. */
    private static Map<String, Long> counts(JdbcTemplate db) {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = db.queryForList(
                "select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'"
                        + " and table_type in ('BASE TABLE', 'TABLE')",
                String.class);
        for (String table : tables) {
            if (NOT_COMPARED.contains(table) || table.equals("spatial_ref_sys") || table.startsWith("flyway")) {
                continue;
            }
            counts.put(table, db.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static String emptyDatabase() throws SQLException {
        return TestDatabase.emptyDatabase("custodian_restored_");
    }
}
