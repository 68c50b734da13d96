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

/**
 * Debian's Chromium driven by Playwright, as a person uses the pages: never a downloaded browser. One per
 * test class; screenshots go to target/screenshots.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** A phone held upright (an iPhone 12-15 is 390 CSS pixels wide) and an ordinary desktop window. */
    public static final int PHONE_WIDTH = 390;

    public static final int PHONE_HEIGHT = 844;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
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
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        assertThat(page.url()).endsWith("/login");
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForSelector("#map");
        return page;
    }

    public Page signIn(int port, String user, String password) {
        return signIn(port, user, password, 1280, 800);
    }

    /** Saves the whole page as target/screenshots/NAME.png. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
