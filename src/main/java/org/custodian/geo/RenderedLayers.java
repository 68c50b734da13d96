package org.custodian.geo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of a layer whose database keeps each feature written as GeoJSON (a generated column, written again
 * whenever the row changes): the page copies those bytes as they are, with no decoding and re-encoding of
 * geometries or properties. Layers holding many features use it for {@link FeatureLayer#rendered}; the filter
 * (regions, bounding box, time window) is written out for the case at hand, so PostgreSQL plans each query
 * with the indexes that fit it.
 */
@Component
public class RenderedLayers {

    /** The first key of the advisory locks that tell a layer's writers in flight (V122). */
    private static final int REVISION_LOCK = 1953066341;

    private final JdbcTemplate jdbc;
    private final boolean postgis;

    /**
     * Tiles written by PostGIS, under the revision of their layer's table read before they were written: a
     * committed change moves the revision, so a tile served from here is the one the database would write now.
     * Bounded by size; a revision no longer current is never asked for again and ages out.
     */
    private final Cache<TileKey, byte[]> tiles = Caffeine.newBuilder()
            .maximumWeight(64L << 20)
            .weigher((TileKey k, byte[] v) -> v.length + 2 * k.sql().length() + 64)
            .build();

    /** For each table asked for, whether it has a revision (V122); others are never kept. */
    private final Map<String, Boolean> revised = new java.util.concurrent.ConcurrentHashMap<>();

    RenderedLayers(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgis = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    private record TileKey(String sql, List<Object> args, long revision) {}

    /**
     * The revision of a table's rows, or null when it cannot be trusted now: it has none, or a writer of it is in
     * flight. Read first, then the lock tried (one statement, the scan before the projection): every writer that
     * drew a revision up to the one read had committed when the lock was free, so the tile read next holds its
     * change; a writer not yet committed then draws a later revision. Outside a transaction, so the lock is
     * released at once.
     */
    private @Nullable Long revision(String table) {
        if (!revised.computeIfAbsent(
                table,
                t -> Boolean.TRUE.equals(
                        jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, t + "_revision")))) {
            return null;
        }
        return jdbc.query(
                "select last_value, pg_try_advisory_xact_lock(" + REVISION_LOCK + ", hashtext(?)) from " + table
                        + "_revision",
                (ResultSet rs) -> rs.next() && rs.getBoolean(2) ? rs.getLong(1) : null,
                table);
    }

    /** A query of {@code table}, whose geometry column is {@code geometryColumn}. */
    public Select from(String table, String geometryColumn) {
        return new Select(table, geometryColumn);
    }

    /** The SQL of one rendered page, built up step by step; every step but {@link #page} is optional. */
    public final class Select {

        private final String table;
        private final String geometryColumn;
        private final StringBuilder where;
        private final List<Object> args = new ArrayList<>();

        private Select(String table, String geometryColumn) {
            this.table = table;
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

        /** Only rows whose {@code timeColumn} lies in the query's time window, both ends included, if it has one. */
        public Select during(String timeColumn, FeatureLayer.Query query) {
            if (query.from() != null) {
                where.append(" and ").append(timeColumn).append(" >= ?");
                args.add(Timestamp.from(query.from()));
            }
            if (query.to() != null) {
                where.append(" and ").append(timeColumn).append(" <= ?");
                args.add(Timestamp.from(query.to()));
            }
            return this;
        }

        /**
         * The page the query asks for: rows whose geometry intersects its bounding box in {@code order}, each
         * a GeoJSON Feature kept in {@code featureColumn}. Asks for one row more than the page holds, which
         * tells whether more follow without counting them.
         */
        public FeatureLayer.RenderedPage page(FeatureLayer.Query query, String featureColumn, String order) {
            if (query.bbox() != null) {
                // A box across the antimeridian is two boxes: a feature touching either matches.
                List<String> tests = new ArrayList<>();
                for (org.locationtech.jts.geom.Envelope part : query.bbox().envelopes()) {
                    tests.add("(" + intersectsBox(geometryColumn) + ")");
                    args.addAll(new Envelope(part).args(postgis ? 3 : 2));
                }
                where.append(" and (").append(String.join(" or ", tests)).append(')');
            }
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(query.limit() + 1);
            pageArgs.add(query.offset());
            FeatureWriter out = new FeatureWriter();
            int[] read = {0};
            jdbc.query(
                    "select " + featureColumn + where + " order by " + order + " limit ? offset ?",
                    (ResultSet rs) -> {
                        if (++read[0] <= query.limit()) {
                            // getBytes of a text column: its UTF-8 as received, never decoded
                            out.feature(rs.getBytes(1));
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
         * The layer's vector tile written by PostGIS ({@code ST_AsMVT}), by the rules of {@link Tile}: features
         * carry {@code id} (of column {@code id}), the code properties from the columns named (property to
         * column) and {@code date}, the UTC day of {@code dateColumn} (a timestamp with time zone) when given.
         * Empty on H2GIS, which has no such function: the caller writes the tile itself. A tile up to zoom
         * {@value Tile#CLUSTER_MAX_ZOOM} written before is served again while its table's revision has not moved (the tiles kept by this bean); the key
         * holds the statement and its arguments, so scope and time window are part of it.
         */
        public java.util.Optional<byte[]> tile(
                Tile tile, String layer, Map<String, String> codeColumns, @Nullable String dateColumn) {
            if (!postgis) {
                return java.util.Optional.empty();
            }
            String sql = tileSql(tile, codeColumns, dateColumn);
            Object[] arguments = tileArgs(tile, layer);
            // Kept at the zooms where a tile gathers many records; a street tile of a few costs the database less
            // than the revision's round trip would save.
            Long revision = tile.clusters() ? revision(table) : null;
            if (revision == null) {
                return java.util.Optional.ofNullable(jdbc.queryForObject(sql, byte[].class, arguments));
            }
            return java.util.Optional.ofNullable(tiles.get(
                    new TileKey(sql, List.of(arguments), revision),
                    k -> jdbc.queryForObject(sql, byte[].class, arguments)));
        }

        /** The arguments of {@link #tileSql}: the filter's, the tile's box, the layer's name. */
        Object[] tileArgs(Tile tile, String layer) {
            var box = tile.bbox();
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(box.west(), box.south(), box.east(), box.north()));
            all.add(layer);
            return all.toArray();
        }

        /**
         * The statement of a tile. The tile's numbers are written into it (doubles as Java prints them, which
         * PostgreSQL reads back exactly); the filter's values are bound. The rows touching the tile are read once
         * ({@code f}); Web Mercator positions for the groups are reckoned by the formula, as {@link Tile} does,
         * not by {@code ST_Transform}, which would cost more than the rest for thousands of points.
         */
        String tileSql(Tile tile, Map<String, String> codeColumns, @Nullable String dateColumn) {
            org.locationtech.jts.geom.Envelope b = tile.envelope();
            String env = "ST_MakeEnvelope(" + b.getMinX() + ", " + b.getMinY() + ", " + b.getMaxX() + ", " + b.getMaxY()
                    + ", 3857)";
            String mvt = "ST_AsMVTGeom(%s, " + env + ", " + Tile.EXTENT + ", " + Tile.BUFFER + ", true)";
            String g = geometryColumn;
            String pixel = String.valueOf(tile.pixel());
            // Tile#belowPixel
            String dot = "(ST_Dimension(" + g + ") > 0 and " + mercatorX("ST_XMax(" + g + ")") + " - "
                    + mercatorX("ST_XMin(" + g + ")") + " < " + pixel + " and " + mercatorY("ST_YMax(" + g + ")")
                    + " - " + mercatorY("ST_YMin(" + g + ")") + " < " + pixel + ")";

            StringBuilder columns = new StringBuilder("cast(id as text) as id");
            List<String> properties = new ArrayList<>();
            // In the order of their names, so that one layer's statement is always the same text.
            new java.util.TreeMap<>(codeColumns).forEach((property, column) -> {
                columns.append(", ")
                        .append(column)
                        .append(" as \"")
                        .append(property)
                        .append('"');
                properties.add('"' + property + '"');
            });
            if (dateColumn != null) {
                columns.append(", to_char(").append(dateColumn).append(" at time zone 'UTC', 'YYYY-MM-DD') as date");
                properties.add("date");
            }
            String one = properties.isEmpty() ? "" : ", " + String.join(", ", properties);
            StringBuilder grouped = new StringBuilder("case when count(*) = 1 then min(id) end as id");
            properties.forEach(p -> grouped.append(", case when count(*) = 1 then min(")
                    .append(p)
                    .append(") end as ")
                    .append(p));

            StringBuilder sql = new StringBuilder("with f as (select ")
                    .append(columns)
                    .append(", ")
                    .append(g)
                    .append(" as g, ")
                    .append(dot)
                    .append(" as dot, GeometryType(")
                    .append(g)
                    .append(") = 'POINT' as point")
                    .append(where)
                    .append(" and ")
                    .append(g)
                    .append(" && ST_MakeEnvelope(?, ?, ?, ?, 4326)) select ST_AsMVT(t, ?, ")
                    .append(Tile.EXTENT)
                    .append(", 'geom') from (select case when ST_Dimension(g) = 0 then ")
                    .append(mvt.formatted("ST_Transform(g, 3857)"))
                    .append(" when dot then ")
                    .append(mvt.formatted("ST_Transform(ST_Centroid(g), 3857)"))
                    .append(" else ")
                    .append(mvt.formatted("ST_SimplifyPreserveTopology(ST_Transform(g, 3857), " + pixel + ")"))
                    .append(" end as geom, id")
                    .append(one)
                    .append(", cast(null as bigint) as count from f");
            if (tile.clusters()) {
                // Points and shapes drawn as points, lying in the tile itself, grouped by cell; a cell's mean
                // position in degrees.
                String cell = String.valueOf(tile.cell());
                String mx = mercatorX("ST_X(at)");
                String my = mercatorY("ST_Y(at)");
                String inTile = mx + " between " + b.getMinX() + " and " + b.getMaxX() + " and " + my + " between "
                        + b.getMinY() + " and " + b.getMaxY();
                String cellOf = "floor((" + mx + " - " + b.getMinX() + ") / " + cell + "), floor((" + my + " - "
                        + b.getMinY() + ") / " + cell + ")";
                sql.append(" where not (dot or point) union all select ")
                        .append(mvt.formatted("ST_Transform(ST_Centroid(ST_Collect(at)), 3857)"))
                        .append(" as geom, ")
                        .append(grouped)
                        .append(", case when count(*) > 1 then count(*) end as count from (select id")
                        .append(one)
                        .append(
                                ", case when dot then ST_Centroid(g) else g end as at from f where dot or point) p where ")
                        .append(inTile)
                        .append(" group by ")
                        .append(cellOf);
            }
            return sql.append(") t where geom is not null").toString();
        }

        /** {@link Tile#mercatorX} in SQL, the same operations in the same order. */
        private static String mercatorX(String longitude) {
            return "(" + longitude + " * " + Tile.HALF_WORLD + " / 180)";
        }

        /** {@link Tile#mercatorY} in SQL, the same operations in the same order. */
        private static String mercatorY(String latitude) {
            return "(ln(tan(pi() / 4 + radians(greatest(-85.05112878, least(85.05112878, " + latitude + "))) / 2)) * "
                    + Tile.HALF_WORLD + " / pi())";
        }

        /**
         * The exact intersection test, with the index doing the work: on PostGIS a geometry whose bounding box
         * lies inside the box intersects it without the full test, which only features on the box's edge need.
         */
        private String intersectsBox(String column) {
            String box = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
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

    /** Features, comma-separated, in chunks of UTF-8. */
    static final class FeatureWriter {

        // Chunks of 64 KB: a page of 10,000 features is megabytes, and one growing array of that size would be
        // copied on every growth and allocated outside the young generation by G1.
        private static final int CHUNK = 64 * 1024;
        private static final byte[] COMMA = {','};
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] buffer = new byte[CHUNK];
        private int length;
        private int features;

        FeatureWriter() {}

        /** A GeoJSON Feature object, in UTF-8. */
        void feature(byte @Nullable [] feature) {
            if (feature == null) {
                throw new IllegalStateException("a rendered row has no feature");
            }
            if (features++ > 0) {
                write(COMMA);
            }
            write(feature);
        }

        private void write(byte[] bytes) {
            int at = 0;
            while (at < bytes.length) {
                if (length == CHUNK) {
                    chunks.add(buffer);
                    buffer = new byte[CHUNK];
                    length = 0;
                }
                int n = Math.min(bytes.length - at, CHUNK - length);
                System.arraycopy(bytes, at, buffer, length, n);
                length += n;
                at += n;
            }
        }

        /** What was written, in chunks, each full but the last. */
        List<byte[]> chunks() {
            List<byte[]> all = new ArrayList<>(chunks);
            all.add(java.util.Arrays.copyOf(buffer, length));
            return all;
        }
    }
}
