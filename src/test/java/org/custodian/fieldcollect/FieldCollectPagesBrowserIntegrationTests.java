package org.custodian.fieldcollect;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.GeoJsonModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * On a phone, a field user makes a device key and sees its QR code; the phone sends a find with it; the
 * region's officer corrects and accepts it on the review pages, without the API.
 */
@CustodianIntegrationTest
class FieldCollectPagesBrowserIntegrationTests {

    static final String PASSWORD = "fieldcollect-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    FieldForms forms;

    @Test
    void aFieldUserConfiguresAPhoneByQrCodeAndAnOfficerCorrectsAndAcceptsWhatItSends() throws Exception {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-page-field", "FIELD", "KHJ", PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("khj-page-reviewer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);

        Page phone = chromium.signIn(port, "khj-page-field", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate("http://127.0.0.1:" + port + "/fieldcollect/keys");
        phone.fill("#key-form input[name=name]", "Tablet 7, Khojaly team");
        phone.click("#key-form button[type=submit]");
        phone.waitForSelector("#qr svg");
        String serverUrl = phone.locator("#server-url").textContent();
        assertThat(serverUrl).contains("/openrosa/key/");
        assertThat(phone.locator("#keys").textContent()).contains("Tablet 7, Khojaly team");
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(phone, "fieldcollect-device-key");

        String where = null;
        for (JsonNode region : admin.get("/api/regions").json().get("features")) {
            if (region.at("/properties/code").asString().equals("KHJ")) {
                Point p = GeoJsonModule.read("g", region.get("geometry").toString())
                        .getInteriorPoint();
                where = p.getY() + " " + p.getX();
            }
        }
        byte[] xml = CollectDevice.fill(
                forms.openForm(SubmissionAccepted.ORDNANCE_FIND).xml(),
                Map.of(
                        "location", String.valueOf(where),
                        "found_on", LocalDate.now().minusDays(2).toString(),
                        "category", "UXO",
                        "quantity", "1",
                        "description", "A shell in the orchard"));
        assertThat(new CollectDevice(serverUrl, null, null).send(xml, Map.of()).status())
                .isEqualTo(201);
        String instanceId = SubmittedInstance.parse(xml, 1_000_000).instanceId();

        Page reviewer =
                chromium.signIn(port, "khj-page-reviewer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        reviewer.navigate("http://127.0.0.1:" + port + "/fieldcollect?form=ordnance-find");
        assertThat(reviewer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        long id = Api.at(port)
                .as("khj-page-reviewer", PASSWORD)
                .get("/api/submissions?form=ordnance-find")
                .json()
                .valueStream()
                .filter(s -> s.get("instanceId").asString().equals(instanceId))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        reviewer.click("#submissions a[href$='/fieldcollect/submissions/" + id + "']");
        reviewer.waitForSelector("#answers");
        reviewer.fill("#answers input[name='value.quantity']", "x");
        reviewer.click("#answers button[type=submit]");
        assertThat(reviewer.locator("p.error").textContent()).contains("quantity");
        reviewer.fill("#answers input[name='value.quantity']", "4");
        reviewer.click("#answers button[type=submit]");
        reviewer.waitForSelector(".notice");
        assertThat(reviewer.locator("#answers").textContent()).contains("\u201c1\u201d");
        reviewer.click("#accept-form button");
        reviewer.waitForSelector(".notice");
        assertThat(reviewer.locator("#status").textContent()).isEqualTo("Accepted");
        assertThat(reviewer.locator("#review").count()).isZero();
        assertThat(reviewer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(reviewer, "fieldcollect-accepted");
    }

    @Test
    void anOfficerCorrectsTheVillageOfAnOutreachVisitOnAPhoneAndTheVisitLeadsBackToIt() throws Exception {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-page-field", "FIELD", "KHJ", PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("khj-page-reviewer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);
        String team = null;
        for (JsonNode t : admin.get("/api/outreach-teams").json()) {
            if (t.get("regionCode").asString().equals("KHJ")) {
                team = t.get("name").asString();
            }
        }
        JsonNode village =
                admin.get("/api/settlements?region=KHJ").json().get("features").get(0);
        Point at = GeoJsonModule.read("g", village.get("geometry").toString()).getInteriorPoint();
        byte[] xml = CollectDevice.fill(
                forms.openForm(SubmissionAccepted.OUTREACH_VISIT).xml(),
                Map.of(
                        "location", at.getY() + " " + at.getX(),
                        "visited_on", LocalDate.now().minusDays(1).toString(),
                        "settlement", "Nowhere village",
                        "team", String.valueOf(team),
                        "services", "fuel",
                        "people_served", "6",
                        "photo", "visit.jpg"));
        assertThat(new CollectDevice("http://127.0.0.1:" + port + "/openrosa", "khj-page-field", PASSWORD)
                        .send(xml, Map.of("visit.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}))
                        .status())
                .isEqualTo(201);
        String instanceId = SubmittedInstance.parse(xml, 1_000_000).instanceId();

        Page reviewer =
                chromium.signIn(port, "khj-page-reviewer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        reviewer.navigate("http://127.0.0.1:" + port + "/fieldcollect/instances/" + instanceId + "?lang=ru");
        reviewer.waitForSelector("#answers");
        // Labels in the page's language, the photo shown, what accepting does said.
        assertThat(reviewer.locator("#answers").textContent()).contains("Село или населённый пункт");
        assertThat(reviewer.locator("#files img").count()).isEqualTo(1);
        assertThat(reviewer.locator("#accept-makes").textContent()).contains("выезд");
        reviewer.click("#accept-form button");
        // The refusal in the page's language, naming what the phone sent.
        assertThat(reviewer.locator("p.error").textContent()).contains("населённого пункта Nowhere village");
        assertThat(reviewer.locator("#status").textContent()).isEqualTo("Ждёт проверки");
        Chromium.screenshot(reviewer, "fieldcollect-visit-refused");
        // The village's number, as on its page.
        reviewer.fill(
                "#answers input[name='value.settlement']", village.get("id").asString());
        reviewer.click("#answers button[type=submit]");
        reviewer.click("#accept-form button");
        reviewer.waitForSelector("#status");
        assertThat(reviewer.locator("#status").textContent()).isEqualTo("Принята");
        assertThat(reviewer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        reviewer.navigate("http://127.0.0.1:" + port + "/outreach");
        reviewer.click("#visits a[href$='/fieldcollect/instances/" + instanceId + "']");
        reviewer.waitForSelector("#facts");
        assertThat(reviewer.url()).contains("/fieldcollect/submissions/");
    }

    @Test
    void theDemoQueueShowsItsIllustrativeSubmissionsOnPhoneAndDesktop() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-page-reviewer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);
        for (int[] size : new int[][] {{Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT}, {1280, 900}}) {
            Page page = chromium.signIn(port, "khj-page-reviewer", PASSWORD, size[0], size[1]);
            page.navigate("http://127.0.0.1:" + port + "/fieldcollect");
            assertThat(page.locator("#submissions tbody tr").count()).isGreaterThanOrEqualTo(3);
            assertThat(page.locator("#submissions").textContent()).contains("illustrative");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).isEqualTo(size[0]);
            Chromium.screenshot(page, "fieldcollect-queue-" + size[0]);
            page.click("#submissions tbody tr:first-child a");
            page.waitForSelector("#illustrative");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).isEqualTo(size[0]);
            Chromium.screenshot(page, "fieldcollect-illustrative-" + size[0]);
        }
    }
}
