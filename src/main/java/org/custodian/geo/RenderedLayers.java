package org.custodian.geo;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Pages of a layer whose database writes the GeoJSON geometries: the rows go straight into a page of GeoJSON
 * Feature objects in UTF-8, with no decoding and re-encoding of geometries. Layers holding many features use
 * it for {@link FeatureLayer#rendered}; the filter (regions, bounding box, time window) is written out for the
 * case at hand, so PostgreSQL plans each query with the indexes that fit it.
 */
@Component
public class RenderedLayers {

    private final JdbcTemplate jdbc;
    private final boolean postgis;

    RenderedLayers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgis = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** A query of {@code table}, whose geometry column is {@code geometryColumn}. */
    public Select from(String table, String geometryColumn) {
        return new Select(table, geometryColumn);
    }

    /** Writes one database row as a feature: its identifier, GeoJSON geometry and properties. */
    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row, FeatureWriter feature) throws SQLException;
    }

    /** The SQL of one rendered page, built up step by step; every step but {@link #page} is optional. */
    public final class Select {

        private final String geometryColumn;
        private boolean overlapOnly;
        private final StringBuilder where;
        private final List<Object> args = new ArrayList<>();

        private Select(String table, String geometryColumn) {
            this.geometryColumn = geometryColumn;
            this.where = new StringBuilder(" from ").append(table).append(" where 1 = 1");
        }

        /** Only rows of these regions; null for every region. */
        public Select regions(@Nullable Collection<String> regionCodes) {
            if (regionCodes != null) {
                where.append(" and region_code in (")
                        .append(String.join(", ", Collections.nCopies(Math.max(1, regionCodes.size()), "?")))
                        .append(')');
                args.addAll(regionCodes.isEmpty() ? List.of("") : regionCodes);
            }
            return this;
        }

        /**
         * Tests the bounding box by overlap alone, answered from the spatial index: exact for points, and for a
         * layer of points it spares PostgreSQL from planning the costlier exact test (which, for ten thousand
         * rows, it plans in parallel and runs twice as slowly). A polygon near the box's edge may come along.
         */
        public Select overlapOnly() {
            this.overlapOnly = true;
            return this;
        }

        /** Only rows whose {@code timeColumn} lies in the query's time window, if it has one. */
        public Select during(String timeColumn, FeatureLayer.Query query) {
            if (query.from() != null) {
                where.append(" and ").append(timeColumn).append(" >= ?");
                args.add(Timestamp.from(query.from()));
            }
            if (query.to() != null) {
                where.append(" and ").append(timeColumn).append(" < ?");
                args.add(Timestamp.from(query.to()));
            }
            return this;
        }

        /**
         * The page the query asks for: rows whose geometry intersects its bounding box, {@code columns} in
         * {@code order}, each written by {@code rows}. Asks for one row more than the page holds, which tells
         * whether more follow without counting them.
         */
        public FeatureLayer.RenderedPage page(FeatureLayer.Query query, String columns, String order, RowWriter rows) {
            Envelope box = query.bbox() == null ? null : new Envelope(query.bbox());
            if (box != null) {
                where.append(" and ").append(intersectsBox(geometryColumn));
                args.addAll(box.args(overlapOnly ? 1 : postgis ? 3 : 2));
            }
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(query.limit() + 1);
            pageArgs.add(query.offset());
            FeatureWriter out = new FeatureWriter();
            int[] read = {0};
            jdbc.query(
                    "select " + columns + where + " order by " + order + " limit ? offset ?",
                    (ResultSet rs) -> {
                        if (++read[0] <= query.limit()) {
                            out.next();
                            rows.write(rs, out);
                            out.end();
                        }
                    },
                    pageArgs.toArray());
            int returned = Math.min(read[0], query.limit());
            long matched;
            if (read[0] > query.limit()) {
                matched = FeatureLayer.RenderedPage.UNCOUNTED;
            } else if (returned == 0 && query.offset() > 0) {
                matched = Objects.requireNonNull(
                        jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray()));
            } else {
                matched = query.offset() + returned;
            }
            return new FeatureLayer.RenderedPage(out.chunks(), returned, matched);
        }

        /**
         * The exact intersection test, with the index doing the work: on PostGIS a geometry whose bounding box
         * lies inside the box intersects it without the full test, which only features on the box's edge need.
         */
        private String intersectsBox(String column) {
            String box = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
            if (overlapOnly) {
                return column + " && " + box;
            }
            return postgis
                    ? column + " && " + box + " and (" + column + " @ " + box + " or _ST_Intersects(" + column + ", "
                            + box + "))"
                    : column + " && " + box + " and ST_Intersects(" + column + ", " + box + ")";
        }
    }

    private record Envelope(double minX, double minY, double maxX, double maxY) {

        Envelope(org.locationtech.jts.geom.Envelope e) {
            this(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        }

        List<Object> args(int times) {
            List<Object> all = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                all.addAll(List.of(minX, minY, maxX, maxY));
            }
            return all;
        }
    }

    /** Writes features, comma-separated, as UTF-8 GeoJSON. */
    public static final class FeatureWriter {

        private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
        private static final byte[] TYPE = ascii("{\"type\":\"Feature\",\"id\":");
        private static final byte[] GEOMETRY = ascii(",\"geometry\":");
        private static final byte[] PROPERTIES = ascii(",\"properties\":{");
        private static final byte[] NULL = ascii("null");

        // Chunks of 64 KB: a page of 10,000 features is megabytes, and one growing array of that size would be
        // copied on every growth and allocated outside the young generation by G1.
        private static final int CHUNK = 64 * 1024;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] buffer = new byte[CHUNK];
        private int length;
        // Each row names its properties in the same order: their quoted bytes are kept by position.
        private String[] names = new String[16];
        private byte[][] quotedNames = new byte[16][];
        private int features;
        private int properties;
        private boolean begun;
        private boolean whole;

        FeatureWriter() {}

        /**
         * Starts the feature: its identifier and its geometry as the database wrote it in GeoJSON, as UTF-8
         * bytes ({@code ResultSet.getBytes} of a text column gives them without decoding).
         */
        public FeatureWriter begin(String id, byte[] geometry) {
            write(TYPE);
            string(id);
            write(GEOMETRY);
            write(geometry);
            write(PROPERTIES);
            begun = true;
            return this;
        }

        /**
         * The whole feature as the database keeps it, a GeoJSON Feature object in UTF-8: for layers whose
         * features depend on their row alone.
         */
        public void whole(byte[] feature) {
            write(feature);
            whole = true;
        }

        /**
         * A property: a string, text as UTF-8 bytes ({@code getBytes} of a text column, which skips decoding
         * it), a number, a boolean or null.
         */
        public FeatureWriter property(String name, @Nullable Object value) {
            if (properties++ > 0) {
                write((byte) ',');
            }
            write(quotedName(properties - 1, name));
            write((byte) ':');
            if (value == null) {
                write(NULL);
            } else if (value instanceof byte[] utf8) {
                text(utf8, null);
            } else if (value instanceof Number || value instanceof Boolean) {
                write(ascii(value.toString()));
            } else {
                string(value.toString());
            }
            return this;
        }

        void next() {
            if (features++ > 0) {
                write((byte) ',');
            }
            properties = 0;
            begun = false;
            whole = false;
        }

        void end() {
            if (whole == begun) {
                throw new IllegalStateException("a rendered row writes its feature whole or begins it");
            }
            if (whole) {
                return;
            }
            write((byte) '}');
            write((byte) '}');
        }

        private void string(String value) {
            text(value.getBytes(StandardCharsets.UTF_8), value);
        }

        /**
         * Text as a JSON string; escapes only when it holds a quote, a backslash or a control character, which
         * names and codes seldom do.
         */
        private void text(byte[] utf8, @Nullable String text) {
            write((byte) '"');
            write(escaped(utf8, text));
            write((byte) '"');
        }

        private static byte[] escaped(byte[] utf8, @Nullable String text) {
            for (byte b : utf8) {
                if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                    return ENCODER.quoteAsUTF8(text != null ? text : new String(utf8, StandardCharsets.UTF_8));
                }
            }
            return utf8;
        }

        private static byte[] quoted(String name) {
            String escaped = new String(escaped(name.getBytes(StandardCharsets.UTF_8), name), StandardCharsets.UTF_8);
            return ('"' + escaped + '"').getBytes(StandardCharsets.UTF_8);
        }

        private void write(byte b) {
            if (length == CHUNK) {
                nextChunk();
            }
            buffer[length++] = b;
        }

        private void write(byte[] bytes) {
            int at = 0;
            while (at < bytes.length) {
                if (length == CHUNK) {
                    nextChunk();
                }
                int n = Math.min(bytes.length - at, CHUNK - length);
                System.arraycopy(bytes, at, buffer, length, n);
                length += n;
                at += n;
            }
        }

        private void nextChunk() {
            chunks.add(buffer);
            buffer = new byte[CHUNK];
            length = 0;
        }

        /** What was written, in chunks, each full. */
        List<byte[]> chunks() {
            List<byte[]> all = new ArrayList<>(chunks);
            all.add(java.util.Arrays.copyOf(buffer, length));
            return all;
        }

        private byte[] quotedName(int position, String name) {
            if (position >= names.length) {
                names = java.util.Arrays.copyOf(names, position * 2);
                quotedNames = java.util.Arrays.copyOf(quotedNames, position * 2);
            }
            if (names[position] != name && !name.equals(names[position])) {
                names[position] = name;
                quotedNames[position] = quoted(name);
            }
            return quotedNames[position];
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
