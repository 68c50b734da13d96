import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * First paint of maps in Debian's headless Chromium: for each page and run a new browser context (nothing
 * cached), signed in, then the page is opened and timed from navigation start to its first contentful paint
 * and to its map drawn with every layer (the map's {@code data-ready} mark: on the operational map, MapLibre's
 * first idle after every layer was added; on a region's page, every layer's features drawn).
 *
 * <p>Usage: {@code MapPaintBenchmark BASE USER PASSWORD PATHS RUNS}, PATHS comma-separated ({@code
 * /,/regions/KHJ}); Chromium from {@code $CHROMIUM} or {@code /usr/bin/chromium}.
 */
public class MapPaintBenchmark {

    public static void main(String[] args) {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        List<String> paths = List.of(args[3].split(","));
        int runs = Integer.parseInt(args[4]);
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(java.nio.file.Path.of(chromium))
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            for (String path : paths) {
                measure(browser, base, user, password, path, runs);
            }
        }
    }

    private static void measure(Browser browser, String base, String user, String password, String path, int runs) {
        List<Double> paints = new ArrayList<>();
        List<Double> drawn = new ArrayList<>();
        List<Double> fetched = new ArrayList<>();
        List<Integer> tiles = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
                Page page = context.newPage();
                page.navigate(base + "/login");
                page.fill("input[name=username]", user);
                page.fill("input[name=password]", password);
                page.click("button[type=submit]");
                page.waitForSelector("#map");
                // Tiles are asked for by MapLibre's worker: counted from the browser's requests, not the page's.
                int[] asked = {0};
                context.onRequest(r -> {
                    if (r.url().contains(".mvt")) {
                        asked[0]++;
                    }
                });
                page.navigate(base + path);
                page.waitForSelector("#map[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
                double ready = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                double paint = ((Number) page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0]"
                        + " || {startTime: -1}).startTime")).doubleValue();
                // When the last of the page's requests (scripts, layers, tiles) had its answer: the rest is drawing.
                double last = ((Number) page.evaluate("() => Math.max(0, ...performance.getEntriesByType('resource')"
                        + ".map((r) => r.responseEnd))")).doubleValue();
                if (run > 0) { // the first is a warm-up
                    paints.add(paint);
                    drawn.add(ready);
                    fetched.add(last);
                    tiles.add(asked[0]);
                }
            }
        }
        paints.sort(null);
        drawn.sort(null);
        fetched.sort(null);
        tiles.sort(null);
        System.out.printf("%s, %d cold loads: first contentful paint median %.0f ms; last answer received median %.0f ms;"
                + " map drawn with every layer median %.0f ms, max %.0f ms (all: %s); tile requests a load median %d%n",
                path, runs, paints.get(paints.size() / 2), fetched.get(fetched.size() / 2), drawn.get(drawn.size() / 2),
                drawn.get(drawn.size() - 1), drawn.stream().map(d -> String.format("%.0f", d)).toList(),
                tiles.get(tiles.size() / 2));
    }
}
