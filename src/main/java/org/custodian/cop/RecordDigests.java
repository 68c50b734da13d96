package org.custodian.cop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.platform.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * Content hashes of a region's records that do not depend on the instance that holds them. A record's
 * canonical form is a JSON object of its columns in name order, without its identity number, and with each
 * foreign key replaced by what the cited row is everywhere: its unique key (an agency's name, a region's
 * code) when its table has one, else the cited row's own digest. A table's hash is the SHA-256 of its
 * records' digests sorted, one a line; so two instances holding the same records answer the same hashes
 * whatever numbers and order their databases gave them.
 *
 * <p>Values are JSON values: {@link Long} for whole numbers, {@link Double} for others, {@link Boolean},
 * {@link String} (dates, instants and geometries as text), or null. Not thread-safe.
 */
final class RecordDigests {

    /** A table's count of records and the hash of their contents. */
    record TableDigest(long count, String sha256) {}

    private final Map<String, TableShape> shapes;
    private final Map<String, List<Map<String, @Nullable Object>>> records;
    private final Map<String, Map<Object, Map<String, @Nullable Object>>> byColumn = new HashMap<>();
    private final Map<Map<String, @Nullable Object>, String> digests = new IdentityHashMap<>();
    private final Map<Map<String, @Nullable Object>, Boolean> underway = new IdentityHashMap<>();

    RecordDigests(Map<String, TableShape> shapes, Map<String, List<Map<String, @Nullable Object>>> records) {
        this.shapes = shapes;
        this.records = records;
    }

    TableDigest table(String table) {
        List<String> all = new ArrayList<>();
        for (Map<String, @Nullable Object> row : records.getOrDefault(table, List.of())) {
            all.add(digest(table, row));
        }
        all.sort(null);
        return new TableDigest(all.size(), Sha256.of(String.join("\n", all)));
    }

    /** The digest of one record of {@code table}. */
    String digest(String table, Map<String, @Nullable Object> row) {
        String known = digests.get(row);
        if (known != null) {
            return known;
        }
        if (underway.put(row, Boolean.TRUE) != null) {
            throw new IllegalStateException("records of " + table + " cite each other in a circle");
        }
        TableShape shape = shape(table);
        Map<String, @Nullable Object> canonical = new TreeMap<>();
        row.forEach((column, value) -> {
            if (!column.equals(shape.identity())) {
                TableShape.Reference cited = shape.references().get(column);
                canonical.put(column, cited == null || value == null ? value : cited(cited, value));
            }
        });
        String digest = Sha256.of(json(canonical));
        underway.remove(row);
        digests.put(row, digest);
        return digest;
    }

    /** What a cited row is in any instance: its unique key's canonical values, or its digest. */
    private Object cited(TableShape.Reference reference, Object value) {
        Map<String, @Nullable Object> row = find(reference, value);
        if (row == null) {
            // A row the file does not hold (never written by the export): the value itself is all there is.
            return value;
        }
        TableShape shape = shape(reference.table());
        if (shape.uniqueKey().isEmpty()) {
            return "row:" + digest(reference.table(), row);
        }
        List<@Nullable Object> key = new ArrayList<>();
        for (String column : shape.uniqueKey()) {
            Object v = row.get(column);
            TableShape.Reference further = shape.references().get(column);
            key.add(further == null || v == null ? v : cited(further, v));
        }
        return key;
    }

    private Map<String, @Nullable Object> find(TableShape.Reference reference, Object value) {
        Map<Object, Map<String, @Nullable Object>> index =
                byColumn.computeIfAbsent(reference.table() + "." + reference.column(), k -> {
                    Map<Object, Map<String, @Nullable Object>> rows = new HashMap<>();
                    for (Map<String, @Nullable Object> row : records.getOrDefault(reference.table(), List.of())) {
                        Object v = row.get(reference.column());
                        if (v != null) {
                            rows.put(v, row);
                        }
                    }
                    return rows;
                });
        return index.get(value);
    }

    private TableShape shape(String table) {
        TableShape shape = shapes.get(table);
        if (shape == null) {
            throw new IllegalArgumentException("no table " + table);
        }
        return shape;
    }

    /** Canonical JSON: object members in the order given, numbers as Java writes them, no spaces. */
    static String json(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, @Nullable Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Long l -> out.append(l);
            case Double d -> out.append(d.isNaN() || d.isInfinite() ? quoteOf(d.toString()) : d.toString());
            case Boolean b -> out.append(b);
            case Map<?, ?> m -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(out, e.getKey().toString());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, l.get(i));
                }
                out.append(']');
            }
            default ->
                throw new IllegalArgumentException(
                        "not a JSON value: " + value.getClass().getName());
        }
    }

    private static String quoteOf(String s) {
        StringBuilder out = new StringBuilder();
        quote(out, s);
        return out.toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
