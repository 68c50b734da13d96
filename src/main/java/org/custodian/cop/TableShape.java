package org.custodian.cop;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A table as the database declares it, as much as the region export needs to read, hash and write its rows:
 * columns and their kinds (generated columns left out: the database writes them), the identity column whose
 * numbers are this instance's own, single-column foreign keys, and the smallest unique key other than the
 * primary key (how a shared row, an agency or a source, is found again in another instance). Names in lower
 * case; {@code stored} is the spelling the database keeps, for quoted SQL.
 */
record TableShape(
        String name,
        String stored,
        List<Column> columns,
        @Nullable String identity,
        Map<String, Reference> references,
        List<String> uniqueKey) {

    /** How a column's values are read, written as JSON and bound again. */
    enum Kind {
        TEXT,
        INTEGER,
        REAL,
        DECIMAL,
        BOOLEAN,
        DATE,
        TIME,
        LOCAL_DATE_TIME,
        INSTANT,
        BINARY,
        GEOMETRY,
        /** A database type of its own (PostgreSQL jsonb, uuid): kept as text, bound as such. */
        OTHER
    }

    record Column(String name, String stored, Kind kind, int sqlType) {}

    /** A foreign key: the column it points at in another table (or the same). */
    record Reference(String table, String column) {}

    @Nullable
    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    @Nullable
    Column geometry() {
        return columns.stream()
                .filter(c -> c.kind() == Kind.GEOMETRY)
                .findFirst()
                .orElse(null);
    }
}
