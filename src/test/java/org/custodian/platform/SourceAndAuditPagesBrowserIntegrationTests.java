package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An officer registers, corrects and documents a source on its pages; an officer of another region may not
 * correct it; an administrator finds the correction in the audit trail and verifies the chain, without the API.
 */
@CustodianIntegrationTest
class SourceAndAuditPagesBrowserIntegrationTests {

    static final String PASSWORD = "source-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void anOfficerCorrectsAndDocumentsASourceAndTheAdministratorFindsItInTheAuditTrail() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-source-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("shu-source-officer", "OFFICER", "SHU", PASSWORD))
                .isIn(201, 409);
        String title = "Shelter survey " + System.nanoTime();

        Page officer = chromium.signIn(port, "agd-source-officer", PASSWORD);
        officer.navigate("http://127.0.0.1:" + port + "/sources");
        officer.click("#new-source");
        officer.waitForURL("**/sources/new");
        officer.fill("#source-form input[name=title]", title);
        officer.fill("#source-form input[name=publishedOn]", "2024-02-01");
        officer.check("#source-form input[name=dateApproximate]");
        // Without a publisher the form is refused (the browser's own check is bypassed), keeping the title.
        officer.evaluate("() => document.getElementById('source-form').noValidate = true");
        officer.click("#source-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("publisher");
        assertThat(officer.inputValue("#source-form input[name=title]")).isEqualTo(title);
        officer.fill("#source-form input[name=publisher]", "Regional shelter cluster");
        officer.click("#source-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/sources/\\d+$"));
        assertThat(officer.locator("#source-facts").textContent()).contains(title, "2024-02-01", "approximate");
        long first = id(officer.url());

        // A correction is a new version; the first one stays, listed in the history.
        officer.fill("#correction-form input[name=title]", title + " (revised)");
        officer.click("#correction-form button[type=submit]");
        officer.waitForURL(Pattern.compile(".*/sources/(?!" + first + "$)\\d+$"));
        long corrected = id(officer.url());
        assertThat(officer.locator("h1").textContent()).contains("(revised)", "version 2");
        assertThat(officer.locator("#versions tbody tr").count()).isEqualTo(2);
        assertThat(officer.locator("#versions").textContent()).contains(title, "version 1");

        officer.setInputFiles(
                "#attachment-form input[name=file]",
                new FilePayload("survey.pdf", "application/pdf", "%PDF-1.4 survey".getBytes(StandardCharsets.UTF_8)));
        officer.click("#attachment-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator("#attachment").textContent()).contains("survey.pdf", "application/pdf");
        String href = officer.getAttribute("#attachment a", "href");
        assertThat(officer.request().get("http://127.0.0.1:" + port + href).text())
                .isEqualTo("%PDF-1.4 survey");
        officer.setInputFiles(
                "#attachment-form input[name=file]",
                new FilePayload("tool.exe", "application/x-msdownload", new byte[] {77, 90, 1}));
        officer.click("#attachment-form button[type=submit]");
        assertThat(officer.locator("p.error").textContent()).contains("application/x-msdownload", "not accepted");
        assertThat(officer.locator("#attachment").textContent()).contains("survey.pdf");
        Chromium.screenshot(officer, "source-corrected");

        officer.navigate("http://127.0.0.1:" + port + "/sources?q=" + title.substring(title.length() - 6));
        assertThat(officer.locator("#sources tbody tr").count()).isEqualTo(1);
        assertThat(officer.locator("#sources").textContent()).contains("(revised)", "survey.pdf");
        Chromium.screenshot(officer, "sources");

        // An officer of another region reads it but has no form, and a correction sent anyway is refused.
        Page other = chromium.signIn(port, "shu-source-officer", PASSWORD);
        other.navigate("http://127.0.0.1:" + port + "/sources/" + corrected);
        assertThat(other.locator("h1").textContent()).contains("(revised)");
        assertThat(other.locator("#correction-form").count()).isZero();
        assertThat(other.locator("#attachment-form").count()).isZero();
        Object status = other.evaluate(
                "async ([id, title]) => {"
                        + " const token = document.querySelector('meta[name=_csrf]').content;"
                        + " const body = new URLSearchParams({publisher: 'Someone else', title: title, version: '1', _csrf: token});"
                        + " const r = await fetch('/sources/' + id + '/correction', {method: 'POST', body: body, redirect: 'manual'});"
                        + " return r.status; }",
                java.util.List.of(String.valueOf(corrected), title + " (hijacked)"));
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(admin.get("/api/sources/" + corrected + "/history").json().size())
                .isEqualTo(2);

        Page administrator = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        administrator.navigate("http://127.0.0.1:" + port + "/audit");
        administrator.selectOption("#audit-filters select[name=recordType]", "Source");
        administrator.fill("#audit-filters input[name=recordId]", String.valueOf(corrected));
        administrator.click("#audit-filters button[type=submit]:not([name])");
        administrator.waitForURL(Pattern.compile(".*recordId=" + corrected + ".*"));
        String entries = administrator.locator("#audit-entries").textContent();
        assertThat(entries).contains("agd-source-officer", "Source " + corrected, "(revised)", "survey.pdf");
        assertThat(administrator.locator("#audit-entries tbody tr").count()).isEqualTo(2);
        assertThat(entries).doesNotContain("Source " + first + " ");
        administrator.click("#verify-chain");
        administrator.waitForSelector("#verification");
        assertThat(administrator.locator("#chain-intact").textContent()).contains("intact");
        assertThat(administrator.inputValue("#audit-filters input[name=recordId]"))
                .isEqualTo(String.valueOf(corrected));
        Chromium.screenshot(administrator, "audit-verified");

        // The audit trail is the administrators' alone, as its API is.
        other.navigate("http://127.0.0.1:" + port + "/audit");
        assertThat(other.locator("#audit-entries").count()).isZero();
        assertThat(other.locator("header.shell nav a[href='/audit']").count()).isZero();
        assertThat(other.locator("header.shell nav a[href='/sources']").count()).isEqualTo(1);
    }

    @Test
    void anAdministratorRemovesASourceNothingCitesAndIsToldWhyACitedOneIsKept() {
        Api admin = Api.at(port).asAdmin();
        String title = "Draft note " + System.nanoTime();
        long loose = admin.post("/api/sources", "{\"publisher\":\"Removal test\",\"title\":\"" + title + "\"}")
                .json()
                .get("id")
                .asLong();
        long cited = admin.get("/api/administrations?region=AGD")
                .json()
                .at("/0/sources/0/id")
                .asLong();

        Page administrator = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        administrator.navigate("http://127.0.0.1:" + port + "/sources/" + loose);
        // Not confirmed (the browser's own check bypassed): refused, the source stays.
        administrator.evaluate("() => document.getElementById('removal-form').noValidate = true");
        administrator.click("#removal-form button[type=submit]");
        assertThat(administrator.locator("#removal-refused").textContent()).contains("tick the box");
        assertThat(admin.get("/api/sources/" + loose).status()).isEqualTo(200);
        administrator.check("#removal-form input[name=confirm]");
        administrator.click("#removal-form button[type=submit]");
        administrator.waitForURL(Pattern.compile(".*/sources$"));
        assertThat(administrator.locator("#source-removed").count()).isOne();
        assertThat(administrator.locator("#sources").textContent()).doesNotContain(title);
        assertThat(admin.get("/api/sources/" + loose).status()).isEqualTo(404);
        administrator.navigate("http://127.0.0.1:" + port + "/audit?recordType=Source&recordId=" + loose);
        assertThat(administrator.locator("#audit-entries").textContent()).contains("deleted", title);

        // A source a record cites is kept, and the page says why.
        administrator.navigate("http://127.0.0.1:" + port + "/sources/" + cited);
        administrator.check("#removal-form input[name=confirm]");
        administrator.click("#removal-form button[type=submit]");
        administrator.waitForSelector("#removal-refused");
        assertThat(administrator.locator("#removal-refused").textContent())
                .contains("source " + cited + " is cited by records");
        assertThat(admin.get("/api/sources/" + cited).status()).isEqualTo(200);
        Chromium.screenshot(administrator, "source-removal-refused");
        Page phone = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate("http://127.0.0.1:" + port + "/sources/" + cited);
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(phone, "source-removal-phone");

        // Officers correct sources but do not remove them, as through the API.
        assertThat(admin.createUser("agd-source-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        Page officer = chromium.signIn(port, "agd-source-officer", PASSWORD);
        officer.navigate("http://127.0.0.1:" + port + "/sources/" + cited);
        assertThat(officer.locator("#removal-form").count()).isZero();
    }

    @Test
    void anAdministratorRecordsACheckpointFromTheAuditPageAndSeesItListed() {
        Api admin = Api.at(port).asAdmin();
        // A write first, so that the audit trail has moved since any earlier checkpoint.
        assertThat(admin.post(
                                "/api/sources",
                                "{\"publisher\":\"Checkpoint test\",\"title\":\"Note " + System.nanoTime() + "\"}")
                        .status())
                .isEqualTo(201);
        Page administrator = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        administrator.navigate("http://127.0.0.1:" + port + "/audit");
        administrator.click("#checkpoint-form button[type=submit]");
        administrator.waitForSelector("#checkpoint-outcomes");
        assertThat(administrator.locator("#checkpoint-outcomes").textContent())
                .contains("Audit trail: checkpoint", "signed", "Custody ledger");
        // The newest line of the checkpoints file is the audit trail's, asked for by the administrator.
        String[] lines = admin.get("/api/integrity/checkpoints").body().strip().split("\n");
        String newest = lines[lines.length - 1];
        assertThat(newest).contains("\"chain\":\"audit\"", "\"by\":\"admin\"");
        String head = newest.replaceAll(".*\"head\":\"([0-9a-f]+)\".*", "$1");
        var row = administrator.locator("#checkpoint-list tbody tr").first();
        assertThat(row.textContent()).contains("Audit trail", "admin", head.substring(0, 16));
        assertThat(row.locator("code.hash").getAttribute("title")).isEqualTo(head);
        Chromium.screenshot(administrator, "audit-checkpoint");
        Page phone = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate("http://127.0.0.1:" + port + "/audit#checkpoints");
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(phone, "audit-checkpoint-phone");
    }

    private static long id(String url) {
        return Long.parseLong(url.replaceAll(".*/sources/(\\d+).*", "$1"));
    }
}
