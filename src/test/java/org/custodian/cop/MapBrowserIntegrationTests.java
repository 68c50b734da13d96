package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in Debian's Chromium: signs in, sees the regions drawn on the map, opens a region's page.
 * Screenshots land in target/screenshots.
 */
@CustodianIntegrationTest
class MapBrowserIntegrationTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Debian's chromium, or the one named by CHROMIUM. */
    static Path chromium() {
        String named = System.getenv("CHROMIUM");
        for (String candidate : new String[] {named, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Paths.get(candidate))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("Chromium is not installed: apt-get install chromium (or set CHROMIUM)");
    }

    private Page signIn(String user, String password) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        assertThat(page.url()).endsWith("/login");
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        page.waitForSelector("#map");
        return page;
    }

    @Test
    void signsInSeesTheRegionsOnTheMapAndOpensARegion() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.waitForSelector("#map[data-ready=true]");
        int drawn = 0;
        for (String count : page.locator("[data-count-for]").allTextContents()) {
            drawn += Integer.parseInt(count);
        }
        assertThat(page.locator(".leaflet-overlay-pane path.leaflet-interactive")
                        .count())
                .as("one shape per feature of every layer")
                .isEqualTo(drawn);
        assertThat(page.locator("[data-count-for=settlements]").textContent()).isEqualTo("12");
        assertThat(page.locator(".region-label").allTextContents()).contains("Aghdam", "Shusha", "Khankendi");
        assertThat(page.locator("[data-count-for=regions]").textContent()).isEqualTo("11");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("map.png")));

        // Labels let clicks through to the region beneath, as they do for a person's mouse.
        var label = page.locator(".region-label", new Page.LocatorOptions().setHasText("Kalbajar"))
                .boundingBox();
        page.mouse().click(label.x + label.width / 2, label.y + label.height / 2);
        page.waitForURL("**/regions/KLB");
        assertThat(page.locator("h1").textContent()).isEqualTo("Kalbajar");
        assertThat(page.locator("#administration").textContent())
                .contains("Temporary special administration of Kalbajar")
                .contains("Ministry of Internal Affairs")
                .contains("State Border Service")
                .contains("Anadolu Agency");
        assertThat(page.locator("#settlements tbody tr").count()).isGreaterThanOrEqualTo(1);
        page.waitForSelector("#map[data-ready=true]");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("region.png"))
                .setFullPage(true));
    }

    @Test
    void showsPopulationFiguresWithTheirSourceAndSpeaksAzerbaijani() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/regions/KHK");
        assertThat(page.locator("#settlements").textContent())
                .contains("25,000")
                .contains("Caliber.az");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("region-figures.png"))
                .setFullPage(true));

        page.navigate("http://127.0.0.1:" + port + "/?lang=az");
        page.waitForSelector("#map[data-ready=true]");
        assertThat(page.locator(".panel h2").textContent()).isEqualTo("Laylar");
        assertThat(page.locator(".region-label").allTextContents()).contains("Ağdam", "Şuşa");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("map-az.png")));
    }

    @Test
    void showsHazardAreasProgressAndAccidentsWithSources() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/mine-action");
        assertThat(page.locator("#hazard-areas tbody tr").count()).isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#accidents").textContent())
                .contains("Ahmadbayli-Fuzuli-Shusha highway")
                .contains("Anadolu Agency");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("mine-action.png"))
                .setFullPage(true));
        page.locator("#hazard-areas a").first().click();
        page.waitForURL("**/mine-action/hazard-areas/*");
        String name = page.locator("h1").textContent();
        String priority = page.inputValue("#describe-form select[name=priority]");
        assertThat(name).isNotBlank();
        page.fill("#describe-form input[name=name]", "Verges east of the junction, resurveyed");
        page.selectOption("#describe-form select[name=priority]", "HIGH");
        page.click("#describe-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1").textContent()).isEqualTo("Verges east of the junction, resurveyed");
        assertThat(page.locator("dl.facts").textContent()).contains("HIGH");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("hazard-area-edited.png"))
                .setFullPage(true));
        // The demo area is shared with other tests of this context: put it back as it was.
        page.fill("#describe-form input[name=name]", name);
        page.selectOption("#describe-form select[name=priority]", priority);
        page.click("#describe-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1").textContent()).isEqualTo(name);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("hazard-area.png"))
                .setFullPage(true));
    }

    @Test
    void listsFacilitiesAndShowsAFlaggedRoad() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/facilities?kind=ROAD");
        assertThat(page.locator("#facilities tbody tr").count()).isEqualTo(8);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("facilities.png"))
                .setFullPage(true));
        page.locator("#facilities a", new Page.LocatorOptions().setHasText("Ahmadbayli-Fuzuli-Shusha highway"))
                .click();
        page.waitForURL("**/facilities/*");
        int before = page.locator("#history tbody tr").count();
        assertThat(before).isGreaterThanOrEqualTo(1);
        page.selectOption("#status-form select[name=status]", "DAMAGED");
        page.fill("#status-form input[name=reason]", "Crater after the explosion");
        page.click("#status-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("#history tbody tr").count()).isEqualTo(before + 1);
        assertThat(page.locator("#history").textContent()).contains("Crater after the explosion");
        page.fill("#inspection-form input[name=on]", "2099-01-01");
        page.fill("#inspection-form input[name=inspector]", "Engineer");
        page.fill("#inspection-form textarea[name=findings]", "Dated in the future");
        page.click("#inspection-form button");
        assertThat(page.locator("p.error").textContent()).contains("future");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("facility.png"))
                .setFullPage(true));
    }

    @Test
    void showsTheInventoryAndAHeritageSiteOverTime() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/assets");
        assertThat(page.locator("#assets tbody tr").count()).isGreaterThanOrEqualTo(3);
        page.locator("#assets a", new Page.LocatorOptions().setHasText("Shusha"))
                .click();
        page.waitForURL("**/assets/*");
        assertThat(page.locator("#assessments tbody tr").count()).isEqualTo(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("asset.png"))
                .setFullPage(true));
    }

    @Test
    void movesAnItemBetweenSitesFromThePagesAndSeesItsChainOfCustody() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/custody");
        assertThat(page.locator("#items tbody tr").count()).isGreaterThanOrEqualTo(7);
        assertThat(page.locator("#items").textContent()).contains("ILL-AKM-10231");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("custody.png"))
                .setFullPage(true));

        page.fill("input[name=q]", "pkm");
        page.click("form.filters button");
        assertThat(page.locator("#items tbody tr").count()).isEqualTo(1);
        page.locator("#items a").first().click();
        page.waitForURL("**/custody/items/*");
        assertThat(page.locator("#timeline li").count()).isEqualTo(1);
        page.selectOption(
                "#dispatch-form select[name=toSiteId]",
                new com.microsoft.playwright.options.SelectOption()
                        .setLabel("Aghdam ammunition magazine (illustrative)"));
        page.click("#dispatch-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1 .badge").textContent()).isEqualTo("In transit");
        assertThat(page.locator("#timeline li").count()).isEqualTo(2);

        page.navigate("http://127.0.0.1:" + port + "/custody");
        page.locator("#sites a", new Page.LocatorOptions().setHasText("Aghdam")).click();
        page.waitForURL("**/custody/sites/*");
        page.fill("#expected input[name=quantity]", "1");
        page.click("#expected button");
        page.waitForSelector(".notice");
        assertThat(page.locator("#contents").textContent()).contains("General-purpose machine gun");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("custody-site.png"))
                .setFullPage(true));
        page.locator("#contents a").first().click();
        page.waitForURL("**/custody/items/*");
        assertThat(page.locator("#timeline").textContent()).contains("Registered", "Dispatched", "Received");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("custody-item.png"))
                .setFullPage(true));

        page.navigate("http://127.0.0.1:" + port + "/custody/ledger");
        assertThat(page.locator("#verification").textContent()).contains("The chain is intact");
    }

    @Test
    void filtersIncidentsReviewsOneAndReadsTheDailyViolationsReport() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/incidents");
        assertThat(page.locator("#incidents tbody tr").count()).isGreaterThanOrEqualTo(5);
        page.selectOption("form.filters select[name=type]", "MINE_EXPLOSION");
        page.click("form.filters button");
        assertThat(page.locator("#incidents tbody tr").count()).isEqualTo(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incidents.png"))
                .setFullPage(true));
        page.locator("#incidents a").first().click();
        page.waitForURL("**/incidents/*");
        assertThat(page.locator("#figures").textContent()).contains("Anadolu Agency", "accepted");
        assertThat(page.locator("#sources li").count()).isEqualTo(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident.png"))
                .setFullPage(true));

        page.navigate("http://127.0.0.1:" + port + "/incidents/review");
        int waiting = page.locator("#queue tbody tr").count();
        assertThat(waiting).isGreaterThanOrEqualTo(3);
        page.locator("#queue a", new Page.LocatorOptions().setHasText("SHU-IN-"))
                .click();
        page.waitForURL("**/incidents/*");
        page.selectOption("#review-form select[name=status]", "VERIFIED");
        page.click("#review-form button");
        assertThat(page.locator("p.error").textContent()).contains("under review first");
        page.selectOption("#review-form select[name=status]", "UNDER_REVIEW");
        page.click("#review-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1 .badge").textContent()).isEqualTo("Under review");

        page.navigate("http://127.0.0.1:" + port + "/monitoring?date=2023-09-19");
        assertThat(page.locator("#centre").textContent()).contains("2020-11-11", "38");
        assertThat(page.locator("#violations tbody tr").count()).isEqualTo(3);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("monitoring.png"))
                .setFullPage(true));
    }
}
