import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field submissions ingested on PostGIS, in one run:
 *
 * <ul>
 *   <li>{@code ingest BASE SECONDS SENDERS REPLAY_PERCENT JDBC}: SENDERS concurrent devices POST submissions
 *       to BASE (a device key's OpenRosa URL) for SECONDS, each a real instance of the ordnance-find form
 *       (the form's current id and version, read from the server's form list) with one 200 kB photo, as Collect
 *       sends them (multipart, X-OpenRosa-Version); REPLAY_PERCENT of the POSTs send an instance that sender
 *       sent before, byte for byte. Prints submissions/s and latency, then checks exact deduplication: the
 *       stored submissions and files equal the distinct instanceIDs sent.
 *   <li>{@code raw JDBC SECONDS SENDERS}: the same rows (submission with its XML and SHA-256, file with its
 *       200 kB) inserted by SENDERS JDBC connections, one transaction per submission: the limit.
 *   <li>{@code raw-audited JDBC SECONDS SENDERS}: as {@code raw}, and in each transaction the two entries the
 *       product's audit trail appends for those rows, under the chain head's row lock as it takes it (select
 *       for update, insert, update the head, commit): the limit once every write joins one chain.
 * </ul>
 */
public class FieldcollectIngestBenchmark {

    static final int PHOTO_BYTES = 200 * 1024;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ingest" -> ingest(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
            case "raw" -> raw(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), false);
            case "raw-audited" -> raw(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), true);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static byte[] photo() {
        byte[] photo = new byte[PHOTO_BYTES];
        new Random(42).nextBytes(photo);
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        return photo;
    }

    /** An instance of the form as JavaRosa serialises it once Collect finalises it. */
    static byte[] instance(String formId, String version, String instanceId, int n) {
        return ("<data xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:orx=\"http://openrosa.org/xforms\" id=\""
                        + formId + "\" version=\"" + version + "\"><location>39.912 46.8 0.0 5.0</location><found_on>"
                        + LocalDate.now().minusDays(1) + "</found_on><category>UXO</category><quantity>1</quantity>"
                        + "<description>Benchmark find " + n + ": a mortar round by the road</description>"
                        + "<photo>photo.jpg</photo><meta><instanceID>" + instanceId + "</instanceID></meta></data>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] multipart(String boundary, byte[] xml, byte[] photo) {
        var body = new java.io.ByteArrayOutputStream(photo.length + xml.length + 512);
        part(body, boundary, "xml_submission_file", "submission.xml", "text/xml", xml);
        part(body, boundary, "photo.jpg", "photo.jpg", "image/jpeg", photo);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static void part(java.io.ByteArrayOutputStream body, String boundary, String name, String file, String type, byte[] bytes) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + file + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static void ingest(String base, int seconds, int senders, int replayPercent, String jdbc) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String list = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/formList")).header("X-OpenRosa-Version", "1.0").build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("<formID>ordnance-find</formID>\\s*<name>[^<]*</name>\\s*<version>([^<]+)</version>")
                .matcher(list);
        if (!m.find()) {
            throw new IllegalStateException("no ordnance-find in the form list: " + list);
        }
        String version = m.group(1);
        byte[] photo = photo();
        String run = Long.toHexString(System.nanoTime());
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicLong replays = new AtomicLong();
        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(URI.create(base + "/submission"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("X-OpenRosa-Version", "1.0")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (head.statusCode() != 204) {
            throw new IllegalStateException("HEAD answered " + head.statusCode());
        }
        List<Long> all = concurrently(senders, seconds, (sender, end, latencies) -> {
            List<byte[]> mine = new ArrayList<>();
            int n = 0;
            while (System.nanoTime() < end) {
                byte[] xml;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (!mine.isEmpty() && random.nextInt(100) < replayPercent) {
                    xml = mine.get(random.nextInt(mine.size()));
                    replays.incrementAndGet();
                } else {
                    String id = "uuid:bench-" + run + "-" + sender + "-" + n;
                    xml = instance("ordnance-find", version, id, n);
                    mine.add(xml);
                    sent.add(id);
                }
                String boundary = "----collect" + Long.toHexString(random.nextLong());
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/submission"))
                                .header("X-OpenRosa-Version", "1.0")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, xml, photo)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                latencies[n++] = System.nanoTime() - t0;
            }
            return n;
        });
        print("OpenRosa POST", senders, all, seconds);
        System.out.printf("  replays among them: %d (%.1f%%)%n", replays.get(), 100.0 * replays.get() / all.size());
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            long stored;
            long files;
            try (ResultSet rs = st.executeQuery(
                    "select count(*), count(distinct instance_id) from fieldcollect_submission where instance_id like 'uuid:bench-"
                            + run + "-%'")) {
                rs.next();
                stored = rs.getLong(1);
                if (rs.getLong(2) != stored) {
                    throw new IllegalStateException("duplicate instanceIDs stored");
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "select count(*) from fieldcollect_submission_file f join fieldcollect_submission s on s.id = f.submission_id"
                            + " where s.instance_id like 'uuid:bench-" + run + "-%'")) {
                rs.next();
                files = rs.getLong(1);
            }
            System.out.printf("  dedup: %d distinct instanceIDs sent, %d submissions and %d photos stored: %s%n",
                    sent.size(), stored, files, stored == sent.size() && files == sent.size() ? "exact" : "NOT EXACT");
            if (stored != sent.size() || files != sent.size()) {
                System.exit(1);
            }
        }
    }

    static void raw(String jdbc, int seconds, int senders, boolean audited) throws Exception {
        byte[] photo = photo();
        String run = Long.toHexString(System.nanoTime());
        List<Long> all = concurrently(senders, seconds, (sender, end, latencies) -> {
            int n = 0;
            try (Connection c = DriverManager.getConnection(jdbc);
                    PreparedStatement sub = c.prepareStatement(
                            "insert into fieldcollect_submission (form_id, form_version, instance_id, xml, xml_sha256,"
                                    + " region_code, longitude, latitude, submitted_by, received_at, status)"
                                    + " values ('ordnance-find', '1', ?, ?, ?, 'KHJ', 46.8, 39.912, 'admin', ?, 'RECEIVED')",
                            new String[] {"id"});
                    PreparedStatement file = c.prepareStatement(
                            "insert into fieldcollect_submission_file (submission_id, name, content_type, size, content)"
                                    + " values (?, 'photo.jpg', 'image/jpeg', ?, ?)");
                    PreparedStatement head =
                            c.prepareStatement("select last_hash from platform_audit_head where id = 1 for update");
                    PreparedStatement entry = c.prepareStatement(
                            "insert into platform_audit_entry (at, actor, action, record_type, record_id,"
                                    + " before_state, after_state, previous_hash, hash)"
                                    + " values (?, 'bench', 'INSERT', ?, ?, null, ?, ?, ?)");
                    PreparedStatement moveHead =
                            c.prepareStatement("update platform_audit_head set last_hash = ? where id = 1")) {
                c.setAutoCommit(false);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    byte[] xml = instance("ordnance-find", "1", "uuid:raw-" + run + "-" + sender + "-" + n, n);
                    sub.setString(1, "uuid:raw-" + run + "-" + sender + "-" + n);
                    sub.setBytes(2, xml);
                    sub.setString(3, HexFormat.of().formatHex(sha.digest(xml)));
                    sub.setTimestamp(4, Timestamp.from(Instant.now()));
                    sub.executeUpdate();
                    long id;
                    try (ResultSet keys = sub.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    file.setLong(1, id);
                    file.setLong(2, photo.length);
                    file.setBytes(3, photo);
                    file.executeUpdate();
                    if (audited) {
                        String previous;
                        try (ResultSet rs = head.executeQuery()) {
                            rs.next();
                            previous = rs.getString(1);
                        }
                        for (String type : new String[] {"Submission", "SubmissionFile"}) {
                            String state = "{\"id\":" + id + ",\"type\":\"" + type + "\",\"bytes\":\"(" + photo.length + " bytes)\"}";
                            String hash = HexFormat.of().formatHex(sha.digest((previous + state).getBytes(StandardCharsets.UTF_8)));
                            entry.setTimestamp(1, Timestamp.from(Instant.now()));
                            entry.setString(2, type);
                            entry.setString(3, Long.toString(id));
                            entry.setString(4, state);
                            entry.setString(5, previous);
                            entry.setString(6, hash);
                            entry.executeUpdate();
                            previous = hash;
                        }
                        moveHead.setString(1, previous);
                        moveHead.executeUpdate();
                    }
                    c.commit();
                    latencies[n++] = System.nanoTime() - t0;
                }
            }
            return n;
        });
        print(audited ? "raw + audit chain" : "raw JDBC INSERT", senders, all, seconds);
    }

    /** One sender's loop: fills latencies (ns) until the end, returns how many it made. */
    interface Sender {
        int run(int sender, long end, long[] latencies) throws Exception;
    }

    /** Runs the senders concurrently for the time; every latency, in ns. */
    static List<Long> concurrently(int senders, int seconds, Sender body) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<long[]>> results = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                return Arrays.copyOf(latencies, body.run(sender, end, latencies));
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        pool.shutdown();
        return all;
    }

    static void print(String name, int clients, List<Long> all, int seconds) {
        all.sort(null);
        int p99 = (int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1);
        System.out.printf("%-18s %8d %10d %14.1f %10.1f %10.1f %10.1f%n", name, clients, all.size(), all.size() / (double) seconds,
                all.get(all.size() / 2) / 1e6, all.get(p99) / 1e6, all.get(all.size() - 1) / 1e6);
    }
}
