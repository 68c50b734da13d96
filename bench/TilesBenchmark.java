import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

/**
 * Vector tiles on PostGIS, side by side in one run, for two tiles: the whole region at region zoom and a
 * district at street zoom, each for the incidents (points) and the hazard areas (polygons):
 *
 * <ul>
 *   <li>custodian: {@code /tiles/{layer}/{z}/{x}/{y}.mvt} over HTTP with a bearer token (scope applied);
 *   <li>raw SQL: the same {@code ST_AsMVT} statement over JDBC (the limit of doing it in the database);
 *   <li>MapServer: Debian's {@code mapserv} run as the CGI it is (one process a request), serving the same tables
 *       as MVT from a mapfile;
 *   <li>HTTP alone: the JDK's own HTTP server in this process answering the application's tile from memory, the
 *       same client asking: what any HTTP answer costs here, with no framework, security or database.
 * </ul>
 * Each tile is first read once from each peer: its size, features and the records they show (a group counts its
 * members); the raw statement's tile must be the application's, byte for byte, or the run stops. Then every peer
 * at 1 and 8 clients after a warm-up ({@link LoadRun}). The application keeps the tiles PostGIS wrote under their
 * table's revision, so at 8 clients on one tile it serves them from memory: the raw peer's figures are what a
 * tile costs it after a change.
 *
 * <p>Usage: java -cp postgresql.jar TilesBenchmark.java BASE_URL TOKEN JDBC_URL MAPSERVER_CONFIG REGION SECONDS
 */
public class TilesBenchmark {

    static final double HALF = 20037508.342789244;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbc = args[2];
        String config = args[3];
        String region = args[4];
        int seconds = Integer.parseInt(args[5]);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbc);
                try (var st = c.createStatement()) {
                    // The application's session settings (PostgresSessions), so both run the statement alike.
                    st.execute("set work_mem = '16MB'; set jit = off");
                }
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double lon;
        double lat;
        double width;
        try (PreparedStatement st = connections.get().prepareStatement("select ST_X(ST_Centroid(boundary)),"
                + " ST_Y(ST_Centroid(boundary)), ST_XMax(boundary) - ST_XMin(boundary) from territory_region where code = ?")) {
            st.setString(1, region);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                lon = rs.getDouble(1);
                lat = rs.getDouble(2);
                width = rs.getDouble(3);
            }
        }
        // Region zoom: the deepest tile that still holds the region's width; street zoom: 15.
        int regionZoom = (int) Math.floor(Math.log(360 / width) / Math.log(2));
        // The floor of any HTTP answer with this client on this machine: the JDK's own server, in this process,
        // answering the application's tile from memory with no framework, no security and no database.
        var bare = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 64);
        var answers = new java.util.concurrent.ConcurrentHashMap<String, byte[]>();
        bare.createContext("/", exchange -> {
            byte[] body = answers.get(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.mapbox-vector-tile");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        var serving = java.util.concurrent.Executors.newFixedThreadPool(8);
        bare.setExecutor(serving);
        bare.start();
        String bareBase = "http://127.0.0.1:" + bare.getAddress().getPort();
        System.out.printf("load average before: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-34s %8s %12s %10s %10s %10s%n", "peer", "clients", "requests/s", "p50 ms", "p99 ms", "max ms");
        // ZOOMS=street measures the street tiles alone (the region's take the longest to warm up).
        int[] zooms = "street".equals(System.getenv("ZOOMS")) ? new int[] {15} : new int[] {regionZoom, 15};
        for (int z : zooms) {
            int[] t = tile(z, lon, lat);
            for (String layer : List.of("incidents", "hazard-areas")) {
                String url = base + "/tiles/" + layer + "/" + z + "/" + t[0] + "/" + t[1] + ".mvt";
                LoadRun.Peer app = () -> fetch(url, token).length;
                String sql = sql(layer, z, t[0], t[1]);
                LoadRun.Peer raw = () -> rawTile(connections.get(), sql).length;
                String mapLayer = layer.equals("incidents") ? "incidents" : "hazard_areas";
                String query = "mode=tile&tilemode=gmap&tile=" + t[0] + "+" + t[1] + "+" + z + "&layers=" + mapLayer;
                LoadRun.Peer mapserver = () -> mapserv(config, query).length;
                String name = layer + " z" + z;
                byte[] ours = fetch(url, token);
                byte[] theirs = rawTile(connections.get(), sql);
                byte[] mapped = mapserv(config, query);
                long[] a = content(ours);
                long[] r = content(theirs);
                long[] m = content(mapped);
                System.out.printf(
                        "%s %d/%d/%d: custodian %d bytes, %d features showing %d records; raw SQL %d bytes (%s);"
                                + " MapServer %d bytes, %d features showing %d records%n",
                        name, z, t[0], t[1], ours.length, a[0], a[1], theirs.length,
                        java.util.Arrays.equals(ours, theirs) ? "the same bytes" : "DIFFERENT BYTES", mapped.length, m[0],
                        m[1]);
                String path = URI.create(url).getPath();
                answers.put(path, ours);
                LoadRun.Peer floor = () -> fetch(bareBase + path, token).length;
                if (!java.util.Arrays.equals(ours, theirs)) {
                    throw new IllegalStateException("the raw statement's tile is not the application's: " + r[0]
                            + " features against " + a[0]);
                }
                if (a[1] != m[1]) {
                    System.out.printf("  note: MapServer shows %d records, custodian %d (points on the buffer's edge,"
                            + " or records grouped in cells lying in the tile only)%n", m[1], a[1]);
                }
                for (LoadRun.Peer peer : List.of(app, raw, mapserver, floor)) {
                    LoadRun.warmUp(peer, 8, seconds);
                }
                for (int clients : new int[] {1, 8}) {
                    LoadRun.run(name + ": custodian", app, clients, seconds);
                    LoadRun.run(name + ": raw ST_AsMVT", raw, clients, seconds);
                    LoadRun.run(name + ": MapServer", mapserver, clients, seconds);
                    LoadRun.run(name + ": HTTP alone (JDK server)", floor, clients, seconds);
                }
            }
        }
        bare.stop(0);
        serving.shutdown();
        System.out.printf("load average after: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * The statement Custodian's tile runs for an administrator (every region), as {@code RenderedLayers.tileSql}
     * writes it: the same text and arguments, so the two tiles are the same bytes (checked before measuring).
     * Properties in the order of their names, the tile's numbers written as Java prints doubles.
     */
    static String sql(String layer, int z, int x, int y) {
        double side = 2 * HALF / (1L << z);
        double w = -HALF + x * side;
        double n = HALF - y * side;
        double buffer = side * 64 / 4096;
        double west = Math.max(-180, (w - buffer) * 180 / HALF);
        double south = Math.max(-90, latitude(n - side - buffer));
        double east = Math.min(180, (w + side + buffer) * 180 / HALF);
        double north = Math.min(90, latitude(n + buffer));
        String env = "ST_MakeEnvelope(" + w + ", " + (n - side) + ", " + (w + side) + ", " + n + ", 3857)";
        String mvt = "ST_AsMVTGeom(%s, " + env + ", 4096, 64, true)";
        boolean hazards = layer.equals("hazard-areas");
        String table = hazards ? "mine_hazard_area" : "incident";
        String g = hazards ? "area" : "location";
        String pixel = String.valueOf(side / 512);
        String dot = "(ST_Dimension(" + g + ") > 0 and " + mercatorX("ST_XMax(" + g + ")") + " - "
                + mercatorX("ST_XMin(" + g + ")") + " < " + pixel + " and " + mercatorY("ST_YMax(" + g + ")") + " - "
                + mercatorY("ST_YMin(" + g + ")") + " < " + pixel + ")";
        List<String> properties = hazards
                ? List.of("\"classification\"", "\"priority\"", "\"status\"")
                : List.of("\"status\"", "\"type\"", "date");
        String columns = hazards
                ? "cast(id as text) as id, classification as \"classification\", priority as \"priority\", status as \"status\""
                : "cast(id as text) as id, status as \"status\", type as \"type\", to_char(occurred_at at time zone 'UTC',"
                        + " 'YYYY-MM-DD') as date";
        String one = ", " + String.join(", ", properties);
        StringBuilder grouped = new StringBuilder("case when count(*) = 1 then min(id) end as id");
        properties.forEach(p -> grouped.append(", case when count(*) = 1 then min(").append(p).append(") end as ").append(p));
        StringBuilder sql = new StringBuilder("with f as (select " + columns + ", " + g + " as g, " + dot + " as dot, GeometryType("
                + g + ") = 'POINT' as point from " + table + " where 1 = 1 and " + g + " && ST_MakeEnvelope(" + west + ", "
                + south + ", " + east + ", " + north + ", 4326)) select ST_AsMVT(t, '" + layer + "', 4096, 'geom') from (select"
                + " case when ST_Dimension(g) = 0 then " + mvt.formatted("ST_Transform(g, 3857)") + " when dot then "
                + mvt.formatted("ST_Transform(ST_Centroid(g), 3857)") + " else "
                + mvt.formatted("ST_SimplifyPreserveTopology(ST_Transform(g, 3857), " + pixel + ")") + " end as geom, id" + one
                + ", cast(null as bigint) as count from f");
        if (z <= 12) {
            String cell = String.valueOf(side / 8);
            String mx = mercatorX("ST_X(at)");
            String my = mercatorY("ST_Y(at)");
            sql.append(" where not (dot or point) union all select ").append(mvt.formatted("ST_Transform(ST_Centroid(ST_Collect(at)), 3857)"))
                    .append(" as geom, ").append(grouped)
                    .append(", case when count(*) > 1 then count(*) end as count from (select id").append(one)
                    .append(", case when dot then ST_Centroid(g) else g end as at from f where dot or point) p where ")
                    .append(mx).append(" between ").append(w).append(" and ").append(w + side).append(" and ")
                    .append(my).append(" between ").append(n - side).append(" and ").append(n)
                    .append(" group by floor((").append(mx).append(" - ").append(w).append(") / ").append(cell)
                    .append("), floor((").append(my).append(" - ").append(n - side).append(") / ").append(cell).append(')');
        }
        return sql.append(") t where geom is not null").toString();
    }

    static String mercatorX(String longitude) {
        return "(" + longitude + " * " + HALF + " / 180)";
    }

    static String mercatorY(String latitude) {
        return "(ln(tan(pi() / 4 + radians(greatest(-85.05112878, least(85.05112878, " + latitude + "))) / 2)) * " + HALF
                + " / pi())";
    }

    static double latitude(double mercatorY) {
        return Math.toDegrees(2 * Math.atan(Math.exp(mercatorY * Math.PI / HALF)) - Math.PI / 2);
    }

    /**
     * Features in a tile's first layer, and the records they show (a group's {@code count}, else one): a small
     * reader of the Mapbox Vector Tile protocol buffer, enough to hold the peers' tiles against each other.
     */
    static long[] content(byte[] tile) {
        Pbf t = new Pbf(tile, 0, tile.length);
        while (t.next()) {
            if (t.field == 3) {
                return layer(t.bytes());
            }
            t.skip();
        }
        return new long[] {0, 0};
    }

    private static long[] layer(Pbf l) {
        List<String> keys = new java.util.ArrayList<>();
        List<Long> values = new java.util.ArrayList<>();
        List<long[]> features = new java.util.ArrayList<>();
        while (l.next()) {
            switch (l.field) {
                case 2 -> {
                    Pbf f = l.bytes();
                    while (f.next()) {
                        if (f.field == 2) {
                            Pbf tags = f.bytes();
                            List<Long> all = new java.util.ArrayList<>();
                            while (tags.at < tags.end) {
                                all.add(tags.varint());
                            }
                            features.add(all.stream().mapToLong(Long::longValue).toArray());
                        } else {
                            f.skip();
                        }
                    }
                }
                case 3 -> {
                    Pbf k = l.bytes();
                    keys.add(new String(k.data, k.at, k.end - k.at, java.nio.charset.StandardCharsets.UTF_8));
                }
                case 4 -> {
                    Pbf v = l.bytes();
                    long value = -1;
                    while (v.next()) {
                        if (v.field == 4 || v.field == 5) {
                            value = v.varint();
                        } else if (v.field == 6) {
                            long zz = v.varint();
                            value = (zz >>> 1) ^ -(zz & 1);
                        } else {
                            v.skip();
                        }
                    }
                    values.add(value);
                }
                default -> l.skip();
            }
        }
        int count = keys.indexOf("count");
        long shown = 0;
        for (long[] tags : features) {
            long records = 1;
            for (int i = 0; i + 1 < tags.length; i += 2) {
                if (tags[i] == count) {
                    records = values.get((int) tags[i + 1]);
                }
            }
            shown += records;
        }
        return new long[] {features.size(), shown};
    }

    /** A protocol buffer message read field by field. */
    static final class Pbf {
        final byte[] data;
        int at;
        final int end;
        int field;
        int wire;

        Pbf(byte[] data, int at, int end) {
            this.data = data;
            this.at = at;
            this.end = end;
        }

        boolean next() {
            if (at >= end) {
                return false;
            }
            long key = varint();
            field = (int) (key >>> 3);
            wire = (int) (key & 7);
            return true;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        Pbf bytes() {
            int length = (int) varint();
            Pbf inner = new Pbf(data, at, at + length);
            at += length;
            return inner;
        }

        void skip() {
            switch (wire) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> bytes();
                case 5 -> at += 4;
                default -> throw new IllegalStateException("wire type " + wire);
            }
        }
    }

    static int[] tile(int z, double lon, double lat) {
        int n = 1 << z;
        double r = Math.toRadians(lat);
        return new int[] {
            (int) Math.floor((lon + 180) / 360 * n),
            (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)
        };
    }

    /** A GET of a tile with a bearer token. */
    static byte[] fetch(String url, String token) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", "Bearer " + token);
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException("HTTP " + c.getResponseCode() + " for " + url);
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static byte[] rawTile(Connection connection, String sql) throws Exception {
        try (PreparedStatement st = connection.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            byte[] bytes = rs.getBytes(1);
            return bytes == null ? new byte[0] : bytes;
        }
    }

    /**
     * Debian's {@code mapserv} run as the CGI it is (one process a request), with its configuration file naming
     * the mapfile (MapServer 8 answers an HTML error page without one); the tile, its HTTP head removed.
     */
    static byte[] mapserv(String config, String query) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/lib/cgi-bin/mapserv").redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("MAPSERVER_CONFIG_FILE", config);
        env.put("REQUEST_METHOD", "GET");
        env.put("QUERY_STRING", query);
        Process p = pb.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        p.waitFor();
        int body = indexOf(out, "\r\n\r\n".getBytes()) + 4;
        String head = new String(out, 0, Math.max(0, body), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (body < 4 || !head.contains("application/vnd.mapbox-vector-tile")) {
            throw new IllegalStateException("MapServer answered no tile: "
                    + new String(out, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return java.util.Arrays.copyOfRange(out, body, out.length);
    }

    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -4;
    }
}
