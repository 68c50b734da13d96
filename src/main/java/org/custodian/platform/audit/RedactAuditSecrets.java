package org.custodian.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.custodian.platform.NumberedMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Migration 36: purges the secrets (account password hashes, token hashes) that earlier versions wrote into
 * audit snapshots, with the rule of {@link AuditSecrets}. The redacted entries no longer hash to their stored
 * hashes, so the chain is recomputed from the first of them with {@link AuditEntry#hash}, and the redaction is
 * recorded (when, how many entries, the heads before and after) in {@code platform_audit_redaction}, which
 * verification reports. It runs before the first checkpoint is ever signed (checkpoints came with it), so no
 * signed head is lost.
 */
@Component
class RedactAuditSecrets extends NumberedMigration {

    /** What a redaction did. */
    record Outcome(int redacted, @Nullable Long firstEntry, String previousHead, String newHead) {}

    RedactAuditSecrets() {
        super(36, "redact audit secrets");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        redact(context.getConnection(), "secrets removed from audit snapshots by migration 36");
    }

    /** Redacts every entry that holds a secret and recomputes the chain from the first one changed. */
    static Outcome redact(Connection connection, String note) throws SQLException {
        String previousHead;
        try (PreparedStatement head = connection.prepareStatement(
                        "select last_hash from platform_audit_head where id = 1 for update");
                ResultSet rs = head.executeQuery()) {
            previousHead = rs.next() ? rs.getString(1).strip() : AuditEntry.GENESIS;
        }
        int redacted = 0;
        Long first = null;
        String previous = AuditEntry.GENESIS;
        try (PreparedStatement select = connection.prepareStatement(
                        "select id, at, actor, action, record_type, record_id, before_state, after_state, hash"
                                + " from platform_audit_entry order by id");
                PreparedStatement update = connection.prepareStatement("update platform_audit_entry set"
                        + " before_state = ?, after_state = ?, previous_hash = ?, hash = ? where id = ?");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String before = rs.getString("before_state");
                String after = rs.getString("after_state");
                String cleanBefore = before == null ? null : AuditSecrets.redact(before);
                String cleanAfter = after == null ? null : AuditSecrets.redact(after);
                boolean changed =
                        !java.util.Objects.equals(before, cleanBefore) || !java.util.Objects.equals(after, cleanAfter);
                if (changed) {
                    redacted++;
                    if (first == null) {
                        first = id;
                    }
                }
                if (first == null) {
                    previous = rs.getString("hash").strip();
                    continue;
                }
                Instant at = rs.getTimestamp("at").toInstant();
                String hash = AuditEntry.hash(
                        previous,
                        at,
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("record_type"),
                        rs.getString("record_id"),
                        cleanBefore,
                        cleanAfter);
                update.setString(1, cleanBefore);
                update.setString(2, cleanAfter);
                update.setString(3, previous);
                update.setString(4, hash);
                update.setLong(5, id);
                update.executeUpdate();
                previous = hash;
            }
        }
        if (first == null) {
            return new Outcome(0, null, previousHead, previousHead);
        }
        try (PreparedStatement head =
                connection.prepareStatement("update platform_audit_head set last_hash = ? where id = 1")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
        try (PreparedStatement record = connection.prepareStatement(
                "insert into platform_audit_redaction (at, entries_redacted, first_entry, previous_head, new_head,"
                        + " note) values (?, ?, ?, ?, ?, ?)")) {
            record.setTimestamp(1, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            record.setInt(2, redacted);
            record.setLong(3, first);
            record.setString(4, previousHead);
            record.setString(5, previous);
            record.setString(6, note);
            record.executeUpdate();
        }
        return new Outcome(redacted, first, previousHead, previous);
    }
}
