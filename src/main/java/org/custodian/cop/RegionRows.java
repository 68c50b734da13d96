package org.custodian.cop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodian.geo.RegionRecords;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Reads a region's rows from the database and writes them into another, through JDBC and the tables'
 * declared structure, the same on H2GIS and PostGIS. Reading follows foreign keys from the region's rows to
 * the rows they cite outside the declared tables (the region itself, agencies, sources), so a file is
 * complete. Writing gives every row a new identity number, carries the new numbers into the rows that cite
 * it, and finds shared rows already held by their unique key instead of writing them twice. Works on the
 * connection given, inside its caller's transaction.
 */
final class RegionRows {

    /** Rows of one table as read: their values, and whether each was only cited (a shared row). */
    record Row(Map<String, @Nullable Object> values, boolean cited) {}

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final Map<String, TableShape> shapes = new HashMap<>();

    RegionRows(Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
    }

    /** The table's structure, or null when the database has no such table. */
    @Nullable
    TableShape shape(String table) throws SQLException {
        if (shapes.containsKey(table)) {
            return shapes.get(table);
        }
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<TableShape.Column> columns = new ArrayList<>();
        boolean identityByDatabase = false;
        try (ResultSet rs = meta.getColumns(null, null, stored, null)) {
            while (rs.next()) {
                if (!schemaOfApplication(rs.getString("TABLE_SCHEM"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                if ("YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))) {
                    continue;
                }
                columns.add(new TableShape.Column(
                        name.toLowerCase(Locale.ROOT),
                        name,
                        kind(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                        rs.getInt("DATA_TYPE")));
                identityByDatabase |= "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
            }
        }
        if (columns.isEmpty()) {
            shapes.put(table, null);
            return null;
        }
        List<String> primary = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, null, stored)) {
            while (rs.next()) {
                if (schemaOfApplication(rs.getString("TABLE_SCHEM"))) {
                    primary.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        String identity =
                primary.size() == 1 && (identityByDatabase || primary.getFirst().equals("id"))
                        ? primary.getFirst()
                        : null;
        Map<String, TableShape.Reference> references = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, null, stored)) {
            while (rs.next()) {
                if (schemaOfApplication(rs.getString("FKTABLE_SCHEM"))) {
                    references.put(
                            rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                            new TableShape.Reference(
                                    rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                                    rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)));
                }
            }
        }
        Map<String, List<String>> uniques = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, null, stored, true, true)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (column != null && schemaOfApplication(rs.getString("TABLE_SCHEM"))) {
                    uniques.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>())
                            .add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        // The same key on both databases, whatever they named its index: the fewest columns, then by name.
        List<String> uniqueKey = uniques.values().stream()
                .map(c -> c.stream().sorted().toList())
                .filter(c -> !c.equals(primary.stream().sorted().toList()))
                .min(Comparator.<List<String>>comparingInt(List::size).thenComparing(Object::toString))
                .orElse(List.of());
        TableShape shape = new TableShape(table, stored, List.copyOf(columns), identity, references, uniqueKey);
        shapes.put(table, shape);
        return shape;
    }

    Map<String, TableShape> shapes() {
        Map<String, TableShape> known = new HashMap<>();
        shapes.forEach((k, v) -> {
            if (v != null) {
                known.put(k, v);
            }
        });
        return known;
    }

    private static boolean schemaOfApplication(@Nullable String schema) {
        return schema == null || schema.equalsIgnoreCase("public");
    }

    /**
     * The region's rows of each declared table, then every row they cite that the file would otherwise lack,
     * the region's own row first among them; tables in an order where a cited row comes before its citers.
     */
    Map<String, List<Row>> read(List<RegionRecords.Table> declared, String region) throws SQLException {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (RegionRecords.Table table : declared) {
            TableShape shape = require(table.name());
            for (String own : table.ownColumns()) {
                if (shape.column(own) == null) {
                    throw new IllegalStateException(table.name() + " has no column " + own + " to carry empty");
                }
            }
            Object[] parameters = new Object[table.parameters()];
            java.util.Arrays.fill(parameters, region);
            rows.put(table.name(), select(shape, table.regionRows(), parameters, false, table.ownColumns()));
        }
        TableShape regions = require("territory_region");
        rows.computeIfAbsent("territory_region", k -> new ArrayList<>());
        if (rows.get("territory_region").isEmpty()) {
            rows.get("territory_region").addAll(select(regions, "code = ?", new Object[] {region}, true, Set.of()));
        }
        // Cited rows the file lacks, fetched until none is missing (a source's earlier version, an agency).
        Set<String> companionsTried = new HashSet<>();
        for (boolean more = true; more; ) {
            more = false;
            Map<TableShape.Reference, Set<Object>> missing = new LinkedHashMap<>();
            for (Map.Entry<String, List<Row>> entry : List.copyOf(rows.entrySet())) {
                TableShape shape = require(entry.getKey());
                for (Row row : entry.getValue()) {
                    shape.references().forEach((column, reference) -> {
                        Object value = row.values().get(column);
                        if (value != null) {
                            missing.computeIfAbsent(reference, k -> new HashSet<>())
                                    .add(value);
                        }
                    });
                }
            }
            for (Map.Entry<TableShape.Reference, Set<Object>> m : missing.entrySet()) {
                TableShape cited = require(m.getKey().table());
                Set<Object> held = new HashSet<>();
                rows.getOrDefault(cited.name(), List.of()).forEach(r -> {
                    Object v = r.values().get(m.getKey().column());
                    if (v != null) {
                        held.add(v);
                    }
                });
                List<Object> wanted =
                        m.getValue().stream().filter(v -> !held.contains(v)).toList();
                if (wanted.isEmpty()) {
                    continue;
                }
                more = true;
                TableShape.Column column = cited.column(m.getKey().column());
                for (int from = 0; from < wanted.size(); from += 500) {
                    List<Object> batch = wanted.subList(from, Math.min(wanted.size(), from + 500));
                    String in = quoted(column.stored()) + " in ("
                            + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")";
                    rows.computeIfAbsent(cited.name(), k -> new ArrayList<>())
                            .addAll(select(cited, in, batch.toArray(), true, Set.of()));
                }
            }
            more |= fetchCompanions(rows, companionsTried);
        }
        return ordered(rows);
    }

    /**
     * A cited row's one-to-one companions (a source's attachment: a table whose primary key cites the row)
     * travel with it, or the other instance would hold the source without its file. Answers whether any
     * companion not yet tried was looked for; {@code tried} keeps the rows already looked for.
     */
    private boolean fetchCompanions(Map<String, List<Row>> rows, Set<String> tried) throws SQLException {
        boolean looked = false;
        for (Map.Entry<String, List<Row>> entry : List.copyOf(rows.entrySet())) {
            TableShape shape = require(entry.getKey());
            if (shape.identity() == null) {
                continue;
            }
            List<Object> owners = new ArrayList<>();
            for (Row row : entry.getValue()) {
                Object id = row.values().get(shape.identity());
                if (row.cited() && id != null && tried.add(shape.name() + "\n" + id)) {
                    owners.add(id);
                }
            }
            if (owners.isEmpty()) {
                continue;
            }
            looked = true;
            for (TableShape.Reference companion : companions(shape)) {
                TableShape table = require(companion.table());
                String column = quoted(table.column(companion.column()).stored());
                Set<Object> held = new HashSet<>();
                rows.getOrDefault(table.name(), List.of())
                        .forEach(r -> held.add(r.values().get(companion.column())));
                List<Object> wanted =
                        owners.stream().filter(o -> !held.contains(o)).toList();
                for (int from = 0; from < wanted.size(); from += 500) {
                    List<Object> batch = wanted.subList(from, Math.min(wanted.size(), from + 500));
                    String in =
                            column + " in (" + String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")";
                    rows.computeIfAbsent(table.name(), k -> new ArrayList<>())
                            .addAll(select(table, in, batch.toArray(), true, Set.of()));
                }
            }
        }
        return looked;
    }

    /** The tables whose primary key is one column citing this table's identity: its one-to-one companions. */
    private List<TableShape.Reference> companions(TableShape shape) throws SQLException {
        List<TableShape.Reference> out = new ArrayList<>();
        try (ResultSet rs = meta.getExportedKeys(null, null, shape.stored())) {
            while (rs.next()) {
                if (!schemaOfApplication(rs.getString("FKTABLE_SCHEM"))) {
                    continue;
                }
                String table = rs.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT);
                String column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                TableShape citing = require(table);
                if (citing.identity() == null && primaryKey(citing).equals(List.of(column))) {
                    out.add(new TableShape.Reference(table, column));
                }
            }
        }
        out.sort(Comparator.comparing(TableShape.Reference::table));
        return out;
    }

    private List<String> primaryKey(TableShape shape) throws SQLException {
        List<String> primary = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, null, shape.stored())) {
            while (rs.next()) {
                if (schemaOfApplication(rs.getString("TABLE_SCHEM"))) {
                    primary.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return primary;
    }

    /** Tables so that each comes after the tables it cites (a table citing itself keeps its rows' order). */
    <T> Map<String, T> ordered(Map<String, T> tables) throws SQLException {
        Map<String, T> out = new LinkedHashMap<>();
        Set<String> visiting = new HashSet<>();
        for (String table : tables.keySet()) {
            visit(table, tables, out, visiting);
        }
        return out;
    }

    private <T> void visit(String table, Map<String, T> tables, Map<String, T> out, Set<String> visiting)
            throws SQLException {
        if (out.containsKey(table) || !tables.containsKey(table) || !visiting.add(table)) {
            return;
        }
        for (TableShape.Reference r : require(table).references().values()) {
            if (!r.table().equals(table)) {
                visit(r.table(), tables, out, visiting);
            }
        }
        out.put(table, tables.get(table));
    }

    /** Rows of a table; {@code own} columns are read empty (see {@link RegionRecords.Table#withOwnColumns}). */
    private List<Row> select(TableShape shape, String condition, Object[] parameters, boolean cited, Set<String> own)
            throws SQLException {
        List<String> selected = new ArrayList<>();
        for (TableShape.Column c : shape.columns()) {
            selected.add(
                    c.kind() == TableShape.Kind.GEOMETRY
                            ? "ST_AsBinary(" + quoted(c.stored()) + ")"
                            : quoted(c.stored()));
        }
        String order = shape.identity() == null
                ? ""
                : " order by " + quoted(shape.column(shape.identity()).stored());
        String sql = "select " + String.join(", ", selected) + " from " + shape.name() + " where " + condition + order;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, @Nullable Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < shape.columns().size(); i++) {
                        TableShape.Column c = shape.columns().get(i);
                        values.put(c.name(), own.contains(c.name()) ? null : value(rs, i + 1, c.kind()));
                    }
                    rows.add(new Row(values, cited));
                }
            }
        }
        return rows;
    }

    /** A column's value as the JSON the file carries (see {@link RecordDigests}). */
    private static @Nullable Object value(ResultSet rs, int i, TableShape.Kind kind) throws SQLException {
        Object value =
                switch (kind) {
                    case INTEGER -> rs.getLong(i);
                    case REAL -> rs.getDouble(i);
                    case DECIMAL -> {
                        BigDecimal d = rs.getBigDecimal(i);
                        yield d == null ? null : d.stripTrailingZeros().toPlainString();
                    }
                    case BOOLEAN -> rs.getBoolean(i);
                    case DATE -> {
                        LocalDate d = rs.getObject(i, LocalDate.class);
                        yield d == null ? null : d.toString();
                    }
                    case TIME -> {
                        LocalTime t = rs.getObject(i, LocalTime.class);
                        yield t == null ? null : t.toString();
                    }
                    case LOCAL_DATE_TIME -> {
                        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                        yield t == null ? null : t.toString();
                    }
                    case INSTANT -> {
                        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                        yield t == null ? null : t.toInstant().toString();
                    }
                    case BINARY -> {
                        byte[] b = rs.getBytes(i);
                        yield b == null ? null : Base64.getEncoder().encodeToString(b);
                    }
                    case GEOMETRY -> {
                        byte[] b = rs.getBytes(i);
                        yield b == null ? null : canonicalWkb(b);
                    }
                    case TEXT, OTHER -> rs.getString(i);
                };
        return rs.wasNull() ? null : value;
    }

    /** Well-known binary in one byte order and two dimensions, as hexadecimal: the same from both databases. */
    static String canonicalWkb(byte[] wkb) {
        try {
            return WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(new WKBReader().read(wkb)));
        } catch (ParseException e) {
            throw new IllegalStateException("a geometry the database wrote could not be read: " + e.getMessage(), e);
        }
    }

    private static TableShape.Kind kind(int sqlType, @Nullable String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.contains("geometry")) {
            return TableShape.Kind.GEOMETRY;
        }
        if (name.equals("timestamptz") || (name.startsWith("timestamp") && name.contains("with time zone"))) {
            return TableShape.Kind.INSTANT;
        }
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> TableShape.Kind.INTEGER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> TableShape.Kind.REAL;
            case Types.NUMERIC, Types.DECIMAL -> TableShape.Kind.DECIMAL;
            case Types.BIT, Types.BOOLEAN -> TableShape.Kind.BOOLEAN;
            case Types.DATE -> TableShape.Kind.DATE;
            case Types.TIME -> TableShape.Kind.TIME;
            case Types.TIMESTAMP -> TableShape.Kind.LOCAL_DATE_TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TableShape.Kind.INSTANT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> TableShape.Kind.BINARY;
            case Types.OTHER, Types.JAVA_OBJECT -> TableShape.Kind.OTHER;
            default -> TableShape.Kind.TEXT;
        };
    }

    /** How many rows the region already holds in a table. */
    long count(RegionRecords.Table table, String region) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("select count(*) from " + table.name() + " where " + table.regionRows())) {
            for (int i = 1; i <= table.parameters(); i++) {
                st.setString(i, region);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Writes the rows, tables in the order given (cited before citers), each with a new identity number; a
     * cited row whose unique key the database already holds is found, not written. Answers the rows written
     * per table.
     */
    Map<String, Long> write(Map<String, List<Row>> tables) throws SQLException {
        Map<String, Map<Object, Object>> numbers = new HashMap<>();
        Map<String, Set<Object>> found = new HashMap<>();
        Map<String, Long> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> entry : tables.entrySet()) {
            TableShape shape = require(entry.getKey());
            long count = 0;
            for (Row row : entry.getValue()) {
                if (row.cited() && shape.identity() == null && ownerFound(shape, row, found)) {
                    // A companion of a shared row this database already held: that row's own companion stays.
                    continue;
                }
                Map<String, @Nullable Object> values = renumbered(shape, row.values(), numbers);
                Object old = shape.identity() == null ? null : row.values().get(shape.identity());
                Object held = row.cited() ? existing(shape, values) : null;
                Object now = held != null ? held : insert(shape, values);
                if (held == null) {
                    count++;
                } else if (old != null) {
                    found.computeIfAbsent(shape.name(), k -> new HashSet<>()).add(old);
                }
                if (old != null && now != null) {
                    numbers.computeIfAbsent(shape.name(), k -> new HashMap<>()).put(old, now);
                }
            }
            written.put(shape.name(), count);
        }
        return written;
    }

    private static boolean ownerFound(TableShape shape, Row row, Map<String, Set<Object>> found) {
        for (Map.Entry<String, TableShape.Reference> fk : shape.references().entrySet()) {
            Object value = row.values().get(fk.getKey());
            if (value != null
                    && found.getOrDefault(fk.getValue().table(), Set.of()).contains(value)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, @Nullable Object> renumbered(
            TableShape shape, Map<String, @Nullable Object> values, Map<String, Map<Object, Object>> numbers)
            throws SQLException {
        Map<String, @Nullable Object> out = new LinkedHashMap<>(values);
        for (Map.Entry<String, TableShape.Reference> fk : shape.references().entrySet()) {
            Object value = values.get(fk.getKey());
            TableShape cited = require(fk.getValue().table());
            if (value == null || !fk.getValue().column().equals(cited.identity())) {
                continue;
            }
            Object now = numbers.getOrDefault(cited.name(), Map.of()).get(value);
            if (now == null) {
                throw new IllegalArgumentException("a record of " + shape.name() + " cites " + cited.name() + " "
                        + value + ", which the file does not hold");
            }
            out.put(fk.getKey(), now);
        }
        return out;
    }

    /** The identity number of the row already held with the same unique key, or null. */
    private @Nullable Object existing(TableShape shape, Map<String, @Nullable Object> values) throws SQLException {
        if (shape.uniqueKey().isEmpty() || shape.identity() == null) {
            return null;
        }
        List<String> conditions = new ArrayList<>();
        for (String column : shape.uniqueKey()) {
            conditions.add(quoted(shape.column(column).stored()) + (values.get(column) == null ? " is null" : " = ?"));
        }
        String sql = "select " + quoted(shape.column(shape.identity()).stored()) + " from " + shape.name() + " where "
                + String.join(" and ", conditions);
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            int i = 1;
            for (String column : shape.uniqueKey()) {
                if (values.get(column) != null) {
                    bind(st, i++, shape.column(column), values.get(column));
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private @Nullable Object insert(TableShape shape, Map<String, @Nullable Object> values) throws SQLException {
        List<TableShape.Column> columns = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (Map.Entry<String, @Nullable Object> e : values.entrySet()) {
            TableShape.Column c = shape.column(e.getKey());
            if (c == null) {
                throw new IllegalArgumentException(
                        "the file's table " + shape.name() + " has a column " + e.getKey() + " this database lacks");
            }
            if (e.getKey().equals(shape.identity())) {
                continue;
            }
            columns.add(c);
            placeholders.add(c.kind() == TableShape.Kind.GEOMETRY ? "ST_GeomFromWKB(?, 4326)" : "?");
        }
        String sql = "insert into " + shape.name() + " ("
                + String.join(
                        ", ", columns.stream().map(c -> quoted(c.stored())).toList()) + ") values ("
                + String.join(", ", placeholders) + ")";
        try (PreparedStatement st = shape.identity() == null
                ? connection.prepareStatement(sql)
                : connection.prepareStatement(
                        sql, new String[] {shape.column(shape.identity()).stored()})) {
            for (int i = 0; i < columns.size(); i++) {
                bind(st, i + 1, columns.get(i), values.get(columns.get(i).name()));
            }
            st.executeUpdate();
            if (shape.identity() == null) {
                return null;
            }
            try (ResultSet keys = st.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement st, int i, TableShape.Column c, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            st.setNull(i, c.kind() == TableShape.Kind.GEOMETRY ? Types.BINARY : c.sqlType());
            return;
        }
        String text = value.toString();
        switch (c.kind()) {
            case INTEGER -> st.setLong(i, ((Number) value).longValue());
            case REAL -> st.setDouble(i, ((Number) value).doubleValue());
            case DECIMAL -> st.setBigDecimal(i, new BigDecimal(text));
            case BOOLEAN -> st.setBoolean(i, (Boolean) value);
            case DATE -> st.setObject(i, LocalDate.parse(text));
            case TIME -> st.setObject(i, LocalTime.parse(text));
            case LOCAL_DATE_TIME -> st.setObject(i, LocalDateTime.parse(text));
            case INSTANT -> st.setObject(i, OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC));
            case BINARY -> st.setBytes(i, Base64.getDecoder().decode(text));
            case GEOMETRY -> st.setBytes(i, WKBReader.hexToBytes(text));
            case OTHER -> st.setObject(i, text, Types.OTHER);
            case TEXT -> st.setString(i, text);
        }
    }

    private TableShape require(String table) throws SQLException {
        TableShape shape = shape(table);
        if (shape == null) {
            throw new IllegalArgumentException("this database has no table " + table);
        }
        return shape;
    }

    /** A name as the database keeps it, quoted: some columns bear words SQL reserves. */
    private static String quoted(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }
}
