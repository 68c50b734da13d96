import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A peer run by a number of concurrent clients for a fixed time, with its rate and latency percentiles. */
final class LoadRun {

    interface Peer {
        /** One request; returns the number of features read. */
        int call() throws Exception;
    }

    private LoadRun() {}

    /**
     * A GET of a Custodian page with a bearer token, over a kept-alive connection (the JDK's plain blocking
     * client, as light as a JDBC driver's); returns the page's {@code numberReturned}.
     */
    static Peer get(String url, String token) {
        return () -> {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "application/geo+json, application/json");
            if (c.getResponseCode() != 200) {
                try (InputStream error = c.getErrorStream()) {
                    throw new IllegalStateException("HTTP " + c.getResponseCode() + ": "
                            + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            String body;
            try (InputStream in = c.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            int at = body.indexOf("\"numberReturned\":");
            return Integer.parseInt(body.substring(at + 17, body.indexOf(',', at)));
        };
    }

    /**
     * Warms the peer up as long as it will be measured, with the same clients (a server's JIT compiler is still
     * at work after tens of seconds of load), runs it, prints one line and returns requests per second.
     */
    static double run(String name, Peer peer, int clients, int seconds) throws Exception {
        measure(peer, clients, seconds);
        List<Long> all = measure(peer, clients, seconds);
        double rate = all.size() / (double) seconds;
        int p99 = (int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1);
        System.out.printf("%-22s %8d %12.1f %10.1f %10.1f %10.1f%n", name, clients, rate,
                all.get(all.size() / 2) / 1e6, all.get(p99) / 1e6, all.get(all.size() - 1) / 1e6);
        return rate;
    }

    /**
     * Load before any measurement, so that the server's JIT compiler has settled: on two cores it was still
     * compiling (a core's worth, in bursts) after minutes of load, which a short warm-up counts against the
     * server.
     */
    static void warmUp(Peer peer, int clients, int seconds) throws Exception {
        measure(peer, clients, seconds);
    }

    /** Latencies of every call the clients made in the time, sorted. */
    private static List<Long> measure(Peer peer, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit((Callable<long[]>) () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    peer.call();
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
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
}
