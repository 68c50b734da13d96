package org.custodian.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * The statements of one chain's part of a seal round ({@link SealedChain}): lock the head and take the oldest
 * pending entries, then insert them linked and move the head. On PostgreSQL each of the two is one round trip
 * (two statements sent together); on the embedded H2 they are sent one by one. A round runs after every
 * audited write, so its round trips are a good part of what a write costs the database.
 */
public final class SealRound {

    /** What a round read: the head's row, locked, and the oldest pending entries in the order they were written. */
    public record Taken<H>(H head, List<Object[]> entries) {}

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public SealRound(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Database.isPostgres(jdbc);
    }

    /**
     * Locks the head ({@code lockHead}: a select of its one row, for update) and removes the {@code max} oldest
     * entries of the pending table, returning their {@code columns}; the first column is the pending id, by
     * which the entries are ordered. Runs inside the caller's transaction.
     */
    public <H> Taken<H> take(
            String lockHead, RowMapper<H> head, String pending, String columns, int max, RowMapper<Object[]> entry) {
        String oldest = "id in (select id from " + pending + " order by id fetch first " + max + " rows only)";
        List<Object[]> entries = new ArrayList<>();
        H locked;
        if (postgres) {
            locked = jdbc.execute((ConnectionCallback<H>) c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(lockHead + "; delete from " + pending + " where " + oldest + " returning " + columns);
                    H h = one(s.getResultSet(), head);
                    s.getMoreResults();
                    read(s.getResultSet(), entry, entries);
                    return h;
                }
            });
        } else {
            locked = jdbc.queryForObject(lockHead, head);
            jdbc.query(
                    "select " + columns + " from old table (delete from " + pending + " where " + oldest + ")", rs -> {
                        entries.add(entry.mapRow(rs, entries.size()));
                    });
        }
        // The deleted rows come back in no particular order.
        entries.sort(Comparator.comparingLong(r -> ((Number) r[0]).longValue()));
        return new Taken<>(Objects.requireNonNull(locked, "the chain's head is missing"), entries);
    }

    /**
     * Inserts the linked entries ({@code insert}: {@code insert into table (columns)}, one value an element of
     * each row) and moves the head ({@code moveHead} with its arguments), in the caller's transaction.
     */
    public void link(String insert, List<Object[]> rows, String moveHead, Object... headArgs) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String values = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        if (!postgres) {
            jdbc.batchUpdate(insert + " values " + values, rows);
            jdbc.update(moveHead, headArgs);
            return;
        }
        String sql = insert + " values " + String.join(", ", java.util.Collections.nCopies(rows.size(), values)) + "; "
                + moveHead;
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (Object[] row : rows) {
                    for (Object value : row) {
                        StatementCreatorUtils.setParameterValue(s, p++, SqlTypeValue.TYPE_UNKNOWN, value);
                    }
                }
                for (Object value : headArgs) {
                    StatementCreatorUtils.setParameterValue(s, p++, SqlTypeValue.TYPE_UNKNOWN, value);
                }
                s.execute();
                return null;
            }
        });
    }

    private static <H> H one(ResultSet rs, RowMapper<H> head) throws SQLException {
        try (rs) {
            if (!rs.next()) {
                throw new IncorrectResultSizeDataAccessException(1, 0);
            }
            return Objects.requireNonNull(head.mapRow(rs, 0));
        }
    }

    private static void read(ResultSet rs, RowMapper<Object[]> entry, List<Object[]> into) throws SQLException {
        try (rs) {
            while (rs.next()) {
                into.add(Objects.requireNonNull(entry.mapRow(rs, into.size())));
            }
        }
    }
}
