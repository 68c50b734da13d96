import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * OGC API items against the raw SQL it stands for, side by side in one run: a bbox page of 1,000 hazard
 * polygons as GeoJSON from Custodian (HTTP, bearer token) and from PostGIS directly (JDBC,
 * ST_AsGeoJSON with the && envelope filter). Both peers first serve load for four times the measuring
 * time ({@link LoadRun#warmUp}). Each peer runs for a fixed time at 1 and at 16 concurrent
 * clients; latencies are per request (per query for the peer). Bounded: loopback only, fixed duration.
 *
 * <p>Usage: java -cp postgresql.jar OgcItemsBenchmark.java BASE_URL TOKEN JDBC_URL SECONDS
 */
public class OgcItemsBenchmark {

    static final double[] BOX = {46.50, 39.50, 46.66, 39.66};
    static final String SQL = "select id, reference, name, region_code, classification, status, priority,"
            + " area_square_metres, released_square_metres, ST_AsGeoJSON(area, 8) from mine_hazard_area"
            + " where area && ST_MakeEnvelope(?, ?, ?, ?, 4326) order by id limit 1000";


    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbc = args[2];
        int seconds = Integer.parseInt(args[3]);
        String items = base + "/ogc/collections/hazard-areas/items?limit=1000&bbox=" + BOX[0] + "," + BOX[1] + "," + BOX[2] + "," + BOX[3];
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        LoadRun.Peer custodian = LoadRun.get(items, token);
        LoadRun.Peer raw = () -> {
            try (PreparedStatement st = connections.get().prepareStatement(SQL)) {
                for (int i = 0; i < 4; i++) {
                    st.setDouble(i + 1, BOX[i]);
                }
                int n = 0;
                long chars = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        for (int c = 1; c <= 10; c++) {
                            String v = rs.getString(c);
                            chars += v == null ? 0 : v.length();
                        }
                        n++;
                    }
                }
                return chars > 0 ? n : 0;
            }
        };

        System.out.printf("features per page: custodian %d, raw SQL %d%n", custodian.call(), raw.call());
        LoadRun.warmUp(custodian, 16, 4 * seconds);
        LoadRun.warmUp(raw, 16, 4 * seconds);
        System.out.printf("%-10s %8s %12s %10s %10s %10s%n", "peer", "clients", "requests/s", "p50 ms", "p99 ms", "max ms");
        for (int clients : new int[] {1, 16}) {
            double custodianRate = LoadRun.run("custodian", custodian, clients, seconds);
            double rawRate = LoadRun.run("raw SQL", raw, clients, seconds);
            System.out.printf("ratio at %d clients: custodian / raw SQL = %.0f%%%n", clients, 100 * custodianRate / rawRate);
        }
    }
}
