import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many people at once on one Custodian: each user signs in (a session, as a browser does) and then, until the
 * time is up, asks for a page, an API list, a map tile, a map layer or a page of OGC items, chosen at random,
 * one after another. Prints the count, p50, p99 and slowest time and the error rate of each kind of request.
 * Bounded: in time, and at most MAX_REQUESTS_PER_USER requests per user. Loopback only.
 * Usage: java LoadBenchmark.java http://127.0.0.1:PORT USER PASSWORD USERS SECONDS
 */
final class LoadBenchmark {

    static final int MAX_REQUESTS_PER_USER = 100_000;
    /** The demo's country, where its records are: tiles and boxes are drawn around it. */
    static final double LON = 46.75, LAT = 39.8;

    enum Kind { PAGE, API_LIST, TILE, MAP_LAYER, OGC_ITEMS }

    record Request(Kind kind, String path, String accept) {}

    static final List<String> PAGES = List.of("/", "/incidents", "/sources", "/mine-action", "/facilities", "/regions");
    static final List<String> API_LISTS = List.of(
            "/api/regions", "/api/incidents", "/api/sources", "/api/hazard-areas", "/api/facilities", "/api/settlements");
    static final List<String> LAYERS = List.of("incidents", "hazard-areas", "facilities", "assets");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        int users = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        if (!URI.create(base).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("load only ever targets 127.0.0.1");
        }
        System.setProperty("http.maxConnections", String.valueOf(users));

        ExecutorService pool = Executors.newFixedThreadPool(users);
        System.out.printf("signing in %d users%n", users);
        List<Future<String>> signedIn = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            signedIn.add(pool.submit(() -> signIn(base, user, password)));
        }
        List<String> sessions = new ArrayList<>();
        for (Future<String> f : signedIn) {
            sessions.add(f.get());
        }

        Map<Kind, List<long[]>> latencies = new ConcurrentHashMap<>();
        Map<Kind, AtomicLong> errors = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errorSamples = new ConcurrentHashMap<>();
        for (Kind k : Kind.values()) {
            latencies.put(k, java.util.Collections.synchronizedList(new ArrayList<>()));
            errors.put(k, new AtomicLong());
        }
        System.out.printf("%d users for %d s%n", users, seconds);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (String session : sessions) {
            running.add(pool.submit(() -> {
                Map<Kind, long[]> mine = new TreeMap<>();
                Map<Kind, Integer> counts = new TreeMap<>();
                for (Kind k : Kind.values()) {
                    mine.put(k, new long[MAX_REQUESTS_PER_USER]);
                    counts.put(k, 0);
                }
                for (int n = 0; n < MAX_REQUESTS_PER_USER && System.nanoTime() < end; n++) {
                    Request r = next();
                    long start = System.nanoTime();
                    String error = call(base + r.path(), session, r.accept());
                    long took = System.nanoTime() - start;
                    if (error != null) {
                        errors.get(r.kind()).incrementAndGet();
                        errorSamples.computeIfAbsent(r.kind() + " " + r.path() + ": " + error, e -> new AtomicLong())
                                .incrementAndGet();
                    } else {
                        int c = counts.get(r.kind());
                        mine.get(r.kind())[c] = took;
                        counts.put(r.kind(), c + 1);
                    }
                }
                mine.forEach((k, l) -> latencies.get(k).add(Arrays.copyOf(l, counts.get(k))));
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        System.out.printf("%-10s %9s %9s %10s %10s %10s %8s %10s%n",
                "kind", "requests", "per s", "p50 ms", "p99 ms", "max ms", "errors", "error %");
        long allOk = 0, allErrors = 0;
        for (Kind k : Kind.values()) {
            long[] all = latencies.get(k).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long failed = errors.get(k).get();
            allOk += all.length;
            allErrors += failed;
            int p99 = (int) Math.max(0, Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1));
            System.out.printf("%-10s %9d %9.1f %10.1f %10.1f %10.1f %8d %10.3f%n",
                    k.name().toLowerCase().replace('_', '-'), all.length + failed, (all.length + failed) / (double) seconds,
                    all.length == 0 ? 0 : all[all.length / 2] / 1e6, all.length == 0 ? 0 : all[p99] / 1e6,
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6, failed,
                    100.0 * failed / Math.max(1, all.length + failed));
        }
        System.out.printf("%-10s %9d %9.1f %54.3f%n", "all", allOk + allErrors, (allOk + allErrors) / (double) seconds,
                100.0 * allErrors / Math.max(1, allOk + allErrors));
        errorSamples.forEach((e, n) -> System.out.printf("  %d x %s%n", n.get(), e));
        System.exit(allErrors == 0 ? 0 : 1);
    }

    /** One request of a random kind, over the demo's country at a random zoom or box. */
    static Request next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        String layer = LAYERS.get(random.nextInt(LAYERS.size()));
        return switch (kind) {
            case PAGE -> new Request(kind, PAGES.get(random.nextInt(PAGES.size())), "text/html");
            case API_LIST -> new Request(kind, API_LISTS.get(random.nextInt(API_LISTS.size())), "application/json");
            case TILE -> {
                int z = 7 + random.nextInt(8);
                double lon = LON + random.nextDouble(-0.5, 0.5), lat = LAT + random.nextDouble(-0.4, 0.4);
                int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
                double rad = Math.toRadians(lat);
                int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * (1 << z));
                yield new Request(kind, "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt",
                        "application/vnd.mapbox-vector-tile");
            }
            case MAP_LAYER -> new Request(kind, "/map/layers/" + layer + "?bbox=" + box(random), "application/geo+json");
            case OGC_ITEMS -> new Request(kind, "/ogc/collections/" + layer + "/items?limit=100&bbox=" + box(random),
                    "application/geo+json");
        };
    }

    static String box(ThreadLocalRandom random) {
        double half = random.nextDouble(0.02, 0.5);
        double lon = LON + random.nextDouble(-0.5, 0.5), lat = LAT + random.nextDouble(-0.4, 0.4);
        return String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", lon - half, lat - half, lon + half, lat + half);
    }

    /** A GET with the user's session, its body read to the end; null when it succeeded, else what went wrong. */
    static String call(String url, String session, String accept) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Cookie", session);
            c.setRequestProperty("Accept", accept);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return status == 200 ? null : "HTTP " + status;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    /** Signs in through the sign-in form as a browser does; returns the session's cookie. */
    static String signIn(String base, String user, String password) throws Exception {
        HttpURLConnection page = (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        String cookie = cookie(page);
        String html = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        HttpURLConnection post = (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        post.setInstanceFollowRedirects(false);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Cookie", cookie);
        post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        post.getOutputStream().write(("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        if (post.getResponseCode() != 302 || post.getHeaderField("Location").contains("error")) {
            throw new IllegalStateException("sign-in refused: HTTP " + post.getResponseCode() + " to "
                    + post.getHeaderField("Location"));
        }
        String signedIn = cookie(post);
        post.getInputStream().close();
        return signedIn == null ? cookie : signedIn;
    }

    private static String cookie(HttpURLConnection c) {
        return c.getHeaderFields().entrySet().stream()
                .filter(e -> "Set-Cookie".equalsIgnoreCase(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .map(v -> v.substring(0, v.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
    }
}
