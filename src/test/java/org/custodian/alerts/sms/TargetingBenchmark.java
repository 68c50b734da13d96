package org.custodian.alerts.sms;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.custodian.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Targeting benchmark (bench/sms-targeting.sh): 1,000,000 subscriber points and a 500-vertex area; the
 * recipients found by the in-memory grid ({@link RecipientIndex.Points}) side by side with PostGIS {@code
 * ST_Contains} over a GiST index on the same points, checked to be the same set. Not a test: run by its main.
 *
 * <p>Arguments: JDBC URL of a scratch PostGIS database, number of points, runs per side.
 */
public final class TargetingBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Polygon area = area(500);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("create extension if not exists postgis");
                st.execute("drop table if exists bench_subscriber");
                st.execute("create table bench_subscriber (id integer primary key, location geometry(POINT, 4326))");
                System.out.printf("inserting %,d points%n", n);
                st.execute("insert into bench_subscriber select g, st_setsrid(st_makepoint(46.4 + random(),"
                        + " 39.4 + random()), 4326) from generate_series(1, " + n + ") g");
                st.execute("create index bench_subscriber_location on bench_subscriber using gist (location)");
                st.execute("vacuum analyze bench_subscriber");
            }
            RecipientIndex.Points points = new RecipientIndex.Points();
            long loadStart = System.nanoTime();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.setFetchSize(50_000);
                try (ResultSet rs =
                        st.executeQuery("select id, st_x(location), st_y(location) from bench_subscriber")) {
                    while (rs.next()) {
                        points.add(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), (byte) 3);
                    }
                }
                c.commit();
                c.setAutoCommit(true);
            }
            System.out.printf("grid loaded from the table in %.2f s%n", (System.nanoTime() - loadStart) / 1e9);

            String wkt = area.toText();
            int[] postgis = null;
            List<Double> pgTimes = new ArrayList<>();
            // The area as a literal, as one query would carry it: a server-side prepared statement's generic
            // plan would parse the 500-vertex WKT again for every row.
            try (Statement ps = c.createStatement()) {
                String query = "select id from bench_subscriber where st_contains(st_geomfromtext('" + wkt
                        + "', 4326), location) order by id";
                for (int r = 0; r < runs + 2; r++) {
                    long t0 = System.nanoTime();
                    List<Integer> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery(query)) {
                        while (rs.next()) {
                            ids.add(rs.getInt(1));
                        }
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (r >= 2) {
                        pgTimes.add(s);
                    }
                    postgis = ids.stream().mapToInt(Integer::intValue).toArray();
                }
            }
            int[] grid = null;
            List<Double> gridTimes = new ArrayList<>();
            for (int r = 0; r < runs + 5; r++) {
                long t0 = System.nanoTime();
                grid = points.within(area).ids();
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 5) {
                    gridTimes.add(s);
                }
            }
            boolean same = Arrays.equals(postgis, grid);
            double pg = median(pgTimes);
            double ours = median(gridTimes);
            System.out.printf(
                    "area: %d vertices; points: %,d; recipients: %,d (PostGIS) %,d (grid); same set: %s%n",
                    area.getNumPoints() - 1, n, postgis.length, grid.length, same);
            System.out.printf("PostGIS ST_Contains + GiST: median %.3f s over %d runs%n", pg, runs);
            System.out.printf("in-memory grid + prepared area: median %.4f s over %d runs%n", ours, runs);
            System.out.printf("speed-up: %.1fx%n", pg / ours);
            if (!same) {
                System.exit(1);
            }
        }
    }

    /** A non-convex, star-like area of the given number of vertices around (46.9, 39.9), about 0.6° across. */
    static Polygon area(int vertices) {
        Random random = new Random(42);
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double a = 2 * Math.PI * i / vertices;
            double r = 0.22 + 0.06 * Math.sin(7 * a) + 0.01 * random.nextDouble();
            ring[i] = new Coordinate(46.9 + r * Math.cos(a), 39.9 + r * Math.sin(a));
        }
        ring[vertices] = ring[0].copy();
        return Wgs84.FACTORY.createPolygon(ring);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
