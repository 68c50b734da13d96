package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Every write is audited with who, what, before and after, in a chain that shows tampering. */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsWhoChangedWhatWithTheStateBeforeAndAfter() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("audited-user", "VIEWER", "KHJ", "audited-user-password"))
                .isEqualTo(201);
        long id = jdbc.queryForObject("select id from platform_account where username = 'audited-user'", Long.class);
        assertThat(admin.put(
                                "/api/users/audited-user",
                                Api.json(Map.of(
                                        "displayName",
                                        "Second name",
                                        "role",
                                        "VIEWER",
                                        "regions",
                                        java.util.List.of("KHJ"),
                                        "enabled",
                                        true)))
                        .status())
                .isEqualTo(200);

        JsonNode entries =
                admin.get("/api/audit?recordType=Account&recordId=" + id).json();
        assertThat(entries).hasSize(2);
        JsonNode update = entries.get(0);
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("before").asString()).contains("\"displayName\":\"audited-user\"");
        assertThat(update.get("after").asString()).contains("Second name");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("create");
        assertThat(entries.get(1).get("before").isNull()).isTrue();
    }

    @Test
    void aRefusedWriteLeavesNoAuditEntry() {
        Api admin = Api.at(port).asAdmin();
        long before = jdbc.queryForObject("select count(*) from platform_audit_entry", Long.class);
        assertThat(admin.post("/api/sources", "{\"publisher\":\"P\",\"title\":\"T\",\"link\":\"ftp://x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from platform_audit_entry", Long.class))
                .isEqualTo(before);
    }

    @Test
    void verificationNamesTheFirstAlteredEntry() {
        Api admin = Api.at(port).asAdmin();
        admin.post("/api/sources", "{\"publisher\":\"Tamper\",\"title\":\"One\"}");
        admin.post("/api/sources", "{\"publisher\":\"Tamper\",\"title\":\"Two\"}");
        JsonNode intact = admin.get("/api/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("entriesChecked").asLong()).isPositive();

        long victim = jdbc.queryForObject(
                "select min(id) from platform_audit_entry where after_state like '%\"One\"%'", Long.class);
        jdbc.update(
                "update platform_audit_entry set after_state = replace(after_state, 'One', 'Uno') where id = ?",
                victim);

        JsonNode broken = admin.get("/api/audit/verify").json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenEntry").asLong()).isEqualTo(victim);
        assertThat(broken.get("reason").asString()).contains("altered");
    }
}
