package org.custodian.custody;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The embedded database's keeper of a site's count of held items ({@code custody_site.held_items}), as the
 * PostgreSQL trigger of the same migration: an item held at a site (IN_CUSTODY) counts there, whatever wrote
 * it. Public because H2 instantiates it by name.
 */
public final class HeldItems implements org.h2.api.Trigger {

    private int site = -1;
    private int status = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                switch (columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT)) {
                    case "site_id" -> site = columns.getInt("ORDINAL_POSITION") - 1;
                    case "status" -> status = columns.getInt("ORDINAL_POSITION") - 1;
                    default -> {}
                }
            }
        }
        if (site < 0 || status < 0) {
            throw new SQLException("custody_item has no site_id or status column");
        }
    }

    @Override
    public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
            throws SQLException {
        Object from = heldAt(oldRow);
        Object to = heldAt(newRow);
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            add(connection, from, -1);
        }
        if (to != null) {
            add(connection, to, 1);
        }
    }

    /** The site the row holds its item at, or null when the item is not held (or there is no row). */
    private @Nullable Object heldAt(Object @Nullable [] row) {
        return row != null && "IN_CUSTODY".equals(String.valueOf(row[status]).strip()) ? row[site] : null;
    }

    private static void add(Connection connection, Object siteId, int change) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("update custody_site set held_items = held_items + ? where id = ?")) {
            update.setInt(1, change);
            update.setObject(2, siteId);
            update.executeUpdate();
        }
    }
}
