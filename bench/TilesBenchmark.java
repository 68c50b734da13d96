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
 *       as MVT from a mapfile.
 * </ul>
 * Each prints the tile's size first; then every peer at 1 and 8 clients after a warm-up ({@link LoadRun}).
 *
 * <p>Usage: java -cp postgresql.jar TilesBenchmark.java BASE_URL TOKEN JDBC_URL MAPFILE REGION SECONDS
 */
public class TilesBenchmark {

    static final double HALF = 20037508.342789244;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbc = args[2];
        String mapfile = args[3];
        String region = args[4];
        int seconds = Integer.parseInt(args[5]);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc);
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
        System.out.printf("load average before: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-34s %8s %12s %10s %10s %10s%n", "peer", "clients", "requests/s", "p50 ms", "p99 ms", "max ms");
        for (int z : new int[] {regionZoom, 15}) {
            int[] t = tile(z, lon, lat);
            for (String layer : List.of("incidents", "hazard-areas")) {
                LoadRun.Peer app = tileGet(base + "/tiles/" + layer + "/" + z + "/" + t[0] + "/" + t[1] + ".mvt", token);
                String sql = sql(layer, z, t[0], t[1]);
                LoadRun.Peer raw = () -> {
                    try (PreparedStatement st = connections.get().prepareStatement(sql);
                            ResultSet rs = st.executeQuery()) {
                        rs.next();
                        byte[] bytes = rs.getBytes(1);
                        return bytes == null ? 0 : bytes.length;
                    }
                };
                String mapLayer = layer.equals("incidents") ? "incidents" : "hazard_areas";
                LoadRun.Peer mapserver = () -> {
                    ProcessBuilder pb = new ProcessBuilder("/usr/lib/cgi-bin/mapserv").redirectErrorStream(false);
                    Map<String, String> env = pb.environment();
                    env.put("REQUEST_METHOD", "GET");
                    env.put("QUERY_STRING", "map=" + mapfile + "&mode=tile&tilemode=gmap&tile=" + t[0] + "+" + t[1] + "+" + z
                            + "&layers=" + mapLayer + "&map.imagetype=mvt");
                    Process p = pb.start();
                    byte[] out;
                    try (InputStream in = p.getInputStream()) {
                        out = in.readAllBytes();
                    }
                    p.waitFor();
                    int body = indexOf(out, "\r\n\r\n".getBytes()) + 4;
                    return out.length - body;
                };
                String name = layer + " z" + z;
                System.out.printf("%s %d/%d/%d: custodian %d bytes, raw SQL %d bytes, MapServer %d bytes%n",
                        name, z, t[0], t[1], app.call(), raw.call(), mapserver.call());
                for (LoadRun.Peer peer : List.of(app, raw, mapserver)) {
                    LoadRun.warmUp(peer, 8, seconds);
                }
                for (int clients : new int[] {1, 8}) {
                    LoadRun.run(name + ": custodian", app, clients, seconds);
                    LoadRun.run(name + ": raw ST_AsMVT", raw, clients, seconds);
                    LoadRun.run(name + ": MapServer", mapserver, clients, seconds);
                }
            }
        }
        System.out.printf("load average after: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The statement Custodian's tile runs for an administrator (every region), written out. */
    static String sql(String layer, int z, int x, int y) {
        double side = 2 * HALF / (1L << z);
        double w = -HALF + x * side;
        double n = HALF - y * side;
        String env = "ST_MakeEnvelope(" + w + ", " + (n - side) + ", " + (w + side) + ", " + n + ", 3857)";
        double buffer = side * 64 / 4096;
        String box = "ST_Transform(ST_MakeEnvelope(" + (w - buffer) + ", " + (n - side - buffer) + ", " + (w + side + buffer)
                + ", " + (n + buffer) + ", 3857), 4326)";
        String geom = "ST_AsMVTGeom(ST_Transform(%s, 3857), " + env + ", 4096, 64, true) as geom";
        if (layer.equals("hazard-areas")) {
            return "select ST_AsMVT(t, 'hazard-areas', 4096, 'geom') from (select " + geom.formatted("area")
                    + ", cast(id as text) as id, classification, status, priority from mine_hazard_area where area && "
                    + box + ") t where geom is not null";
        }
        String one = "cast(id as text) as id, type, status, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as date";
        if (z > 12) {
            return "select ST_AsMVT(t, 'incidents', 4096, 'geom') from (select " + geom.formatted("location") + ", " + one
                    + ", cast(null as bigint) as count from incident where location && " + box + ") t where geom is not null";
        }
        double cell = side / 8;
        return "select ST_AsMVT(t, 'incidents', 4096, 'geom') from (select " + geom.formatted("location") + ", " + one
                + ", cast(null as bigint) as count from incident where location && " + box
                + " and GeometryType(location) <> 'POINT' union all select "
                + geom.formatted("ST_Centroid(ST_Collect(location))")
                + ", case when count(*) = 1 then min(cast(id as text)) end, case when count(*) = 1 then min(type) end,"
                + " case when count(*) = 1 then min(status) end, case when count(*) = 1 then min(to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')) end,"
                + " case when count(*) > 1 then count(*) end from incident where location && " + box
                + " and GeometryType(location) = 'POINT' and ST_Transform(location, 3857) && " + env
                + " group by floor((ST_X(ST_Transform(location, 3857)) - " + w + ") / " + cell + "),"
                + " floor((ST_Y(ST_Transform(location, 3857)) - " + (n - side) + ") / " + cell + ")) t where geom is not null";
    }

    static int[] tile(int z, double lon, double lat) {
        int n = 1 << z;
        double r = Math.toRadians(lat);
        return new int[] {
            (int) Math.floor((lon + 180) / 360 * n),
            (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n)
        };
    }

    /** A GET of a tile with a bearer token; returns its size in bytes. */
    static LoadRun.Peer tileGet(String url, String token) {
        return () -> {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("HTTP " + c.getResponseCode() + " for " + url);
            }
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes().length;
            }
        };
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
