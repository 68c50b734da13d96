package org.custodian.alerts.sms;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The active subscribers' home points in memory, on a grid of cells, to find an alert's recipients exactly and
 * fast: a cell lying wholly in the area's interior takes all its points without a test; a cell on the area's
 * edge tests each point with an indexed point-in-area locator. Only points in the interior count (a point on
 * the edge is not contained), as PostGIS {@code ST_Contains} decides.
 *
 * <p>It is kept current by reading the subscribers changed since the last look (with a margin for
 * transactions that committed late) before every use; each instance of the application keeps its own.
 */
@Component
class RecipientIndex {

    /** Cell size in degrees: about 1 km, a few dozen homes per cell where people live densely. */
    static final double CELL = 0.01;

    private static final Duration LATE_COMMIT_MARGIN = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final Points points = new Points();
    private Instant seenUntil = Instant.EPOCH;

    RecipientIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the active subscribers whose home lies in the area's interior, ascending, with languages. */
    synchronized Points.Found within(Geometry area) {
        refresh();
        return points.within(area);
    }

    synchronized int size() {
        refresh();
        return points.active.cardinality();
    }

    private void refresh() {
        Instant now = Instant.now();
        Instant since = seenUntil.equals(Instant.EPOCH) ? Instant.EPOCH : seenUntil.minus(LATE_COMMIT_MARGIN);
        jdbc.query(
                "select id, status, language, st_x(location) as x, st_y(location) as y from alerts_sms_subscriber"
                        + " where changed_at >= ?",
                rs -> {
                    long id = rs.getLong(1);
                    if ("ACTIVE".equals(rs.getString(2))) {
                        double x = rs.getDouble(4);
                        boolean hasPoint = !rs.wasNull();
                        if (hasPoint) {
                            points.add((int) id, x, rs.getDouble(5), Points.languageCode(rs.getString(3)));
                        }
                    } else {
                        points.remove((int) id);
                    }
                },
                Timestamp.from(since));
        seenUntil = now;
    }

    /** The grid itself, apart from the database so that benchmarks and tests can fill it directly. */
    static final class Points {

        static final String[] LANGUAGES = {"az", "hy", "ru", "en"};

        private final Map<Long, Cell> cells = new HashMap<>();
        private final BitSet active = new BitSet();
        private final BitSet indexed = new BitSet();
        private byte[] languages = new byte[1024];

        record Found(int[] ids, byte[] languages) {
            String language(int i) {
                return LANGUAGES[languages[i]];
            }
        }

        static byte languageCode(String language) {
            for (byte i = 0; i < LANGUAGES.length; i++) {
                if (LANGUAGES[i].equals(language)) {
                    return i;
                }
            }
            return 3;
        }

        void add(int id, double x, double y, byte language) {
            if (id >= languages.length) {
                languages = Arrays.copyOf(languages, Math.max(id + 1, languages.length * 2));
            }
            languages[id] = language;
            active.set(id);
            if (!indexed.get(id)) {
                indexed.set(id);
                cells.computeIfAbsent(key(x, y), k -> new Cell()).add(id, x, y);
            }
        }

        void remove(int id) {
            // The point stays in its cell: the active set decides.
            active.clear(id);
        }

        Found within(Geometry area) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
            GeometryFactory factory = area.getFactory();
            Envelope box = area.getEnvelopeInternal();
            long x0 = (long) Math.floor(box.getMinX() / CELL);
            long x1 = (long) Math.floor(box.getMaxX() / CELL);
            long y0 = (long) Math.floor(box.getMinY() / CELL);
            long y1 = (long) Math.floor(box.getMaxY() / CELL);
            IntList found = new IntList();
            Coordinate probe = new Coordinate();
            for (long cx = x0; cx <= x1; cx++) {
                for (long cy = y0; cy <= y1; cy++) {
                    Cell cell = cells.get(pack(cx, cy));
                    if (cell == null) {
                        continue;
                    }
                    // Widened a little so that a point the floor() put in this cell is surely inside the box.
                    double pad = 1e-9;
                    Envelope cellBox = new Envelope(
                            cx * CELL - pad, (cx + 1) * CELL + pad, cy * CELL - pad, (cy + 1) * CELL + pad);
                    if (cell.count > 8 && prepared.containsProperly(factory.toGeometry(cellBox))) {
                        for (int i = 0; i < cell.count; i++) {
                            if (active.get(cell.ids[i])) {
                                found.add(cell.ids[i]);
                            }
                        }
                        continue;
                    }
                    for (int i = 0; i < cell.count; i++) {
                        double x = cell.xy[2 * i];
                        double y = cell.xy[2 * i + 1];
                        if (!box.contains(x, y) || !active.get(cell.ids[i])) {
                            continue;
                        }
                        probe.x = x;
                        probe.y = y;
                        if (locator.locate(probe) == Location.INTERIOR) {
                            found.add(cell.ids[i]);
                        }
                    }
                }
            }
            int[] ids = found.sorted();
            byte[] langs = new byte[ids.length];
            for (int i = 0; i < ids.length; i++) {
                langs[i] = languages[ids[i]];
            }
            return new Found(ids, langs);
        }

        private static long key(double x, double y) {
            return pack((long) Math.floor(x / CELL), (long) Math.floor(y / CELL));
        }

        private static long pack(long cx, long cy) {
            return (cx << 32) ^ (cy & 0xffffffffL);
        }
    }

    private static final class Cell {
        int count;
        int[] ids = new int[8];
        double[] xy = new double[16];

        void add(int id, double x, double y) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                xy = Arrays.copyOf(xy, count * 4);
            }
            ids[count] = id;
            xy[2 * count] = x;
            xy[2 * count + 1] = y;
            count++;
        }
    }

    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
