import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Incidents on PostGIS, each query side by side with the raw SQL it stands for, in one run:
 *
 * <ul>
 *   <li>a filtered page: region + type + month, 100 incidents, from {@code /api/incidents} (HTTP, bearer token)
 *       and from PostgreSQL directly (JDBC, ST_AsGeoJSON);
 *   <li>the map layer for one region: {@code /map/layers/incidents?bbox=} the region's envelope, and the same
 *       envelope query over JDBC with the same columns and limit.
 * </ul>
 * Each peer first serves load for twice the measuring time ({@link LoadRun#warmUp}), then runs for a fixed
 * time at 1 and 8 concurrent clients. Loopback only, bounded in time.
 *
 * <p>Usage: java -cp postgresql.jar IncidentsBenchmark.java BASE_URL TOKEN JDBC_URL REGION SECONDS
 */
public class IncidentsBenchmark {


    static final String PAGE_SQL = "select id, reference, type, sub_type, occurred_at, region_code, status, description,"
            + " killed_civilian + killed_police + killed_military + killed_deminer,"
            + " injured_civilian + injured_police + injured_military + injured_deminer, ST_AsGeoJSON(location, 8)"
            + " from incident where region_code = ? and type = ? and occurred_at >= ? and occurred_at < ?"
            + " order by occurred_at desc, id desc limit 100";
    static final String MAP_SQL = "select id, reference, type, occurred_at, region_code, status,"
            + " killed_civilian + killed_police + killed_military + killed_deminer,"
            + " injured_civilian + injured_police + injured_military + injured_deminer, ST_AsGeoJSON(location, 8)"
            + " from incident where location && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
            + " order by occurred_at desc, id desc limit 10000";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbc = args[2];
        String region = args[3];
        int seconds = Integer.parseInt(args[4]);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double[] box = new double[4];
        try (PreparedStatement st = connections.get().prepareStatement(
                "select ST_XMin(boundary), ST_YMin(boundary), ST_XMax(boundary), ST_YMax(boundary) from territory_region where code = ?")) {
            st.setString(1, region);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                for (int i = 0; i < 4; i++) {
                    box[i] = rs.getDouble(i + 1);
                }
            }
        }
        String bbox = box[0] + "," + box[1] + "," + box[2] + "," + box[3];
        Instant from = Instant.parse("2023-09-01T00:00:00Z");
        Instant until = Instant.parse("2023-10-01T00:00:00Z");

        LoadRun.Peer page = LoadRun.get(base + "/api/incidents?region=" + region + "&type=SHELLING&from=2023-09-01&to=2023-09-30&limit=100", token);
        LoadRun.Peer pageSql = () -> {
            try (PreparedStatement st = connections.get().prepareStatement(PAGE_SQL)) {
                st.setString(1, region);
                st.setString(2, "SHELLING");
                st.setTimestamp(3, Timestamp.from(from));
                st.setTimestamp(4, Timestamp.from(until));
                return read(st, 11);
            }
        };
        LoadRun.Peer layer = LoadRun.get(base + "/map/layers/incidents?bbox=" + bbox, token);
        LoadRun.Peer layerSql = () -> {
            try (PreparedStatement st = connections.get().prepareStatement(MAP_SQL)) {
                for (int i = 0; i < 4; i++) {
                    st.setDouble(i + 1, box[i]);
                }
                return read(st, 9);
            }
        };
        System.out.printf("filtered page (%s, SHELLING, 2023-09): custodian %d features, raw SQL %d%n", region, page.call(), pageSql.call());
        System.out.printf("map layer (%s envelope %s): custodian %d features, raw SQL %d%n", region, bbox, layer.call(), layerSql.call());
        for (LoadRun.Peer peer : List.of(page, pageSql, layer, layerSql)) {
            LoadRun.warmUp(peer, 8, 2 * seconds);
        }
        System.out.printf("%-22s %8s %12s %10s %10s %10s%n", "peer", "clients", "requests/s", "p50 ms", "p99 ms", "max ms");
        for (int clients : new int[] {1, 8}) {
            LoadRun.run("page: custodian", page, clients, seconds);
            LoadRun.run("page: raw SQL", pageSql, clients, seconds);
            LoadRun.run("map layer: custodian", layer, clients, seconds);
            LoadRun.run("map layer: raw SQL", layerSql, clients, seconds);
        }
    }

    static int read(PreparedStatement st, int columns) throws Exception {
        int n = 0;
        long chars = 0;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    String v = rs.getString(c);
                    chars += v == null ? 0 : v.length();
                }
                n++;
            }
        }
        return chars >= 0 ? n : -1;
    }
}
