package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The everyday jobs, done in the browser as the demo's staff of Khojaly do them, in each language and at a
 * phone's and a desktop's width: the officer records a mine accident and an incident, registers an item in
 * custody, dispatches it to another site and receives it there, records a hazard area and the land released
 * from it; the director cites a source for each incident and verifies it; the administrator opens and changes
 * an account and issues and revokes a token. Pages are reached from the header as a person reaches them, and
 * no step uses the API. One browser; each run signs in in fresh windows.
 */
@CustodianIntegrationTest
class EverydayJobsBrowserIntegrationTests {

    static final List<String> LANGUAGES = List.of("en", "az", "ru", "hy");
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        // Each language at both widths; when the suite runs on both databases, each half takes four of the eight
        // runs (every language once, each width twice) instead of repeating all of them.
        for (int i = 0; i < LANGUAGES.size(); i++) {
            if (TestDatabase.runsCase(i)) {
                runs.add(Arguments.of(LANGUAGES.get(i), Chromium.PHONE_WIDTH, 2 * i));
            }
            if (TestDatabase.runsCase(i + 1)) {
                runs.add(Arguments.of(LANGUAGES.get(i), DESKTOP_WIDTH, 2 * i + 1));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("runs")
    void theEverydayJobsOfAnOfficerADirectorAndAnAdministrator(String lang, int width, int run) {
        Words words = Words.of(lang);
        String tag =
                "EJ-" + lang + "-" + width + "-" + UUID.randomUUID().toString().substring(0, 6);
        boolean screenshots = lang.equals("en") && width == Chromium.PHONE_WIDTH;

        started = System.nanoTime();
        Page officer = signIn("khj-officer", Api.DEMO_PASSWORD, lang, width);
        lap("sign in");
        String accident = recordMineAccident(officer, tag, run);
        lap("accident");
        String incident = recordIncident(officer, tag, run, screenshots);
        lap("incident");
        moveAnItemBetweenSites(officer, tag, screenshots);
        lap("custody");
        recordHazardAreaAndReleaseLand(officer, tag, run, words, screenshots);
        lap("hazard area");
        Chromium.assertFitsWidth(officer, width);
        officer.context().close();

        Page director = signIn("khj-director", Api.DEMO_PASSWORD, lang, width);
        citeAndVerify(director, accident, words, false);
        citeAndVerify(director, incident, words, screenshots);
        lap("director");
        Chromium.assertFitsWidth(director, width);
        director.context().close();

        Page admin = signIn("admin", Api.ADMIN_PASSWORD, lang, width);
        manageAnAccountAndAToken(admin, "ej-" + lang + "-" + width, words, screenshots);
        lap("administrator");
        Chromium.assertFitsWidth(admin, width);
        admin.context().close();
    }

    /** Signs in, then chooses the language from the header as a person does. */
    private Page signIn(String user, String password, String lang, int width) {
        Page page = chromium.signIn(
                port, user, password, width, width == Chromium.PHONE_WIDTH ? Chromium.PHONE_HEIGHT : DESKTOP_HEIGHT);
        unfold(page);
        page.click("header.shell .lang a:text-is('" + lang + "')");
        page.waitForSelector("html[lang=" + lang + "]");
        return page;
    }

    /** Opens the folded menu on a phone; on a desktop the header is open already. */
    private static void unfold(Page page) {
        if (page.isVisible("#menu-toggle") && "false".equals(page.getAttribute("#menu-toggle", "aria-expanded"))) {
            page.click("#menu-toggle");
        }
    }

    /**
     * Follows a header link: from the folded menu, the "More" group or the "Administration" group. The header
     * moves links into "More" once it has measured them, so a link seen a moment ago may have moved: look again.
     */
    private static void go(Page page, String path) {
        Locator link = page.locator("header.shell nav a[href='" + path + "']");
        page.waitForLoadState();
        for (int attempt = 1; ; attempt++) {
            unfold(page);
            if (!link.isVisible() && page.isVisible("#menu-toggle")) {
                // The folded menu lists its groups in place: it is closed still (a tap before the page's script
                // was ready), so tap it again.
                page.click("#menu-toggle");
            } else if (!link.isVisible()) {
                boolean administration =
                        page.locator("#nav-admin a[href='" + path + "']").count() > 0;
                page.click(administration ? "#nav-admin-toggle" : "header.shell .nav-more .nav-group-toggle");
            }
            try {
                link.click(new Locator.ClickOptions().setTimeout(5_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError moved) {
                if (attempt == 3) {
                    throw moved;
                }
            }
        }
        page.waitForURL("**" + path);
    }

    private String recordMineAccident(Page officer, String tag, int run) {
        go(officer, "/mine-action");
        officer.click("#record-accident");
        officer.waitForURL("**/mine-action/accidents/new");
        officer.selectOption("#accident-form select[name=regionCode]", "KHJ");
        officer.fill("#accident-form input[name=occurredAt]", String.format("2024-05-%02dT09:30", run + 1));
        officer.selectOption("#accident-form select[name=device]", new SelectOption().setIndex(1));
        officer.fill("#accident-form input[name=activity]", "Herding cattle");
        String what = tag + " accident: a herder stepped on a mine by the river";
        officer.fill("#accident-form textarea[name=description]", what);
        officer.selectOption("#accident-form select[name='victims[0].outcome']", "INJURED");
        for (String field : List.of("group", "sex", "ageBand")) {
            officer.selectOption(
                    "#accident-form select[name='victims[0]." + field + "']", new SelectOption().setIndex(1));
        }
        officer.fill("#accident-longitude", String.format(Locale.ROOT, "%.4f", 46.781 + run * 0.001));
        officer.fill("#accident-latitude", "39.905");
        submit(officer, "#accident-form button[type=submit]", Pattern.compile(".*/mine-action\\?region=KHJ.*"));
        assertThat(officer.locator("#accidents").textContent()).contains(what);
        return what;
    }

    private String recordIncident(Page officer, String tag, int run, boolean screenshots) {
        go(officer, "/incidents");
        officer.click("#new-incident");
        officer.waitForURL("**/incidents/new");
        officer.selectOption("#incident-form select[name=regionCode]", "KHJ");
        officer.selectOption("#incident-form select[name=type]", "SHELLING");
        officer.fill("#incident-form input[name=occurredOn]", String.format("2024-06-%02d", run + 1));
        officer.fill("#incident-form input[name=occurredTime]", "22:40");
        String what = tag + " incident: shells fell on the edge of the village";
        officer.fill("#incident-form textarea[name=description]", what);
        officer.fill(
                "#incident-location",
                String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.4f,39.92]}", 46.781 + run * 0.001));
        officer.dispatchEvent("#incident-location", "change");
        officer.fill("#incident-form input[name=injuredCivilian]", "2");
        if (screenshots) {
            Chromium.screenshot(officer, "everyday-incident-new-phone");
        }
        submit(officer, "#incident-form button[type=submit]", Pattern.compile(".*/incidents/\\d+$"));
        saved(officer);
        return what;
    }

    private void moveAnItemBetweenSites(Page officer, String tag, boolean screenshots) {
        go(officer, "/custody");
        officer.click("#new-item");
        officer.waitForURL("**/custody/items/new");
        officer.selectOption(
                "#item-form select[name=siteId]",
                new SelectOption().setLabel("Khojaly weapons collection point (illustrative) · KHJ"));
        officer.selectOption("#item-form select[name=origin]", "FIND");
        officer.selectOption("#item-form select[name=category]", "AMMUNITION");
        officer.fill("#item-form input[name=description]", tag + " mortar rounds in a crate");
        officer.fill("#item-form input[name=quantity]", "6");
        officer.selectOption("#item-form select[name=unit]", "PIECES");
        officer.fill("#item-form input[name=hazardCode]", "1.4S");
        officer.fill("#item-form input[name=foundOn]", "2024-07-02");
        officer.fill("#item-form input[name=foundBy]", "Patrol 3");
        officer.fill("#item-longitude", "46.792");
        officer.fill("#item-latitude", "39.914");
        submit(officer, "#item-form button[type=submit]", Pattern.compile(".*/custody/items/\\d+$"));
        String reference = officer.locator("h1 > span").first().textContent().strip();
        assertThat(reference).startsWith("KHJ-CI-");

        officer.selectOption(
                "#dispatch-form select[name=toSiteId]",
                new SelectOption().setLabel("Police armoury of Khojaly (illustrative)"));
        officer.click("#dispatch-form button[type=submit]");
        saved(officer);
        assertThat(officer.locator("#transfers").textContent()).contains("Police armoury of Khojaly");
        if (screenshots) {
            Chromium.screenshot(officer, "everyday-custody-item-dispatched-phone");
        }

        go(officer, "/custody");
        submit(
                officer,
                "a:text-is('Police armoury of Khojaly (illustrative)')",
                Pattern.compile(".*/custody/sites/\\d+$"));
        Locator expected = officer.locator("#expected tbody tr", new Page.LocatorOptions().setHasText(reference));
        expected.locator("input[name=quantity]").fill("6");
        expected.locator("button[type=submit]").click();
        saved(officer);
        assertThat(officer.locator("#contents").textContent()).contains(reference);
        if (screenshots) {
            Chromium.screenshot(officer, "everyday-custody-site-received-phone");
        }
    }

    private void recordHazardAreaAndReleaseLand(Page officer, String tag, int run, Words words, boolean screenshots) {
        go(officer, "/mine-action");
        officer.click("#record-hazard-area");
        officer.waitForURL("**/mine-action/hazard-areas/new");
        double west = 46.760 + run * 0.003;
        double east = west + 0.002;
        officer.fill("#hazard-area-form input[name=name]", tag + " orchard");
        officer.selectOption("#hazard-area-form select[name=regionCode]", "KHJ");
        officer.fill("#hazard-area-form input[name=recordedOn]", "2024-07-15");
        officer.selectOption("#hazard-area-form select[name=classification]", "CHA");
        officer.check("#hazard-area-form input[name=contamination][value=AP_MINE]");
        officer.fill("#hazard-area-geometry", square(west, east, 39.930, 39.932));
        officer.dispatchEvent("#hazard-area-geometry", "change");
        submit(officer, "#hazard-area-form button[type=submit]", Pattern.compile(".*/mine-action/hazard-areas/\\d+$"));
        assertThat(officer.locator("h1").textContent()).contains(tag + " orchard");

        officer.fill("#release-area", square(west, west + 0.001, 39.930, 39.932));
        officer.dispatchEvent("#release-area", "change");
        officer.selectOption("#release-form select[name=method]", "CLEARANCE");
        officer.selectOption("#release-form select[name=organisationId]", new SelectOption().setIndex(1));
        officer.fill("#release-form input[name=startedOn]", "2024-08-01");
        officer.fill("#release-form input[name=completedOn]", "2024-08-20");
        officer.click("#release-form button[type=submit]");
        saved(officer);
        assertThat(officer.locator("#releases").textContent()).contains(words.get("mine.method.CLEARANCE"));
        if (screenshots) {
            Chromium.screenshot(officer, "everyday-hazard-area-released-phone");
        }
    }

    /** Finds the incident by what was written, cites a source for it, takes it under review and verifies it. */
    private void citeAndVerify(Page director, String description, Words words, boolean screenshots) {
        go(director, "/incidents");
        director.selectOption("form.filters select[name=region]", "KHJ");
        director.click("form.filters button[type=submit]");
        director.waitForURL("**region=KHJ**");
        director.locator("#incidents tbody tr", new Page.LocatorOptions().setHasText(description))
                .locator("a")
                .first()
                .click();
        director.waitForURL(Pattern.compile(".*/incidents/\\d+$"));
        director.selectOption("#cite-form select[name=sourceId]", new SelectOption().setIndex(0));
        director.click("#cite-form button[type=submit]");
        saved(director);
        assertThat(director.locator("#sources li").count()).isGreaterThanOrEqualTo(1);
        director.selectOption("#review-form select[name=status]", "UNDER_REVIEW");
        director.click("#review-form button[type=submit]");
        saved(director);
        director.selectOption("#review-form select[name=status]", "VERIFIED");
        director.fill("#review-form input[name=reason]", "Confirmed by the cited source");
        director.click("#review-form button[type=submit]");
        saved(director);
        assertThat(director.locator("h1 .badge").textContent()).isEqualTo(words.get("incidents.status.VERIFIED"));
        if (screenshots) {
            Chromium.screenshot(director, "everyday-incident-verified-phone");
        }
    }

    private void manageAnAccountAndAToken(Page admin, String username, Words words, boolean screenshots) {
        go(admin, "/accounts");
        admin.click("#new-account");
        admin.waitForURL("**/accounts/new");
        admin.fill("#account-form input[name=username]", username);
        admin.fill("#account-form input[name=displayName]", "Everyday " + username);
        admin.selectOption("#account-form select[name=role]", "OFFICER");
        admin.check("#account-form input[name=regions][value=KHJ]");
        admin.fill("#account-form input[name=password]", "quiet-river-" + UUID.randomUUID());
        admin.click("#account-form button[type=submit]");
        admin.waitForURL("**/accounts/" + username);
        admin.selectOption("#account-form select[name=role]", "DIRECTOR");
        admin.click("#account-form button[type=submit]");
        saved(admin);
        assertThat(admin.inputValue("#account-form select[name=role]")).isEqualTo("DIRECTOR");
        if (screenshots) {
            Chromium.screenshot(admin, "everyday-account-phone");
        }

        unfold(admin);
        admin.click("#my-account");
        admin.waitForURL("**/tokens");
        admin.fill("#token-form input[name=name]", "Field laptop " + username);
        admin.click("#token-form button[type=submit]");
        admin.waitForSelector("#secret");
        assertThat(admin.locator("#secret code").textContent().strip()).startsWith("cus_");
        if (screenshots) {
            Chromium.screenshot(admin, "everyday-token-issued-phone");
        }
        admin.locator("#tokens tr", new Page.LocatorOptions().setHasText("Field laptop " + username))
                .locator("form.revoke button")
                .click();
        admin.waitForSelector("p.notice");
        assertThat(admin.locator("#tokens tr", new Page.LocatorOptions().setHasText("Field laptop " + username))
                        .locator("form.revoke")
                        .count())
                .as("a revoked token cannot be revoked again")
                .isZero();
    }

    private static long started = System.nanoTime();

    /** How long each step took, to keep the suite quick on a small machine. */
    private static void lap(String step) {
        long now = System.nanoTime();
        System.out.printf("everyday: %s took %d ms%n", step, (now - started) / 1_000_000);
        started = now;
    }

    /** Expects the page to say the change was saved; a refusal fails the test with the reason shown. */
    private static void saved(Page page) {
        page.waitForSelector(".notice, p.error");
        if (page.locator("p.error").count() > 0) {
            throw new AssertionError("refused at " + page.url() + ": " + page.textContent("p.error"));
        }
    }

    /** Sends a form and expects the page it leads to; a refusal fails the test with the reason shown. */
    private static void submit(Page page, String button, Pattern next) {
        page.waitForNavigation(() -> page.click(button));
        if (!next.matcher(page.url()).matches()) {
            String reason = page.locator("p.error").count() > 0 ? page.textContent("p.error") : "no reason shown";
            throw new AssertionError("refused at " + page.url() + ": " + reason);
        }
    }

    private static String square(double west, double east, double south, double north) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.4f,%3$.4f],[%2$.4f,%3$.4f],[%2$.4f,%4$.4f],[%1$.4f,%4$.4f],[%1$.4f,%3$.4f]]]}",
                west,
                east,
                south,
                north);
    }

    /** The words of the pages in one language, read from the application's bundles. */
    record Words(Properties texts) {

        static final List<String> BUNDLES =
                List.of("messages", "i18n/incidents", "i18n/mineaction", "i18n/custody", "i18n/accounts");

        static Words of(String lang) {
            Properties texts = new Properties();
            for (String bundle : BUNDLES) {
                String name = bundle + (lang.equals("en") ? "" : "_" + lang) + ".properties";
                try (InputStream in = EverydayJobsBrowserIntegrationTests.class
                        .getClassLoader()
                        .getResourceAsStream(name)) {
                    if (in != null) {
                        texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Words(texts);
        }

        String get(String key) {
            String text = texts.getProperty(key);
            assertThat(text).as(key).isNotNull();
            return text;
        }
    }
}
