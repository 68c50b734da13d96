package org.custodian.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.Checkpoints;
import org.custodian.platform.HashChain;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log and verifies its hash chain, against the last signed checkpoint too. The application
 * never updates or deletes entries (migration 36 redacted secrets once, and verification says so). Entries
 * still waiting for {@link AuditSeal} are linked before a verification.
 */
@Component
public class AuditLog implements HashChain {

    static final String CHAIN = "audit";

    private static final String COLUMNS =
            "id, at, actor, action, record_type, record_id, before_state, after_state, previous_hash, hash";

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final AuditSeal seal;

    AuditLog(JdbcTemplate jdbc, Checkpoints checkpoints, AuditSeal seal) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.seal = seal;
    }

    /**
     * Result of a verification: how many entries were checked, the first broken link if any, the last
     * checkpoint checked against (null before the first), and each time secrets were redacted and the chain
     * recomputed.
     */
    public record Verification(
            long entriesChecked,
            boolean intact,
            @Nullable Long firstBrokenEntry,
            @Nullable String reason,
            Checkpoints.@Nullable Checkpoint checkpoint,
            List<Redaction> redactions) {}

    /** Secrets purged from {@code entries} entries, the chain recomputed from {@code firstEntry}. */
    public record Redaction(
            Instant at, int entries, @Nullable Long firstEntry, String note) {}

    @Override
    public String name() {
        return CHAIN;
    }

    @Override
    public Optional<Head> verifiedHead() {
        seal.sealPending();
        Walk walk = walk();
        return walk.broken == null ? Optional.of(new Head(walk.checked, walk.previous)) : Optional.empty();
    }

    @Override
    public Optional<String> hashAt(long position) {
        if (position < 1) {
            return Optional.of(AuditEntry.GENESIS);
        }
        return jdbc
                .query(
                        "select hash from platform_audit_entry order by id offset ? rows fetch next 1 rows only",
                        (rs, n) -> rs.getString(1),
                        position - 1)
                .stream()
                .findFirst();
    }

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

    /** What the audit page filters by; a null field does not filter. Dates are whole UTC days, both included. */
    record Filter(
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable String actor,
            java.time.@Nullable LocalDate from,
            java.time.@Nullable LocalDate to) {}

    /** The entries that match, newest first, {@code limit} of them after skipping {@code offset}. */
    List<AuditEntry> search(Filter filter, long offset, int limit) {
        Instant from = filter.from() == null
                ? null
                : filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant until = filter.to() == null
                ? null
                : filter.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return jdbc.query(
                "select " + COLUMNS
                        + " from platform_audit_entry where (cast(? as varchar(200)) is null or record_type = ?)"
                        + " and (cast(? as varchar(200)) is null or record_id = ?)"
                        + " and (cast(? as varchar(200)) is null or actor = ?)"
                        + " and (cast(? as timestamp with time zone) is null or at >= ?)"
                        + " and (cast(? as timestamp with time zone) is null or at < ?)"
                        + " order by id desc offset ? rows fetch next ? rows only",
                (rs, n) -> entry(rs),
                filter.recordType(),
                filter.recordType(),
                filter.recordId(),
                filter.recordId(),
                filter.actor(),
                filter.actor(),
                timestamp(from),
                timestamp(from),
                timestamp(until),
                timestamp(until),
                offset,
                limit);
    }

    private static java.time.@Nullable OffsetDateTime timestamp(@Nullable Instant at) {
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    /** The kinds of record the log holds, to filter by. */
    List<String> recordTypes() {
        return jdbc.queryForList("select distinct record_type from platform_audit_entry order by 1", String.class);
    }

    /**
     * Links what is pending, recomputes every hash in order, stops at the first entry that does not match, then
     * checks the chain against its last checkpoint.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        seal.sealPending();
        Walk walk = walk();
        Long broken = walk.broken;
        String reason = walk.reason;
        if (broken == null) {
            String head = jdbc.queryForObject("select last_hash from platform_audit_head where id = 1", String.class);
            if (!walk.previous.equals(head == null ? null : head.strip())) {
                reason = "the last entries were removed (the chain head does not match)";
            }
        }
        Checkpoints.Checkpoint checkpoint = null;
        if (broken == null && reason == null) {
            Checkpoints.Finding finding = checkpoints.check(CHAIN, walk.checked, this::hashAt);
            checkpoint = finding.checkpoint();
            reason = finding.problem();
        }
        List<Redaction> redactions = jdbc.query(
                "select at, entries_redacted, first_entry, note from platform_audit_redaction order by id",
                (rs, n) -> new Redaction(
                        rs.getTimestamp(1).toInstant(),
                        rs.getInt(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4)));
        return new Verification(walk.checked, reason == null, broken, reason, checkpoint, redactions);
    }

    /** How far the chain holds: entries checked, the last good hash, the first broken entry and why. */
    private static final class Walk {
        long checked;
        String previous = AuditEntry.GENESIS;

        @Nullable
        Long broken;

        @Nullable
        String reason;
    }

    private Walk walk() {
        Walk state = new Walk();
        jdbc.query("select " + COLUMNS + " from platform_audit_entry order by id", (RowCallbackHandler) rs -> {
            if (state.broken != null) {
                return;
            }
            AuditEntry e = entry(rs);
            if (!e.previousHash().equals(state.previous)) {
                state.broken = e.id();
                state.reason = "its previous hash does not match the entry before it (an entry was removed or altered)";
            } else if (!e.expectedHash().equals(e.hash())) {
                state.broken = e.id();
                state.reason = "its content does not match its hash (the entry was altered)";
            } else {
                state.checked++;
                state.previous = e.hash();
            }
        });
        return state;
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
