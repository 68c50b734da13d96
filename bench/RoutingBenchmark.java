import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Safe routes on a synthetic road grid, side by side with pgRouting in one run:
 *
 * <ul>
 *   <li>{@code grid OSM_FILE SIDE}: writes a SIDE x SIDE grid of two-way roads over the demo area as OSM XML
 *       (2 * SIDE * (SIDE - 1) edges);
 *   <li>{@code run BASE_URL TOKEN JDBC_URL SIDE PAIRS PGR_PAIRS}: loads the same grid into PostGIS, records 100
 *       hazard squares through the API, then plans PAIRS random origin-destination pairs through
 *       {@code /api/routes} and the first PGR_PAIRS of them with {@code pgr_dijkstra} over the edges that keep
 *       100 m clear of the hazards (filtered in its edge SQL), and times a new hazard area reflected in routes.
 * </ul>
 * Loopback only; bounded by the pair counts. Seeded, so every run draws the same grid, hazards and pairs.
 */
public class RoutingBenchmark {

    static final double WEST = 46.0;
    static final double EAST = 47.4;
    static final double SOUTH = 39.05;
    static final double NORTH = 40.35;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("grid")) {
            grid(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            run(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        }
    }

    static double lon(int side, int i) {
        return WEST + (EAST - WEST) * i / (side - 1);
    }

    static double lat(int side, int j) {
        return SOUTH + (NORTH - SOUTH) * j / (side - 1);
    }

    static long node(int side, int i, int j) {
        return (long) j * side + i + 1;
    }

    static void grid(Path file, int side) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"custodian-bench\">\n");
            for (int j = 0; j < side; j++) {
                for (int i = 0; i < side; i++) {
                    w.write(String.format(Locale.ROOT, " <node id=\"%d\" version=\"1\" lat=\"%.6f\" lon=\"%.6f\"/>\n",
                            node(side, i, j), lat(side, j), lon(side, i)));
                }
            }
            long way = 1;
            for (int j = 0; j < side; j++) {
                for (int i = 0; i < side; i++) {
                    if (i + 1 < side) {
                        edge(w, way++, node(side, i, j), node(side, i + 1, j));
                    }
                    if (j + 1 < side) {
                        edge(w, way++, node(side, i, j), node(side, i, j + 1));
                    }
                }
            }
            w.write("</osm>\n");
        }
    }

    static void edge(BufferedWriter w, long id, long a, long b) throws IOException {
        w.write(" <way id=\"" + id + "\" version=\"1\"><nd ref=\"" + a + "\"/><nd ref=\"" + b
                + "\"/><tag k=\"highway\" v=\"secondary\"/></way>\n");
    }

    static void run(String base, String token, String jdbc, int side, int pairs, int pgrPairs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(20231919);
        try (Connection db = DriverManager.getConnection(jdbc); Statement st = db.createStatement()) {
            st.execute("create extension if not exists pgrouting");
            st.execute("drop table if exists bench_edge, bench_hazard");
            st.execute("create table bench_edge (id bigint primary key, source bigint, target bigint, cost double precision,"
                    + " reverse_cost double precision, geom geometry(LineString, 4326))");
            st.execute("insert into bench_edge select row_number() over (), s, t, 0, 0,"
                    + " st_setsrid(st_makeline(st_makepoint(x1, y1), st_makepoint(x2, y2)), 4326) from ("
                    + " select (j * " + side + " + i + 1) s, (j * " + side + " + i + 2) t,"
                    + " " + WEST + " + " + (EAST - WEST) + " * i / " + (side - 1) + " x1, " + SOUTH + " + " + (NORTH - SOUTH) + " * j / " + (side - 1) + " y1,"
                    + " " + WEST + " + " + (EAST - WEST) + " * (i + 1) / " + (side - 1) + " x2, " + SOUTH + " + " + (NORTH - SOUTH) + " * j / " + (side - 1) + " y2"
                    + " from generate_series(0, " + (side - 2) + ") i, generate_series(0, " + (side - 1) + ") j"
                    + " union all select (j * " + side + " + i + 1), ((j + 1) * " + side + " + i + 1),"
                    + " " + WEST + " + " + (EAST - WEST) + " * i / " + (side - 1) + ", " + SOUTH + " + " + (NORTH - SOUTH) + " * j / " + (side - 1) + ","
                    + " " + WEST + " + " + (EAST - WEST) + " * i / " + (side - 1) + ", " + SOUTH + " + " + (NORTH - SOUTH) + " * (j + 1) / " + (side - 1)
                    + " from generate_series(0, " + (side - 1) + ") i, generate_series(0, " + (side - 2) + ") j) e");
            st.execute("update bench_edge set cost = st_length(geom::geography), reverse_cost = st_length(geom::geography)");
            st.execute("create index on bench_edge using gist (geom)");
            st.execute("create table bench_hazard (id serial, geom geometry(Polygon, 4326))");
            st.execute("analyze bench_edge");
            try (ResultSet r = st.executeQuery("select count(*) from bench_edge")) {
                r.next();
                System.out.printf("grid: %d x %d nodes, %d edges in PostGIS%n", side, side, r.getLong(1));
            }

            // 100 hazard squares of about 600 m, recorded through the API (the planner follows them by events).
            int recorded = 0;
            PreparedStatement region = db.prepareStatement(
                    "select code from territory_region where st_contains(boundary, st_setsrid(st_makepoint(?, ?), 4326))");
            while (recorded < 100) {
                double x = WEST + 0.05 + random.nextDouble() * (EAST - WEST - 0.1);
                double y = SOUTH + 0.05 + random.nextDouble() * (NORTH - SOUTH - 0.1);
                String code = regionOf(region, x, y);
                if (code == null) {
                    continue;
                }
                if (post(http, base, token, "/api/hazard-areas", hazard(code, "Bench hazard " + recorded, x, y, 0.0035)) != 201) {
                    continue;
                }
                recorded++;
            }
            // The same hazard set as the app's: the 100 squares and the demo's active areas.
            st.execute("insert into bench_hazard (geom) select (st_dump(area)).geom from mine_hazard_area"
                    + " where status <> 'RELEASED'");
            st.execute("create index on bench_hazard using gist (geom)");
            st.execute("analyze bench_hazard");
            System.out.printf("hazards: %d squares through the API%n", recorded);

            // Pairs of grid vertices, both ends at least 300 m from any hazard.
            List<int[]> ods = new ArrayList<>();
            PreparedStatement clear = db.prepareStatement("select not exists (select 1 from bench_hazard h where"
                    + " st_dwithin(h.geom::geography, st_setsrid(st_makepoint(?, ?), 4326)::geography, 300))");
            while (ods.size() < pairs) {
                int[] p = {random.nextInt(side), random.nextInt(side), random.nextInt(side), random.nextInt(side)};
                if (isClear(clear, lon(side, p[0]), lat(side, p[1])) && isClear(clear, lon(side, p[2]), lat(side, p[3]))) {
                    ods.add(p);
                }
            }

            // Warm-up: the first request loads (or imports) the graph; then a few routes warm the JIT.
            long t0 = System.nanoTime();
            route(http, base, token, side, ods.get(0));
            System.out.printf("first route (graph load): %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < Math.min(100, ods.size()); i++) {
                route(http, base, token, side, ods.get(i));
            }
            double[] api = new double[ods.size()];
            String[] answers = new String[ods.size()];
            int refused = 0;
            for (int i = 0; i < ods.size(); i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = routeAnswer(http, base, token, side, ods.get(i));
                api[i] = (System.nanoTime() - s) / 1e6;
                answers[i] = r.statusCode() + " " + r.body();
                if (r.statusCode() != 200) {
                    refused++;
                }
            }
            report("GraphHopper via GET /api/routes (HTTP, 1 client)", api);
            System.out.printf("  (%d of %d answered 422: no safe way)%n", refused, ods.size());
            // The tail by kind: a route whose shortest way crosses an area is planned twice (see SafeRoutes).
            report("  of which routes that avoided a hazard area", select(api, answers, true));
            report("  of which routes that avoided none", select(api, answers, false));

            // The same pairs from several clients at once: every answer must be the one a lone client got, so
            // that requests planned side by side share nothing they could spoil (the cached avoidance model).
            int clients = 4;
            double[] shared = new double[ods.size()];
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger differing = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    HttpClient own = HttpClient.newHttpClient();
                    for (int i = next.getAndIncrement(); i < ods.size(); i = next.getAndIncrement()) {
                        try {
                            long s = System.nanoTime();
                            HttpResponse<String> r = routeAnswer(own, base, token, side, ods.get(i));
                            shared[i] = (System.nanoTime() - s) / 1e6;
                            if (!answers[i].equals(r.statusCode() + " " + r.body())) {
                                differing.incrementAndGet();
                            }
                        } catch (Exception e) {
                            differing.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            report("GraphHopper via GET /api/routes (HTTP, " + clients + " clients at once)", shared);
            System.out.printf("  (%d of %d answers differ from the lone client's)%n", differing.get(), ods.size());

            // The peer as a pgRouting user would set it up: the hazards buffered once (100 m, geodesic) into an
            // indexed table, so the edge query keeps only edges whose boxes miss every buffer or that do not cross it.
            st.execute("drop table if exists bench_hazard_buffer");
            st.execute("create table bench_hazard_buffer as select id, st_buffer(geom::geography, 100)::geometry geom"
                    + " from bench_hazard");
            st.execute("create index on bench_hazard_buffer using gist (geom)");
            st.execute("analyze bench_hazard_buffer");
            String edgeSql = "select e.id, e.source, e.target, e.cost, e.reverse_cost from bench_edge e where not exists"
                    + " (select 1 from bench_hazard_buffer b where b.geom && e.geom and st_intersects(b.geom, e.geom))";
            PreparedStatement pgr = db.prepareStatement(
                    "select max(agg_cost) from pgr_dijkstra(?, ?::bigint, ?::bigint, directed := true)");
            pgr.setString(1, edgeSql);
            double[] peer = new double[Math.min(pgrPairs, ods.size())];
            for (int i = 0; i < peer.length; i++) {
                int[] p = ods.get(i);
                pgr.setLong(2, node(side, p[0], p[1]));
                pgr.setLong(3, node(side, p[2], p[3]));
                long s = System.nanoTime();
                try (ResultSet r = pgr.executeQuery()) {
                    r.next();
                }
                peer[i] = (System.nanoTime() - s) / 1e6;
            }
            report("pgRouting pgr_dijkstra, hazard edges filtered in its SQL (JDBC)", peer);
            System.out.printf("p50 ratio pgRouting / GraphHopper-over-HTTP: %.0fx%n", pct(peer, 50) / pct(api, 50));

            // A new hazard area across a planned route: how long until routes avoid it.
            int[] p = ods.get(1);
            String body = get(http, base, token, routePath(side, p));
            double[] mid = middle(body);
            String code = regionOf(region, mid[0], mid[1]);
            long s = System.nanoTime();
            int created = post(http, base, token, "/api/hazard-areas", hazard(code, "Bench new hazard", mid[0], mid[1], 0.003));
            int polls = 0;
            String after;
            do {
                after = get(http, base, token, routePath(side, p));
                polls++;
            } while (after.equals(body) && polls < 1000);
            System.out.printf("new hazard area (%d) reflected in routes after %.0f ms (%d route requests, the first"
                    + " after the hazard was recorded)%n", created, (System.nanoTime() - s) / 1e6, polls);
        }
    }

    static String regionOf(PreparedStatement region, double x, double y) throws Exception {
        region.setDouble(1, x);
        region.setDouble(2, y);
        try (ResultSet r = region.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static boolean isClear(PreparedStatement clear, double x, double y) throws Exception {
        clear.setDouble(1, x);
        clear.setDouble(2, y);
        try (ResultSet r = clear.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    static String hazard(String region, String name, double x, double y, double h) {
        return String.format(Locale.ROOT,
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f]]]},"
                        + "\"properties\":{\"regionCode\":\"%5$s\",\"name\":\"%6$s\",\"classification\":\"CHA\",\"contamination\":[\"AT_MINE\"]}}",
                x - h, y - h, x + h, y + h, region, name);
    }

    static String routePath(int side, int[] p) {
        return String.format(Locale.ROOT, "/api/routes?from=%.6f,%.6f&to=%.6f,%.6f",
                lon(side, p[0]), lat(side, p[1]), lon(side, p[2]), lat(side, p[3]));
    }

    static int route(HttpClient http, String base, String token, int side, int[] p) throws Exception {
        return http.send(request(base, token, routePath(side, p)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static HttpResponse<String> routeAnswer(HttpClient http, String base, String token, int side, int[] p)
            throws Exception {
        return http.send(request(base, token, routePath(side, p)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(HttpClient http, String base, String token, String path) throws Exception {
        return http.send(request(base, token, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static int post(HttpClient http, String base, String token, String path, String json) throws Exception {
        return http.send(request(base, token, path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static HttpRequest.Builder request(String base, String token, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    /** The middle vertex of the route's coordinates, read from the GeoJSON text. */
    static double[] middle(String feature) {
        String coords = feature.substring(feature.indexOf("\"coordinates\":[[") + 16);
        coords = coords.substring(0, coords.indexOf("]]"));
        String[] points = coords.split("\\],\\[");
        String[] mid = points[points.length / 2].split(",");
        return new double[] {Double.parseDouble(mid[0]), Double.parseDouble(mid[1])};
    }

    static double[] select(double[] ms, String[] answers, boolean avoiding) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            if (answers[i].startsWith("200") && answers[i].contains("\"avoided\":[]") != avoiding) {
                out.add(ms[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double pct(double[] ms, int p) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    static void report(String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%-70s n=%5d  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n",
                what, ms.length, pct(ms, 50), pct(ms, 99), Arrays.stream(ms).max().orElse(0));
    }
}
