import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.custody.LedgerChain;
import org.postgresql.PGConnection;

/**
 * The custody ledger, measured on PostGIS in one run:
 *
 * <ul>
 *   <li>{@code append URL TOKEN SITES SECONDS WRITERS [ITEMS]}: items registered through the API by concurrent
 *       writers, each registration one event, writer w storing into the w-th of the SITES (ids, comma-separated,
 *       taken in turn); with ITEMS, surrenders of ITEMS items each
 *       ({@code POST /api/custody/batches}, one event per item, one transaction per surrender); events/s,
 *       requests/s and latency per request.
 *   <li>{@code raw JDBC SECONDS WRITERS [ROWS]}: the peer: rows of the same shape as events inserted over JDBC
 *       by concurrent writers, ROWS rows (1 by default) and one commit per transaction, into a copy of the
 *       events table without its chain, lock or trigger: what the database itself allows.
 *   <li>{@code fill JDBC EVENTS}: extends the chain to EVENTS events with valid links (COPY), for the verifier.
 *   <li>{@code verify JDBC ROUNDS}: loads the whole chain, then times the chain check (LedgerChain.Walker, the
 *       product's code) against raw SHA-256 over the same bytes, alternately, ROUNDS times each.
 * </ul>
 */
public class CustodyLedgerBenchmark {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "append" -> append(args[1], args[2], Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray(), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? Integer.parseInt(args[6]) : 0);
            case "raw" -> raw(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 1);
            case "fill" -> fill(args[1], Integer.parseInt(args[2]));
            case "verify" -> verify(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void append(String base, String token, long[] sites, int seconds, int writers, int items) throws Exception {
        URI uri = URI.create(base + (items == 0 ? "/api/custody/items" : "/api/custody/batches"));
        // The client's own processor time during the run, its start left out: it shares the cores with the server.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        List<Long> all = timed(seconds, writers, (writer, end) -> {
            long[] latencies = new long[1 << 20];
            int n = 0;
            long site = sites[writer % sites.length];
            try (KeptAliveConnection connection = new KeptAliveConnection(uri, token)) {
                while (System.nanoTime() < end) {
                    byte[] body = (items == 0 ? "{\"siteId\":" + site + ",\"origin\":\"SEIZURE\",\"item\":" + item(writer, n, 0) + "}"
                            : surrender(site, writer, n, items)).getBytes(StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    int status = connection.post(body);
                    latencies[n++] = System.nanoTime() - t0;
                    if (status != 201) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                }
            }
            return Arrays.copyOf(latencies, n);
        });
        int perRequest = Math.max(1, items);
        System.out.printf("append, %d writers%s%s: %d events in %d s = %.0f events/s (%.0f requests/s); latency per request p50 %.1f ms, p99 %.1f ms%n",
                writers, items == 0 ? ", one item a registration" : ", surrenders of " + items + " items",
                sites.length == 1 ? ", one site" : ", " + sites.length + " sites",
                all.size() * perRequest, seconds, all.size() * perRequest / (double) seconds, all.size() / (double) seconds,
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
        System.out.printf("  client processor time: %.2f ms a request%n", (os.getProcessCpuTime() - cpu0) / 1e6 / all.size());
    }

    /**
     * A writer's kept-alive HTTP/1.1 connection: each request written in one piece, the answer read to its end
     * (by its length or its chunks) and its status returned. The client shares the two cores with the server, so
     * it is kept to a socket's write and read: HttpURLConnection took 0.28 ms of processor time a request, the
     * JDK's HttpClient 1.6 ms, against the server's 0.9 ms.
     */
    static final class KeptAliveConnection implements AutoCloseable {
        private final URI uri;
        private final byte[] head;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private OutputStream out;

        KeptAliveConnection(URI uri, String token) throws IOException {
            this.uri = uri;
            this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json"
                    + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
            open();
        }

        private void open() throws IOException {
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        int post(byte[] body) throws IOException {
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream(head.length + body.length + 16);
            request.write(head);
            request.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            out.write(request.toByteArray());
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {} // trailers
            } else if (length >= 0) {
                answer.write(in.readNBytes((int) length));
            }
            if (status != 201) {
                System.err.println(answer.toString(StandardCharsets.UTF_8));
            }
            if (close) {
                close();
                open();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String item(int writer, int n, int i) {
        return "{\"category\":\"OTHER\",\"description\":\"Benchmark item " + writer + "-" + n + "-" + i + "\",\"quantity\":1,"
                + "\"unit\":\"PIECES\",\"foundAt\":{\"type\":\"Point\",\"coordinates\":[46.79,39.91]},"
                + "\"foundTime\":\"2023-10-01T08:00:00Z\",\"foundBy\":\"bench\"}";
    }

    private static String surrender(long site, int writer, int n, int items) {
        StringBuilder b = new StringBuilder("{\"regionCode\":\"KHJ\",\"party\":\"Benchmark party\",")
                .append("\"place\":{\"type\":\"Point\",\"coordinates\":[46.79,39.91]},")
                .append("\"receivedAt\":\"2023-10-01T09:00:00Z\",\"receivingOfficer\":\"bench\",")
                .append("\"witnesses\":[\"Witness\"],\"siteId\":").append(site).append(",\"items\":[");
        for (int i = 0; i < items; i++) {
            b.append(i == 0 ? "" : ",").append(item(writer, n, i));
        }
        return b.append("]}").toString();
    }

    /** One writer's loop until {@code end} (System.nanoTime): the latencies of what it sent. */
    interface Writer {
        long[] run(int writer, long end) throws Exception;
    }

    /** The writers run at once for the time; every latency they measured, sorted. */
    static List<Long> timed(int seconds, int writers, Writer loop) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<long[]>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> loop.run(writer, end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        pool.shutdown();
        all.sort(null);
        return all;
    }

    static void raw(String jdbc, int seconds, int writers, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_event");
            s.execute("create table bench_raw_event (seq bigserial primary key, item_id bigint not null,"
                    + " at timestamptz not null, actor varchar(100) not null, kind varchar(20) not null,"
                    + " payload text not null, previous_hash char(64) not null, hash char(64) not null)");
        }
        String hash = "0".repeat(64);
        List<Long> all = timed(seconds, writers, (writer, end) -> {
            long[] latencies = new long[1 << 20];
            int n = 0;
            try (Connection c = DriverManager.getConnection(jdbc);
                    PreparedStatement p = c.prepareStatement("insert into bench_raw_event"
                            + " (item_id, at, actor, kind, payload, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?)")) {
                c.setAutoCommit(rows == 1);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    for (int r = 1; r < rows; r++) {
                        row(p, writer, n, hash);
                        p.executeUpdate();
                    }
                    row(p, writer, n, hash);
                    p.executeUpdate();
                    if (rows > 1) {
                        c.commit();
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
            }
            return Arrays.copyOf(latencies, n);
        });
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("drop table bench_raw_event");
        }
        System.out.printf("raw INSERT (peer), %d writers, %d rows a commit: %d rows in %d s = %.0f rows/s; latency per commit p50 %.2f ms, p99 %.2f ms%n",
                writers, rows, all.size() * rows, seconds, all.size() * rows / (double) seconds,
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }

    private static void row(PreparedStatement p, int writer, int n, String hash) throws java.sql.SQLException {
        p.setLong(1, writer * 1_000_000L + n);
        p.setObject(2, OffsetDateTime.now());
        p.setString(3, "benchmark");
        p.setString(4, "REGISTERED");
        p.setString(5, "{\"category\":\"OTHER\",\"description\":\"Benchmark item " + writer + "-" + n
                + "\",\"quantity\":\"1\",\"unit\":\"PIECES\",\"site\":1,\"origin\":\"SEIZURE\"}");
        p.setString(6, hash);
        p.setString(7, hash);
    }

    static void fill(String jdbc, int events) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            long seq;
            String previous;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select last_seq, last_hash from custody_ledger_head where id = 1 for update")) {
                rs.next();
                seq = rs.getLong(1);
                previous = rs.getString(2).strip();
            }
            long[] items;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from custody_item order by id limit 1000")) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                items = ids.stream().mapToLong(Long::longValue).toArray();
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder();
            int written = 0;
            while (seq < events) {
                seq++;
                long item = items[(int) (seq % items.length)];
                Instant when = at.plusNanos(seq * 1000);
                String payload = "{\"transfer\":" + seq + ",\"site\":1,\"receivedAt\":\"" + when + "\",\"quantity\":\"1\"}";
                String hash = LedgerChain.hash(previous, seq, item, when, "benchmark", "RECEIVED", payload);
                batch.append(seq).append('\t').append(item).append('\t').append(OffsetDateTime.ofInstant(when, java.time.ZoneOffset.UTC))
                        .append('\t').append("benchmark").append('\t').append("RECEIVED").append('\t').append(payload)
                        .append('\t').append(previous).append('\t').append(hash).append('\n');
                previous = hash;
                if (++written % 50_000 == 0 || seq == events) {
                    copy.copyIn("copy custody_event (seq, item_id, at, actor, kind, payload, previous_hash, hash) from stdin",
                            new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
            try (PreparedStatement p = c.prepareStatement("update custody_ledger_head set last_seq = ?, last_hash = ? where id = 1")) {
                p.setLong(1, seq);
                p.setString(2, previous);
                p.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze custody_event");
            }
            System.out.printf("ledger filled to %d events%n", seq);
        }
    }

    static void verify(String jdbc, int rounds) throws Exception {
        List<LedgerChain.Link> links = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "select seq, item_id, at, actor, kind, payload, previous_hash, hash from custody_event order by seq")) {
                p.setFetchSize(10_000);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        links.add(new LedgerChain.Link(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
        }
        byte[][] bytes = new byte[links.size()][];
        long total = 0;
        for (int i = 0; i < bytes.length; i++) {
            LedgerChain.Link l = links.get(i);
            bytes[i] = LedgerChain.content(l.previousHash(), l.seq(), l.itemId(), l.at(), l.actor(), l.kind(), l.payload());
            total += bytes[i].length;
        }
        System.out.printf("loaded %d events, %.1f MB hashed per pass (%.0f bytes per event)%n",
                links.size(), total / 1e6, total / (double) links.size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        double[] chain = new double[rounds];
        double[] raw = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            LedgerChain.Walker walker = new LedgerChain.Walker();
            for (LedgerChain.Link l : links) {
                if (walker.next(l) != null) {
                    throw new IllegalStateException("broken at " + l.seq());
                }
            }
            long t1 = System.nanoTime();
            byte sink = 0;
            for (byte[] b : bytes) {
                sink ^= sha.digest(b)[0];
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                chain[r] = links.size() / ((t1 - t0) / 1e9);
                raw[r] = links.size() / ((t2 - t1) / 1e9);
            }
            if (sink == 42 && r == -3) {
                System.out.print("");
            }
        }
        Arrays.sort(chain);
        Arrays.sort(raw);
        System.out.printf("chain check (LedgerChain.Walker): median %.0f events/s (min %.0f, max %.0f)%n", chain[rounds / 2], chain[0], chain[rounds - 1]);
        System.out.printf("raw SHA-256 over the same bytes:  median %.0f events/s (min %.0f, max %.0f), %.0f MB/s%n",
                raw[rounds / 2], raw[0], raw[rounds - 1], raw[rounds / 2] * total / links.size() / 1e6);
        System.out.printf("chain check / raw SHA-256: %.0f%%%n", 100 * chain[rounds / 2] / raw[rounds / 2]);
    }
}
