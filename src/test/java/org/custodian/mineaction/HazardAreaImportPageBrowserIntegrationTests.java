package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A region's officer imports hazard areas from a GeoJSON file on the import page, as the API's import does:
 * a file with a self-intersecting polygon is refused whole with the feature and its reason, the corrected file
 * is imported, and the same file again changes nothing.
 */
@CustodianIntegrationTest
class HazardAreaImportPageBrowserIntegrationTests {

    static final String PASSWORD = "hazard-import-page-password";

    static final String SQUARE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.16,39.61],[47.165,39.61],[47.165,39.615],[47.16,39.615],[47.16,39.61]]]}";
    static final String BOWTIE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[47.17,39.61],[47.175,39.615],[47.175,39.61],[47.17,39.615],[47.17,39.61]]]}";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void anOfficerImportsAFileAfterARefusalAndTheSameFileAgainChangesNothing() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("fzl-import-officer", "OFFICER", "FZL", PASSWORD))
                .isIn(201, 409);
        Page officer =
                chromium.signIn(port, "fzl-import-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        officer.navigate("http://127.0.0.1:" + port + "/mine-action");
        officer.click("#import-hazard-areas");
        officer.waitForURL("**/mine-action/hazard-areas/import");
        String run = UUID.randomUUID().toString().substring(0, 8);

        upload(officer, "survey.geojson", collection(run, SQUARE, BOWTIE));
        assertThat(officer.locator("#import-outcome").textContent()).contains("1 of 2", "nothing was imported");
        assertThat(officer.locator("#import-features tbody tr").nth(0).textContent())
                .contains("valid (not written)");
        assertThat(officer.locator("#import-features tbody tr").nth(1).textContent())
                .contains("refused")
                .containsIgnoringCase("self-intersect");
        assertThat(officer.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(officer, "hazard-import-refused-phone");

        upload(officer, "survey.geojson", collection(run, SQUARE));
        assertThat(officer.locator("#import-outcome").textContent()).contains("Imported");
        String created = officer.locator("#import-features tbody tr").first().textContent();
        assertThat(created).contains("created", "FZL-HA-");

        upload(officer, "survey.geojson", collection(run, SQUARE));
        assertThat(officer.locator("#import-features tbody tr").first().textContent())
                .contains("unchanged", "FZL-HA-");

        // A file that is no GeoJSON at all is refused with the reason, on the form.
        officer.setInputFiles(
                "#import-form input[name=file]",
                new FilePayload("notes.geojson", "application/geo+json", "hello".getBytes(StandardCharsets.UTF_8)));
        officer.click("#import-form button[type=submit]");
        officer.waitForSelector("p.error");
        assertThat(officer.locator("#import-report").count()).isZero();
    }

    @Test
    void aViewerMayNotOpenTheImportPage() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("fzl-import-viewer", "VIEWER", "FZL", PASSWORD))
                .isIn(201, 409);
        assertThat(Api.at(port)
                        .as("fzl-import-viewer", PASSWORD)
                        .get("/mine-action/hazard-areas/import")
                        .status())
                .isEqualTo(403);
    }

    private static void upload(Page page, String name, String content) {
        page.setInputFiles(
                "#import-form input[name=file]",
                new FilePayload(name, "application/geo+json", content.getBytes(StandardCharsets.UTF_8)));
        page.selectOption("#import-form select[name=region]", "FZL");
        page.waitForNavigation(() -> page.click("#import-form button[type=submit]"));
        page.waitForSelector("#import-report");
    }

    private static String collection(String run, String... geometries) {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < geometries.length; i++) {
            features.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"Feature\",\"geometry\":")
                    .append(geometries[i])
                    .append(",\"properties\":{\"name\":\"Survey ")
                    .append(run)
                    .append(' ')
                    .append(i + 1)
                    .append("\",\"classification\":\"SHA\",\"contamination\":\"AP_MINE\"}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
    }
}
