package org.custodian.geo;

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

    /** The SQL of one rendered page, built up step by step; every step but {@link #page} is optional. */
    public final class Select {

        private final String geometryColumn;
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
         * Empty on H2GIS, which has no such function: the caller writes the tile itself.
         */
        public java.util.Optional<byte[]> tile(
                Tile tile, String layer, Map<String, String> codeColumns, @Nullable String dateColumn) {
            if (!postgis) {
                return java.util.Optional.empty();
            }
            org.locationtech.jts.geom.Envelope bounds = tile.envelope();
            String g = geometryColumn;
            String envelope = "ST_MakeEnvelope(?, ?, ?, ?, 3857)";
            List<Object> bound = List.of(bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY());
            String mvtGeom = "ST_AsMVTGeom(ST_Transform(%s, 3857), " + envelope + ", " + Tile.EXTENT + ", "
                    + Tile.BUFFER + ", true) as geom";
            StringBuilder one = new StringBuilder("cast(id as text) as id");
            StringBuilder grouped = new StringBuilder("case when count(*) = 1 then min(cast(id as text)) end as id");
            codeColumns.forEach((property, column) -> {
                one.append(", ")
                        .append(column)
                        .append(" as \"")
                        .append(property)
                        .append('"');
                grouped.append(", case when count(*) = 1 then min(")
                        .append(column)
                        .append(") end as \"")
                        .append(property)
                        .append('"');
            });
            if (dateColumn != null) {
                String day = "to_char(" + dateColumn + " at time zone 'UTC', 'YYYY-MM-DD')";
                one.append(", ").append(day).append(" as date");
                grouped.append(", case when count(*) = 1 then min(").append(day).append(") end as date");
            }
            one.append(", cast(null as bigint) as count");
            grouped.append(", case when count(*) > 1 then count(*) end as count");

            var box = tile.bbox();
            String inBox = " and " + g + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
            List<Object> boxArgs = List.of(box.west(), box.south(), box.east(), box.north());
            List<Object> all = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select ST_AsMVT(t, ?, " + Tile.EXTENT + ", 'geom') from (");
            all.add(layer);
            sql.append("select ")
                    .append(mvtGeom.formatted(g))
                    .append(", ")
                    .append(one)
                    .append(where)
                    .append(inBox);
            all.addAll(bound);
            all.addAll(args);
            all.addAll(boxArgs);
            if (tile.clusters()) {
                sql.append(" and GeometryType(").append(g).append(") <> 'POINT'");
                // Points lying in the tile itself, grouped by cell; a cell's mean position in degrees.
                String mx = "ST_X(ST_Transform(" + g + ", 3857))";
                String my = "ST_Y(ST_Transform(" + g + ", 3857))";
                sql.append(" union all select ")
                        .append(mvtGeom.formatted("ST_Centroid(ST_Collect(" + g + "))"))
                        .append(", ")
                        .append(grouped)
                        .append(where)
                        .append(inBox)
                        .append(" and GeometryType(")
                        .append(g)
                        .append(") = 'POINT' and ST_Transform(")
                        .append(g)
                        .append(", 3857) && ")
                        .append(envelope)
                        .append(" group by floor((")
                        .append(mx)
                        .append(" - ?) / ?), floor((")
                        .append(my)
                        .append(" - ?) / ?)");
                all.addAll(bound);
                all.addAll(args);
                all.addAll(boxArgs);
                all.addAll(bound);
                all.addAll(List.of(bounds.getMinX(), tile.cell(), bounds.getMinY(), tile.cell()));
            }
            sql.append(") t where geom is not null");
            return java.util.Optional.ofNullable(jdbc.queryForObject(sql.toString(), byte[].class, all.toArray()));
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
