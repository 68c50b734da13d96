package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The audit chain against someone who can write the database: a chain rewritten with the application's own
 * hash function, or shortened, no longer matches the signed checkpoint kept outside the database; and secrets
 * never sit in the trail.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditIntegrityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${custodian.integrity.directory}")
    Path checkpoints;

    Api admin;

    @BeforeEach
    void admin() {
        admin = Api.at(port).asAdmin();
    }

    record Row(
            long id,
            Instant at,
            String actor,
            String action,
            String recordType,
            String recordId,
            String before,
            String after,
            String previous,
            String hash) {}

    private List<Row> rows() {
        return jdbc.query(
                "select id, at, actor, action, record_type, record_id, before_state, after_state, previous_hash, hash"
                        + " from platform_audit_entry order by id",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9).strip(),
                        rs.getString(10).strip()));
    }

    /** What an insider does: change one entry, recompute every hash after it with the app's own function. */
    private void rewrite(long victim, String after) {
        String previous = AuditEntry.GENESIS;
        for (Row r : rows()) {
            if (r.id() < victim) {
                previous = r.hash();
                continue;
            }
            String content = r.id() == victim ? after : r.after();
            String hash = AuditEntry.hash(
                    previous, r.at(), r.actor(), r.action(), r.recordType(), r.recordId(), r.before(), content);
            jdbc.update(
                    "update platform_audit_entry set after_state = ?, previous_hash = ?, hash = ? where id = ?",
                    content,
                    previous,
                    hash,
                    r.id());
            previous = hash;
        }
        jdbc.update("update platform_audit_head set last_hash = ? where id = 1", previous);
    }

    private void restore(List<Row> original) {
        jdbc.update("delete from platform_audit_entry");
        for (Row r : original) {
            jdbc.update(
                    "insert into platform_audit_entry (id, at, actor, action, record_type, record_id, before_state,"
                            + " after_state, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id(),
                    Timestamp.from(r.at()),
                    r.actor(),
                    r.action(),
                    r.recordType(),
                    r.recordId(),
                    r.before(),
                    r.after(),
                    r.previous(),
                    r.hash());
        }
        jdbc.update(
                "update platform_audit_head set last_hash = ? where id = 1",
                original.get(original.size() - 1).hash());
    }

    private JsonNode checkpoint() {
        JsonNode outcomes = admin.post("/api/integrity/checkpoints", "").json();
        for (JsonNode o : outcomes) {
            if (o.get("chain").asString().equals("audit")) {
                assertThat(o.get("refused").isNull()).isTrue();
                return o.get("checkpoint");
            }
        }
        throw new AssertionError("no audit checkpoint in " + outcomes);
    }

    @Test
    void aChainRewrittenWithTheAppsOwnHashFunctionNoLongerMatchesItsSignedCheckpoint() {
        admin.post("/api/sources", "{\"publisher\":\"Witness\",\"title\":\"Original title\"}");
        JsonNode checkpoint = checkpoint();
        assertThat(checkpoint.get("length").asLong()).isPositive();
        assertThat(admin.get("/api/audit/verify").json().get("intact").asBoolean())
                .isTrue();

        List<Row> original = rows();
        Row victim = original.stream()
                .filter(r -> r.after() != null && r.after().contains("Original title"))
                .findFirst()
                .orElseThrow();
        rewrite(victim.id(), victim.after().replace("Original title", "Forged title"));
        try {
            JsonNode verdict = admin.get("/api/audit/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("reason").asString())
                    .contains("rewritten")
                    .contains("checkpoint " + checkpoint.get("number").asLong());
            assertThat(verdict.at("/checkpoint/number").asLong())
                    .isEqualTo(checkpoint.get("number").asLong());
            // Nor is the rewritten chain ever signed over.
            JsonNode refused = admin.post("/api/integrity/checkpoints", "").json();
            assertThat(refused.toString()).contains("rewritten");
        } finally {
            restore(original);
        }
        assertThat(admin.get("/api/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }

    @Test
    void aChainShorterThanItsCheckpointIsReportedTruncated() {
        admin.post("/api/sources", "{\"publisher\":\"Witness\",\"title\":\"To be removed\"}");
        JsonNode checkpoint = checkpoint();
        List<Row> original = rows();
        Row last = original.get(original.size() - 1);
        Row kept = original.get(original.size() - 2);
        jdbc.update("delete from platform_audit_entry where id = ?", last.id());
        jdbc.update("update platform_audit_head set last_hash = ? where id = 1", kept.hash());
        try {
            JsonNode verdict = admin.get("/api/audit/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("reason").asString())
                    .contains("truncated")
                    .contains("checkpoint " + checkpoint.get("number").asLong());
        } finally {
            restore(original);
        }
    }

    @Test
    void aCheckpointAlteredInItsFileNoLongerBearsAValidSignature() throws Exception {
        checkpoint();
        Path file = checkpoints.resolve("checkpoints.jsonl");
        String text = Files.readString(file);
        try {
            Files.writeString(file, text.replaceAll("\"length\":(\\d+)", "\"length\":1"));
            JsonNode verdict = admin.get("/api/audit/verify").json();
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("reason").asString()).contains("signature");
        } finally {
            Files.writeString(file, text);
        }
    }

    @Test
    void aPartnerChecksTheDownloadedCheckpointsWithTheDownloadedPublicKey() throws Exception {
        checkpoint();
        String pem = new String(admin.getBytes("/api/integrity/checkpoint-key.pem"), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        var key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip())));
        String lines = new String(admin.getBytes("/api/integrity/checkpoints"), StandardCharsets.UTF_8);
        assertThat(lines.lines()).isNotEmpty();
        for (String line : lines.lines().toList()) {
            JsonNode c =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
            String signed = "custodian-checkpoint\n" + c.get("number").asLong() + "\n"
                    + c.get("chain").asString()
                    + "\n" + c.get("length").asLong() + "\n" + c.get("head").asString() + "\n"
                    + c.get("at").asString();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(
                            Base64.getDecoder().decode(c.get("signature").asString())))
                    .isTrue();
        }
        // Checkpoints are taken and handed out by administrators only.
        assertThat(admin.createUser("witness-officer", "OFFICER", "KHJ", "witness-officer-pw"))
                .isIn(201, 409);
        Api officer = Api.at(port).as("witness-officer", "witness-officer-pw");
        assertThat(officer.get("/api/integrity/checkpoints").status()).isEqualTo(403);
        assertThat(officer.post("/api/integrity/checkpoints", "").status()).isEqualTo(403);
    }

    @Test
    void passwordAndTokenHashesNeverEnterTheAuditTrail() {
        assertThat(admin.createUser("audit-secret-user", "VIEWER", "KHJ", "audit-secret-password"))
                .isIn(201, 409);
        Api user = Api.at(port).as("audit-secret-user", "audit-secret-password");
        assertThat(user.post("/api/tokens", "{\"name\":\"laptop\"}").status()).isEqualTo(201);

        List<String> states = jdbc.queryForList(
                "select after_state from platform_audit_entry where record_type in ('Account', 'ApiToken')",
                String.class);
        assertThat(states).isNotEmpty();
        String passwordHash = jdbc.queryForObject(
                "select password_hash from platform_account where username = 'audit-secret-user'", String.class);
        String tokenHash = jdbc.queryForObject(
                "select t.token_hash from platform_api_token t join platform_account a on a.id = t.account_id"
                        + " where a.username = 'audit-secret-user'",
                String.class);
        String all = String.join(
                "\n",
                jdbc.queryForList(
                        "select coalesce(before_state, '') || coalesce(after_state, '') from platform_audit_entry",
                        String.class));
        assertThat(all).doesNotContain(passwordHash).doesNotContain(tokenHash).doesNotContain("$2a$");
        assertThat(states).anyMatch(s -> s.contains("\"passwordHash\":\"(redacted)\""));
        assertThat(states).anyMatch(s -> s.contains("\"tokenHash\":\"(redacted)\""));
    }

    @Test
    void theMigrationPurgesSecretsAlreadyInTheTrailRechainsAndVerificationSaysWhen() throws Exception {
        // What earlier versions wrote: an account's state with its bcrypt hash, properly chained.
        String head = jdbc.queryForObject("select last_hash from platform_audit_head where id = 1", String.class)
                .strip();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String after = "{\"username\":\"old\",\"passwordHash\":\"$2a$10$abcdefghijklmnopqrstuv\",\"role\":\"VIEWER\"}";
        String hash = AuditEntry.hash(head, at, "admin", "create", "Account", "999", null, after);
        jdbc.update(
                "insert into platform_audit_entry (at, actor, action, record_type, record_id, before_state,"
                        + " after_state, previous_hash, hash) values (?, 'admin', 'create', 'Account', '999', null, ?,"
                        + " ?, ?)",
                Timestamp.from(at),
                after,
                head,
                hash);
        jdbc.update("update platform_audit_head set last_hash = ? where id = 1", hash);
        assertThat(admin.get("/api/audit/verify").json().get("intact").asBoolean())
                .isTrue();

        RedactAuditSecrets.Outcome outcome;
        try (var c = jdbc.getDataSource().getConnection()) {
            outcome = RedactAuditSecrets.redact(c, "test redaction");
        }
        assertThat(outcome.redacted()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where after_state like '%$2a$%'", Long.class))
                .isZero();

        JsonNode verdict = admin.get("/api/audit/verify").json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        JsonNode redaction = verdict.get("redactions").get(0);
        assertThat(redaction.get("entries").asInt()).isEqualTo(1);
        assertThat(redaction.get("note").asString()).isEqualTo("test redaction");
        assertThat(Instant.parse(redaction.get("at").asString())).isAfterOrEqualTo(at);
        assertThat(Map.of("first", redaction.get("firstEntry").asLong())).containsEntry("first", outcome.firstEntry());
    }

    @Test
    void aWriteIsInTheChainWhenItIsAnsweredAndEntriesACrashLeftUnlinkedAreLinkedByTheNextSeal() {
        // Answered only once its entries are linked: nothing of it is left waiting.
        assertThat(admin.post("/api/sources", "{\"publisher\":\"Witness\",\"title\":\"Linked at once\"}")
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where after_state like '%Linked at once%'",
                        Long.class))
                .isEqualTo(1);

        // What a node killed between its commit and the seal leaves: committed entries, not yet linked.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update(
                "insert into platform_audit_pending (at, actor, action, record_type, record_id, before_state,"
                        + " after_state) values (?, 'admin', 'create', 'Source', '-7', null, '{\"title\":\"Left by a crash\"}')",
                Timestamp.from(at));
        JsonNode verdict = admin.get("/api/audit/verify").json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from platform_audit_pending", Long.class))
                .isZero();
        List<Row> rows = rows();
        Row last =
                rows.stream().filter(r -> "-7".equals(r.recordId())).findFirst().orElseThrow();
        assertThat(last.at()).isEqualTo(at);
        assertThat(last.hash())
                .isEqualTo(AuditEntry.hash(
                        last.previous(),
                        at,
                        "admin",
                        "create",
                        "Source",
                        "-7",
                        null,
                        "{\"title\":\"Left by a crash\"}"));
    }
}
