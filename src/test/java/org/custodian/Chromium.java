package org.custodian;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, as a person uses the pages: never a downloaded browser. A test
 * class declares {@code @RegisterExtension static final Chromium chromium = new Chromium();}: the browser
 * starts before its first test and closes after its last. Screenshots go to target/screenshots.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** A phone held upright (an iPhone 12-15 is 390 CSS pixels wide) and an ordinary desktop window. */
    public static final int PHONE_WIDTH = 390;

    public static final int PHONE_HEIGHT = 844;

    private @Nullable Playwright playwright;
    private @Nullable Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                // WebGL for the MapLibre map, drawn in software.
                                "--use-angle=swiftshader",
                                "--enable-unsafe-swiftshader",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Debian's chromium, or the one named by CHROMIUM. */
    static Path executable() {
        String named = System.getenv("CHROMIUM");
        for (String candidate : new String[] {named, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Paths.get(candidate))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("Chromium is not installed: apt-get install chromium (or set CHROMIUM)");
    }

    /** A fresh browser window of this size, signed in on the login page; it waits for the map, the home page. */
    public Page signIn(int port, String user, String password, int width, int height) {
        if (browser == null) {
            throw new IllegalStateException("register Chromium as an extension of the test class");
        }
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        assertThat(page.url()).endsWith("/login");
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForSelector("#map");
        // The map's scripts are large: the page's controls (the folded menu) answer once they have run.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        return page;
    }

    public Page signIn(int port, String user, String password) {
        return signIn(port, user, password, 1280, 800);
    }

    /** Saves the whole page as target/screenshots/NAME.png. */
    public static void screenshot(Page page, String name) {
        // The window is stretched to the page's height and back by the test itself: Chromium's own whole-page
        // shot leaves the window so that later clicks can land beside their button (on its form).
        var size = page.viewportSize();
        int height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        page.setViewportSize(size.width, Math.max(height, size.height));
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        } finally {
            page.setViewportSize(size.width, size.height);
        }
    }

    /**
     * Asserts that the page, once settled, is no wider than the window; names what sticks out when it is.
     */
    public static void assertFitsWidth(Page page, int width) {
        // The page as it settles: the header folds its links into "More" once it has measured them, and again at
        // the load event (fonts may change the measures).
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        try {
            page.waitForFunction(
                    "w => document.documentElement.scrollWidth <= w",
                    width,
                    new Page.WaitForFunctionOptions().setTimeout(3_000));
        } catch (com.microsoft.playwright.TimeoutError stillTooWide) {
            // Named below, with what sticks out.
        }
        int scrolled = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        // What sticks out: the innermost elements whose right edge passes the window's.
        Object wide = scrolled <= width
                ? ""
                : page.evaluate(
                        "w => [...document.querySelectorAll('body *')]"
                                + ".filter(e => e.getBoundingClientRect().right > w"
                                + " && ![...e.children].some(c => c.getBoundingClientRect().right > w))"
                                + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' \"'"
                                + " + (e.textContent || '').trim().slice(0, 60) + '\"').join('; ')",
                        width);
        assertThat(scrolled).as("page %s at %s px: %s", page.url(), width, wide).isLessThanOrEqualTo(width);
    }
}
