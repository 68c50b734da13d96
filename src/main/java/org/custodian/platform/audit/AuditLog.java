package org.custodian.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log and verifies its hash chain. The application never updates or deletes entries. */
@Component
public class AuditLog {

    private static final String COLUMNS =
            "id, at, actor, action, record_type, record_id, before_state, after_state, previous_hash, hash";

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Result of a verification: how many entries were checked and the first broken link, if any. */
    public record Verification(
            long entriesChecked,
            boolean intact,
            @Nullable Long firstBrokenEntry,
            @Nullable String reason) {}

    List<AuditEntry> recent(@Nullable String recordType, @Nullable String recordId, int limit) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from platform_audit_entry where (cast(? as varchar(200)) is null or record_type = ?)"
                        + " and (cast(? as varchar(200)) is null or record_id = ?) order by id desc fetch first "
                        + limit + " rows only",
                (rs, n) -> entry(rs),
                recordType,
                recordType,
                recordId,
                recordId);
    }

    /** Recomputes every hash in order; stops at the first entry that does not match. */
    @Transactional(readOnly = true)
    public Verification verify() {
        var state = new Object() {
            long checked;
            String previous = AuditEntry.GENESIS;

            @Nullable
            Long broken;

            @Nullable
            String reason;
        };
        jdbc.query("select " + COLUMNS + " from platform_audit_entry order by id", (RowCallbackHandler) rs -> {
            if (state.broken != null) {
                return;
            }
            AuditEntry e = entry(rs);
            state.checked++;
            if (!e.previousHash().equals(state.previous)) {
                state.broken = e.id();
                state.reason =
                        "its previous hash does not match the entry before it (an entry was removed or" + " altered)";
            } else if (!e.expectedHash().equals(e.hash())) {
                state.broken = e.id();
                state.reason = "its content does not match its hash (the entry was altered)";
            }
            state.previous = e.hash();
        });
        if (state.broken == null) {
            String head = jdbc.queryForObject("select last_hash from platform_audit_head where id = 1", String.class);
            if (!state.previous.equals(head)) {
                return new Verification(
                        state.checked, false, null, "the last entries were removed (the chain head does not match)");
            }
        }
        return new Verification(state.checked, state.broken == null, state.broken, state.reason);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Instant at = rs.getTimestamp("at").toInstant();
        return new AuditEntry(
                rs.getLong("id"),
                at,
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("record_type"),
                rs.getString("record_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
