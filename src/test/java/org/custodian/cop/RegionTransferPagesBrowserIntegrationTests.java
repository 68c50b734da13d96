package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backups page's two region forms as an administrator uses them: a region exported to a file, that file
 * refused while the region still holds its records, and imported once it does not; a file that is no export is
 * refused on the page. On a phone the forms fit the screen.
 */
@CustodianIntegrationTest
class RegionTransferPagesBrowserIntegrationTests {

    static final String REGION = "BRT-1";
    /** The region forms test's square, moved clear of its regions. */
    static final String BOUNDARY = RegionFormsBrowserIntegrationTests.BOUNDARY.replace("21", "25");

    static final String VILLAGE = "Transfer test village";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void aRegionIsExportedThenImportedOnceItHoldsNothingAndAFileThatIsNoExportIsRefused() throws Exception {
        Api api = Api.at(port).asAdmin();
        long village = regionWithAVillage(api);
        try {
            exportedThenImported(api, village);
        } finally {
            removeTheRegion(api);
        }
    }

    private void exportedThenImported(Api api, long village) throws Exception {
        Page admin = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        admin.navigate("http://127.0.0.1:" + port + "/backups");

        // Typed in lower case, as people do: the file is the region's.
        admin.fill("#region-export-form input[name=region]", REGION.toLowerCase(java.util.Locale.ROOT));
        Download download = admin.waitForDownload(() -> admin.click("#region-export-form button[type=submit]"));
        assertThat(download.suggestedFilename()).endsWith(".gpkg");
        Path file = Files.createTempFile("region-export-page", ".gpkg");
        download.saveAs(file);
        RegionFile.Manifest manifest = RegionFile.read(file).manifest();
        assertThat(manifest.region()).isEqualTo(REGION);
        assertThat(manifest.tables())
                .anySatisfy(t -> assertThat(t.table() + " " + t.records()).isEqualTo("territory_settlement 1"));

        // The region still holds the village: the import is refused on the page, nothing written.
        long imports = imports();
        upload(admin, "region.gpkg", Files.readAllBytes(file));
        assertThat(admin.locator("p.error").textContent()).contains(REGION, "already holds records");
        assertThat(imports()).isEqualTo(imports);
        Chromium.screenshot(admin, "region-import-refused");

        // Once the village is gone the same file brings it back.
        assertThat(api.delete("/api/settlements/" + village).status()).isEqualTo(204);
        upload(admin, "region.gpkg", Files.readAllBytes(file));
        assertThat(admin.locator("#region-imported").textContent()).contains(REGION);
        assertThat(admin.locator("p.error").count()).isZero();
        assertThat(imports()).isEqualTo(imports + 1);
        assertThat(api.get("/api/settlements?region=" + REGION).json().get("features"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.at("/properties/names/en").asString()).isEqualTo(VILLAGE));
        Chromium.screenshot(admin, "region-imported");

        upload(admin, "notes.gpkg", "just notes".getBytes(StandardCharsets.UTF_8));
        assertThat(admin.locator("p.error").textContent()).isNotBlank();
        assertThat(admin.locator("#region-imported").count()).isZero();
        assertThat(imports()).isEqualTo(imports + 1);
    }

    @Test
    void onAPhoneBothFormsFitTheScreen() {
        Page phone = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate("http://127.0.0.1:" + port + "/backups");
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        for (String control : new String[] {
            "#region-export-form input[name=region]",
            "#region-export-form button[type=submit]",
            "#region-import-form input[name=file]",
            "#region-import-form button[type=submit]"
        }) {
            BoundingBox box = phone.locator(control).boundingBox();
            assertThat(box).as(control).isNotNull();
            assertThat(box.x).as(control).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as(control).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        }
        // A refusal shows on the phone too, and still fits.
        upload(phone, "notes.gpkg", "just notes".getBytes(StandardCharsets.UTF_8));
        assertThat(phone.locator("p.error").isVisible()).isTrue();
        assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(phone, "region-forms-phone");
    }

    /**
     * Every test shares one database, and others count the demo's regions and settlements: what this test made
     * goes, whichever village the region holds by then.
     */
    private void removeTheRegion(Api api) {
        for (var f : api.get("/api/settlements?region=" + REGION).json().get("features")) {
            assertThat(api.delete("/api/settlements/" + f.get("id").asLong()).status())
                    .isEqualTo(204);
        }
        assertThat(api.delete("/api/regions/" + REGION).status()).isEqualTo(204);
        assertThat(api.get("/api/regions/" + REGION).status()).isEqualTo(404);
    }

    /** A region of its own with one village, the only record it holds; the village's id. */
    private long regionWithAVillage(Api api) {
        assertThat(api.post(
                                "/api/regions",
                                "{\"type\":\"Feature\",\"geometry\":" + BOUNDARY + ",\"properties\":{\"code\":\""
                                        + REGION + "\",\"names\":{\"en\":\"Transfer test region\"}}}")
                        .status())
                .isEqualTo(201);
        Api.Response village = api.post(
                "/api/settlements",
                Api.json(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Point", "coordinates", java.util.List.of(25.1, 25.1)),
                        "properties",
                        Map.of("regionCode", REGION, "names", Map.of("en", VILLAGE), "kind", "VILLAGE"))));
        assertThat(village.status()).as(village.body()).isEqualTo(201);
        return village.json().get("id").asLong();
    }

    private long imports() {
        return jdbc.queryForObject("select count(*) from cop_region_import", Long.class);
    }

    private static void upload(Page page, String name, byte[] content) {
        page.setInputFiles(
                "#region-import-form input[name=file]",
                new FilePayload(name, "application/geopackage+sqlite3", content));
        page.waitForNavigation(() -> page.click("#region-import-form button[type=submit]"));
        page.waitForSelector("p.error, #region-imported");
    }
}
