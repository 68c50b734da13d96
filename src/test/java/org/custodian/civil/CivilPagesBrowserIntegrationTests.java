package org.custodian.civil;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The civil pages in a browser, on a phone and a desktop, in two languages: an officer puts a proposal to the
 * Khojaly meeting, accepts it and assigns an action item (refused first for a due date before the meeting); its
 * owner, an outreach worker, finds it among their own, overdue, closes it, records a visit and registers a
 * beneficiary; a viewer of the region is refused the beneficiaries.
 */
@CustodianIntegrationTest
class CivilPagesBrowserIntegrationTests {

    static final String PASSWORD = "civil-pages-password";
    static final int DESKTOP_WIDTH = 1280;

    /** What the pages say in each language tested. */
    static final Map<String, String[]> WORDS = Map.of(
            "en",
            new String[] {"Working groups", "Accepted", "My action items", "Beneficiaries", "before its meeting"},
            "hy",
            new String[] {
                "Աշխատանքային խմբեր", "Ընդունված", "Իմ հանձնարարականները", "Շահառուներ", "չի կարող նախորդել իր նիստին"
            });

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @BeforeEach
    void users() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-civ-page-officer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("khj-civ-page-outreach", "OUTREACH_WORKER", "KHJ", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("khj-civ-page-viewer", "VIEWER", "KHJ", PASSWORD))
                .isIn(201, 409);
    }

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("en", Chromium.PHONE_WIDTH), Arguments.of("hy", DESKTOP_WIDTH));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Page signIn(String user, String lang, int width) {
        Page page = chromium.signIn(
                port, user, PASSWORD, width, width == Chromium.PHONE_WIDTH ? Chromium.PHONE_HEIGHT : 900);
        page.navigate(url("/working-groups?lang=" + lang));
        page.waitForSelector("html[lang=" + lang + "]");
        return page;
    }

    @ParameterizedTest
    @MethodSource("runs")
    void anOfficerRecordsAtAMeetingAndTheOutreachWorkerFollowsUp(String lang, int width) {
        String[] words = WORDS.get(lang);
        String tag = "P-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        boolean phone = width == Chromium.PHONE_WIDTH;
        String shot = "civil-" + lang + "-" + width + "-";

        Page officer = signIn("khj-civ-page-officer", lang, width);
        assertThat(officer.locator("h1").textContent()).isEqualTo(words[0]);
        assertThat(officer.locator("header.shell nav a[href='/working-groups']").count())
                .isEqualTo(1);
        Chromium.assertFitsWidth(officer, width);
        Chromium.screenshot(officer, shot + "groups");
        officer.click("#groups a:has-text('Joint working group for civil activities')");
        officer.waitForSelector("#meetings");
        assertThat(officer.locator("#proposals").textContent()).contains("mobile cafeteria");
        Chromium.assertFitsWidth(officer, width);
        Chromium.screenshot(officer, shot + "group");
        officer.click("#meetings a:has-text('2023-09-25')");
        officer.waitForSelector("#minutes");
        assertThat(officer.locator("#minutes").textContent()).contains("food, fuel and electricity");

        officer.fill("#proposal-form textarea[name=text]", "A bakery with mixed staff " + tag);
        officer.fill("#proposal-form input[name=proposedBy]", "Residents' representatives");
        officer.click("#proposal-form button[type=submit]");
        officer.waitForSelector(".notice");
        String proposal = "div.proposal:has-text('" + tag + "')";
        officer.selectOption(proposal + " select[name=status]", "ACCEPTED");
        officer.fill(proposal + " input[name=reason]", "Agreed " + tag);
        officer.click(proposal + " button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator(proposal).textContent()).contains(words[1], "Agreed " + tag);

        officer.fill("#action-form input[name=text]", "Find premises " + tag);
        officer.fill("#action-form input[name=owner]", "khj-civ-page-outreach");
        officer.evaluate("() => document.querySelector('#action-form input[name=dueOn]').removeAttribute('min')");
        officer.fill("#action-form input[name=dueOn]", "2023-09-01");
        officer.click("#action-form button[type=submit]");
        // The refusal is said in the page's language, with the meeting's day as given.
        assertThat(officer.locator("p.error").textContent()).contains(words[4], "2023-09-25");
        officer.fill("#action-form input[name=text]", "Find premises " + tag);
        officer.fill("#action-form input[name=owner]", "khj-civ-page-outreach");
        officer.fill("#action-form input[name=dueOn]", "2023-10-01");
        officer.click("#action-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator("#actions tr.overdue").allTextContents().toString())
                .contains("Find premises " + tag);
        Chromium.assertFitsWidth(officer, width);
        Chromium.screenshot(officer, shot + "meeting");
        officer.context().close();

        Page worker = signIn("khj-civ-page-outreach", lang, width);
        worker.navigate(url("/action-items/mine"));
        assertThat(worker.locator("h1").textContent()).isEqualTo(words[2]);
        String row = "#actions tr:has-text('Find premises " + tag + "')";
        assertThat(worker.locator(row).getAttribute("class")).contains("overdue");
        assertThat(worker.locator("#overdue-count").isVisible()).isTrue();
        Chromium.assertFitsWidth(worker, width);
        worker.selectOption(row + " select[name=status]", "DONE");
        worker.click(row + " button[type=submit]");
        worker.waitForSelector(".notice");
        assertThat(worker.locator("#actions tr.overdue:has-text('Find premises " + tag + "')")
                        .count())
                .isZero();
        assertThat(worker.locator(row + " form").count()).isZero();

        worker.navigate(url("/outreach"));
        assertThat(worker.locator("#visits").textContent()).contains("Mixed healthcare team Khojaly 1");
        worker.waitForFunction(
                "() => (document.getElementById('outreach-map').dataset.drawn || '').includes('outreach-visits')");
        assertThat(worker.locator("#outreach-map path.leaflet-interactive").count())
                .isGreaterThanOrEqualTo(2);
        assertThat(worker.locator("#villages tbody tr").count()).isGreaterThanOrEqualTo(2);
        worker.selectOption(
                "#visit-form select[name=settlementId]",
                new com.microsoft.playwright.options.SelectOption().setIndex(1));
        worker.fill("#visit-form input[name=visitedOn]", phone ? "2023-11-05" : "2023-11-06");
        worker.fill("#visit-form input[name=peopleReached]", "7");
        worker.locator("#visit-form input[name=quantity]").nth(1).fill("23");
        worker.fill("#visit-form textarea[name=note]", "Visit " + tag);
        worker.click("#visit-form button[type=submit]");
        worker.waitForSelector(".notice");
        assertThat(worker.locator("#visits").textContent()).contains(phone ? "2023-11-05" : "2023-11-06", "23");
        Chromium.assertFitsWidth(worker, width);
        Chromium.screenshot(worker, shot + "outreach");

        worker.navigate(url("/beneficiaries"));
        assertThat(worker.locator("h1").textContent()).isEqualTo(words[3]);
        assertThat(worker.locator("#beneficiaries").textContent()).contains("ILL-KHJ-1");
        String reference = "PG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        worker.fill("#beneficiary-form input[name=reference]", reference);
        worker.selectOption(
                "#beneficiary-form select[name=settlementId]",
                new com.microsoft.playwright.options.SelectOption().setIndex(1));
        worker.fill("#beneficiary-form input[name=consentOn]", "2023-11-05");
        worker.check("#beneficiary-form input[name=needs][value=FOOD]");
        worker.click("#beneficiary-form button[type=submit]");
        worker.waitForSelector(".notice");
        assertThat(worker.locator("#beneficiaries").textContent()).contains(reference);
        Chromium.assertFitsWidth(worker, width);
        Chromium.screenshot(worker, shot + "beneficiaries");
        worker.context().close();

        Page viewer = signIn("khj-civ-page-viewer", lang, width);
        Response refused = viewer.navigate(url("/beneficiaries"));
        assertThat(refused.status()).isEqualTo(403);
        viewer.navigate(url("/outreach"));
        assertThat(viewer.locator("#visit-form").count()).isZero();
        assertThat(viewer.locator("#civil-tabs a[href='/beneficiaries']").count())
                .isZero();
        viewer.context().close();
    }
}
