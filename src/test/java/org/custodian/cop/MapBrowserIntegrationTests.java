package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in Debian's Chromium: signs in, sees the regions drawn on the map, opens a region's page.
 * Screenshots land in target/screenshots.
 */
@CustodianIntegrationTest
class MapBrowserIntegrationTests {

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private Page signIn(String user, String password) {
        return chromium.signIn(port, user, password);
    }

    @Test
    void signsInSeesTheRegionsOnTheMapAndOpensARegion() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.waitForSelector("#map[data-ready=true]");
        page.waitForFunction("() => document.getElementById('map').rendered('regions').length > 0");
        assertThat((Integer) page.evaluate("() => new Set(document.getElementById('map').rendered('settlements')"
                        + ".map(f => f.id)).size"))
                .as("the settlements, each once")
                .isGreaterThan(0);
        assertThat(page.locator(".region-label").allTextContents()).contains("Aghdam", "Shusha", "Khankendi");
        assertThat(page.locator(".region-label").count()).isEqualTo(11);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("map.png")));

        // A region's name on the map leads to its page.
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

    /** The OGC API in a browser: pages, not JSON, with the features of a page as a table and on a map. */
    @Test
    void browsesTheOgcApiAsPagesWithATableAndAMap() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/ogc/");
        page.click("#ogc-links a");
        page.waitForSelector("#ogc-collections");
        page.click("#ogc-collections a[href*='/collections/settlements']");
        page.click("#ogc-items");
        page.waitForURL("**/collections/settlements/items?f=html");
        page.waitForSelector("#ogc-map[data-drawn]");
        assertThat(page.locator("#ogc-table tbody tr").count()).isEqualTo(12);
        assertThat(page.locator("#ogc-table").textContent()).contains("Shusha", "Khankendi", "SHU");
        assertThat(page.locator("#ogc-map").getAttribute("data-drawn")).isEqualTo("12");
        assertThat(page.locator("#ogc-map .leaflet-interactive").count()).isGreaterThanOrEqualTo(12);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("ogc-items.png"))
                .setFullPage(true));
        page.locator("#ogc-table tbody a").first().click();
        page.waitForURL(Pattern.compile(".*/collections/settlements/items/[^/?]+\\?f=html"));
        page.waitForSelector("#ogc-map[data-drawn]");
        assertThat(page.locator("#ogc-table tbody tr").count()).isEqualTo(1);
        page.navigate("http://127.0.0.1:" + port + "/ogc/collections?lang=hy");
        assertThat(page.locator("h1").textContent()).isEqualTo("Հավաքածուներ");
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
        assertThat(page.locator("dl.facts").textContent()).contains("High");
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
    void recordsLandReleasedByDrawingItOnTheHazardAreaMap() {
        // An area of its own: the demo areas are shared with the other tests of this context.
        String square =
                "{\"type\":\"Polygon\",\"coordinates\":[[[47.12,39.60],[47.13,39.60],[47.13,39.61],[47.12,39.61],[47.12,39.60]]]}";
        long id = recorded(
                "/api/hazard-areas",
                square,
                Map.of(
                        "regionCode", "FZL",
                        "name", "Field drawn on in the browser",
                        "classification", "CHA",
                        "contamination", List.of("AT_MINE"),
                        "recordedOn", "2024-01-10"));

        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/mine-action/hazard-areas/" + id);
        var area = page.locator("#draw-map path.leaflet-interactive").first().boundingBox();

        // Corners outside the hazard area, to the west of it: refused, and the drawing is kept.
        clickCorners(page, area.x - area.width * 0.9, area.y, area.width * 0.6, area.height);
        fillRelease(page);
        page.click("#release-form button[type=submit]");
        assertThat(page.locator("#release-form p.error").textContent()).contains("lie outside hazard area");
        assertThat(page.inputValue("#release-area")).contains("Polygon");
        assertThat(page.locator("#releases tbody td.num").count()).isZero();

        page.click("#draw-clear");
        assertThat(page.inputValue("#release-area")).isEmpty();
        // The middle of the area: four corners clicked on the map (which has moved: the page came back
        // scrolled to the form).
        area = page.locator("#draw-map path.leaflet-interactive").first().boundingBox();
        clickCorners(page, area.x, area.y, area.width, area.height);
        assertThat(page.locator("#draw-count").textContent()).startsWith("4");
        fillRelease(page);
        page.click("#release-form button[type=submit]");
        page.waitForSelector(".notice");
        assertThat(page.locator("#releases tbody td.num").count()).isEqualTo(1);
        // Mine action shows areas in hectares, in the reader's number format (English here).
        double released = Double.parseDouble(
                page.locator("#releases tbody td.num").first().textContent().replace(",", ""));
        // A quarter of the area's width and half its height, of about 857 m x 1,111 m: some 12 ha.
        assertThat(released).isBetween(8.0, 16.0);
        assertThat(page.locator("#releases").textContent()).contains("Technical survey");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("land-release.png"))
                .setFullPage(true));
    }

    @Test
    void recordsAnAccidentWithItsVictimsFromTheForm() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/mine-action");
        page.click("#record-accident");
        page.waitForURL("**/mine-action/accidents/new");
        page.waitForSelector("#pick-map[data-drawn*=regions]");

        // A click on the map places the accident and fills in its coordinates.
        var map = page.locator("#pick-map").boundingBox();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        assertThat(page.inputValue("#accident-longitude")).isNotEmpty();
        assertThat(page.inputValue("#accident-latitude")).isNotEmpty();
        // Then typed in exactly: a field beside the highway in Fuzuli.
        page.fill("#accident-longitude", "47.145");
        page.fill("#accident-latitude", "39.6");
        page.selectOption("#accident-form select[name=regionCode]", "FZL");
        page.fill("#accident-form input[name=occurredAt]", "2099-05-02T09:30");
        page.selectOption("#accident-form select[name=device]", "AT_MINE");
        page.fill("#accident-form input[name=activity]", "Ploughing");
        page.fill("#accident-form textarea[name=description]", "Tractor struck an anti-tank mine while ploughing");
        page.selectOption("#victims select[name='victims[0].outcome']", "INJURED");
        page.selectOption("#victims select[name='victims[0].group']", "CIVILIAN");
        page.selectOption("#victims select[name='victims[0].sex']", "MALE");
        page.selectOption("#victims select[name='victims[0].ageBand']", "AGE_18_59");
        page.click("#accident-form button[type=submit]");

        // Dated in the future: refused with the reason, and nothing typed is lost.
        assertThat(page.locator("p.error").textContent()).contains("future");
        assertThat(page.inputValue("#accident-form textarea[name=description]"))
                .isEqualTo("Tractor struck an anti-tank mine while ploughing");
        assertThat(page.inputValue("#victims select[name='victims[0].ageBand']"))
                .isEqualTo("AGE_18_59");
        assertThat(page.inputValue("#accident-longitude")).isEqualTo("47.145");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("accident-form.png"))
                .setFullPage(true));

        // A half-described victim is refused too.
        page.fill("#accident-form input[name=occurredAt]", "2024-05-02T09:30");
        page.selectOption("#victims select[name='victims[1].outcome']", "KILLED");
        page.click("#accident-form button[type=submit]");
        assertThat(page.locator("p.error").textContent()).contains("victim 2");

        page.selectOption("#victims select[name='victims[1].group']", "CIVILIAN");
        page.selectOption("#victims select[name='victims[1].sex']", "FEMALE");
        page.selectOption("#victims select[name='victims[1].ageBand']", "AGE_60_PLUS");
        page.click("#accident-form button[type=submit]");
        page.waitForURL("**/mine-action?region=FZL*");
        assertThat(page.locator(".notice").count()).isEqualTo(1);
        var row = page.locator("#accidents tbody tr", new Page.LocatorOptions().setHasText("Tractor struck"));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.locator("td.num").allTextContents()).containsExactly("1", "1");
        assertThat(row.locator("td").first().textContent()).isEqualTo("2024-05-02");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("accident-recorded.png"))
                .setFullPage(true));
    }

    @Test
    void recordsAnAssessmentWithAPhotoAndRefusesOneThatIsNoPhoto() throws Exception {
        // A parcel of its own: the demo assets are shared with the other tests of this context.
        String parcel =
                "{\"type\":\"Polygon\",\"coordinates\":[[[46.95,39.99],[46.96,39.99],[46.96,40.0],[46.95,40.0],[46.95,39.99]]]}";
        long id = recorded(
                "/api/assets", parcel, Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", "Parcel 21"));
        Path photo = Files.createTempFile("orchard", ".png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});
        Path notes = Files.createTempFile("notes", ".png");
        Files.writeString(notes, "not a picture");

        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/assets/" + id);
        page.fill("#assessment-form input[name=assessedOn]", "2024-04-02");
        page.fill("#assessment-form input[name=assessor]", "Cadastre survey team");
        page.selectOption("#assessment-form select[name=condition]", "POOR");
        page.fill("#assessment-form textarea[name=damage]", "Orchard burnt, terraces collapsed");
        page.setInputFiles("#assessment-form input[name=photos]", new Path[] {photo, notes});
        page.click("#assessment-form button[type=submit]");
        // One file is not a photo: the whole assessment is refused and nothing is written.
        assertThat(page.locator("p.error").textContent()).contains("only JPEG and PNG");
        assertThat(page.locator("#assessments tbody td.muted").count()).isEqualTo(1);
        assertThat(Api.at(port).asAdmin().get("/api/assets/" + id + "/photos").json())
                .isEmpty();
        // What was typed is kept; the files are chosen again (a page cannot choose them).
        assertThat(page.inputValue("#assessment-form input[name=assessedOn]")).isEqualTo("2024-04-02");
        assertThat(page.inputValue("#assessment-form input[name=assessor]")).isEqualTo("Cadastre survey team");
        assertThat(page.inputValue("#assessment-form select[name=condition]")).isEqualTo("POOR");
        assertThat(page.inputValue("#assessment-form textarea[name=damage]"))
                .isEqualTo("Orchard burnt, terraces collapsed");

        page.setInputFiles("#assessment-form input[name=photos]", photo);
        page.click("#assessment-form button[type=submit]");
        page.waitForSelector(".notice");
        assertThat(page.locator("#assessments tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#assessments").textContent()).contains("Poor", "Cadastre survey team");
        String href = page.locator("#assessments a").first().getAttribute("href");
        assertThat(Api.at(port).asAdmin().getBytes(href)).startsWith((byte) 0x89, (byte) 'P');
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("asset-assessed.png"))
                .setFullPage(true));
    }

    @Test
    void recordsAFacilityFromTheNewFacilityPageAndCorrectsIt() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/facilities");
        page.click("#new-facility");
        page.waitForURL("**/facilities/new");
        page.waitForSelector("#draw-map[data-drawn*=regions]");
        page.fill("#facility-form input[name=name]", "Pumping station below the citadel");
        page.selectOption("#facility-form select[name=kind]", "WATER_SUPPLY");
        // Zangilan is far from the middle of the map, where the point is clicked: refused, and kept.
        page.selectOption("#facility-form select[name=regionCode]", "ZNG");
        var map = page.locator("#draw-map").boundingBox();
        page.mouse().click(map.x + map.width / 2, map.y + map.height / 2);
        assertThat(page.inputValue("#facility-geometry")).contains("\"Point\"");
        page.click("#facility-form button[type=submit]");
        assertThat(page.locator("p.error").textContent()).contains("outside region ZNG");
        assertThat(page.inputValue("#facility-form input[name=name]")).isEqualTo("Pumping station below the citadel");
        assertThat(page.inputValue("#facility-form select[name=kind]")).isEqualTo("WATER_SUPPLY");
        assertThat(page.inputValue("#facility-geometry")).contains("\"Point\"");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("facility-new-refused.png"))
                .setFullPage(true));

        // A point pasted from a GPS, in Shusha.
        page.selectOption("#facility-form select[name=regionCode]", "SHU");
        page.fill("#facility-geometry", "{\"type\":\"Point\",\"coordinates\":[46.7521,39.7583]}");
        page.dispatchEvent("#facility-geometry", "change");
        page.selectOption("#facility-form select[name=status]", "DAMAGED");
        page.click("#facility-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/facilities/\\d+$"));
        page.waitForSelector(".notice");
        assertThat(page.locator("h1").textContent()).isEqualTo("Pumping station below the citadel");
        assertThat(page.locator("dl.facts").textContent()).contains("SHU", "Water supply", "Damaged");

        // The particulars form: a corrected name and the station drawn as an area around the point.
        page.waitForSelector("#draw-map[data-drawn*=regions]");
        page.fill("#particulars-form input[name=name]", "Pumping station and reservoir below the citadel");
        page.selectOption("#draw-shape", "Polygon");
        page.click("#draw-clear");
        map = page.locator("#draw-map").boundingBox();
        clickCorners(page, map.x, map.y, map.width, map.height);
        assertThat(page.inputValue("#facility-geometry")).contains("\"Polygon\"");
        page.click("#particulars-form button[type=submit]");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1").textContent()).isEqualTo("Pumping station and reservoir below the citadel");
        String id = page.url().replaceAll(".*/facilities/(\\d+).*", "$1");
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/facilities/" + id)
                        .json()
                        .at("/geometry/type")
                        .asString())
                .isEqualTo("Polygon");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("facility-recorded.png"))
                .setFullPage(true));

        // A reader of Shusha sees where the station is, on the page's own map, and no form to change it.
        assertThat(Api.at(port).asAdmin().createUser("shu-map-reader", "VIEWER", "SHU", "shusha-reader-password"))
                .isEqualTo(201);
        Page reader = signIn("shu-map-reader", "shusha-reader-password");
        reader.navigate("http://127.0.0.1:" + port + "/facilities/" + id);
        reader.waitForSelector("#record-map #draw-map path.leaflet-interactive");
        assertThat(reader.locator("#draw-map path.leaflet-interactive").count())
                .as("the station's own area, over a backdrop that takes no clicks")
                .isEqualTo(1);
        assertThat(reader.locator("#particulars-form").count()).isZero();
        reader.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("facility-read.png"))
                .setFullPage(true));
        // And an asset of Shusha, the same way.
        reader.navigate("http://127.0.0.1:" + port + "/assets");
        reader.click("text=Historic quarter of Shusha (illustrative)");
        reader.waitForSelector("#record-map #draw-map path.leaflet-interactive");
        assertThat(reader.locator("#particulars-form").count()).isZero();
    }

    @Test
    void correctsAnAssetsParticularsKeepingWhatWasTypedWhenRefused() {
        String parcel =
                "{\"type\":\"Polygon\",\"coordinates\":[[[46.97,39.99],[46.98,39.99],[46.98,40.0],[46.97,40.0],[46.97,39.99]]]}";
        long id = recorded(
                "/api/assets", parcel, Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", "Parcel 33"));

        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/assets/" + id);
        page.waitForSelector("#draw-map[data-drawn*=regions]");
        // A land parcel: the heritage and resource particulars are not asked for.
        assertThat(page.locator("#particulars-form input[name='particulars.heritageType']")
                        .isVisible())
                .isFalse();
        page.fill("#particulars-form input[name=name]", "Parcel 33, orchard terraces");
        page.fill("#particulars-form input[name='particulars.cadastralReference']", "AGD-33");
        page.fill("#particulars-form input[name='particulars.use']", "Orchard");
        page.fill(
                "#particulars-form textarea[name='particulars.ownershipNotes']", "Claimed by two families since 1993");
        // A polygon whose edges cross: refused with the reason, and what was typed is kept.
        page.fill(
                "#asset-geometry",
                "{\"type\":\"Polygon\",\"coordinates\":[[[46.97,39.99],[46.98,40.0],[46.98,39.99],[46.97,40.0],[46.97,39.99]]]}");
        page.click("#particulars-form button[type=submit]");
        assertThat(page.locator("#particulars-form p.error").textContent())
                .contains("geometry is refused", "self-intersection");
        assertThat(page.inputValue("#particulars-form input[name=name]")).isEqualTo("Parcel 33, orchard terraces");
        assertThat(page.inputValue("#particulars-form input[name='particulars.cadastralReference']"))
                .isEqualTo("AGD-33");
        assertThat(page.inputValue("#particulars-form textarea[name='particulars.ownershipNotes']"))
                .isEqualTo("Claimed by two families since 1993");
        assertThat(page.locator("h1").textContent()).isEqualTo("Parcel 33");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("asset-particulars-refused.png"))
                .setFullPage(true));

        // Drawn again on the map, in the middle of the crossed polygon.
        page.waitForSelector("#draw-map[data-drawn*=regions]");
        page.click("#draw-clear");
        var map = page.locator("#draw-map").boundingBox();
        clickCorners(page, map.x, map.y, map.width, map.height);
        page.click("#particulars-form button[type=submit]");
        page.waitForSelector(".notice");
        assertThat(page.locator("h1").textContent()).isEqualTo("Parcel 33, orchard terraces");
        assertThat(page.locator("dl.facts").textContent()).contains("AGD-33", "Orchard", "Claimed by two families");
        var asset = Api.at(port).asAdmin().get("/api/assets/" + id).json();
        assertThat(asset.at("/properties/particulars/use").asString()).isEqualTo("Orchard");
        assertThat(asset.at("/properties/particulars/heritageType").isNull()).isTrue();
        // The four corners clicked, closed: the crossed polygon was replaced by the one drawn.
        var ring = asset.at("/geometry/type").asString().equals("Polygon")
                ? asset.at("/geometry/coordinates/0")
                : asset.at("/geometry/coordinates/0/0");
        assertThat(ring.size()).isEqualTo(5);
        assertThat(asset.at("/properties/areaSquareMetres").asLong()).isPositive();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("asset-particulars.png"))
                .setFullPage(true));
    }

    @Test
    void recordsAnOrdnanceFindOnTheMapAndItsDisposal() {
        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/mine-action");
        page.click("#record-find");
        page.waitForURL("**/mine-action/finds/new");
        page.waitForSelector("#pick-map[data-drawn*=regions]");
        var map = page.locator("#pick-map").boundingBox();
        page.mouse().click(map.x + map.width * 0.45, map.y + map.height * 0.55);
        String region = Api.at(port)
                .asAdmin()
                .regionOf(
                        Double.parseDouble(page.inputValue("#find-longitude")),
                        Double.parseDouble(page.inputValue("#find-latitude")));
        page.selectOption("#find-form select[name=regionCode]", region);
        page.selectOption("#find-form select[name=category]", "UXO");
        page.fill("#find-form input[name=quantity]", "4");
        page.fill("#find-form textarea[name=description]", "Four 120 mm mortar bombs in a drainage ditch");
        page.fill("#find-form input[name=foundOn]", "2099-02-28");
        page.click("#find-form button[type=submit]");
        // Dated in the future: refused, and nothing typed is lost.
        assertThat(page.locator("p.error").textContent()).contains("future");
        assertThat(page.inputValue("#find-form textarea[name=description]"))
                .isEqualTo("Four 120 mm mortar bombs in a drainage ditch");
        assertThat(page.inputValue("#find-form input[name=quantity]")).isEqualTo("4");
        assertThat(page.inputValue("#find-longitude")).isNotEmpty();

        page.fill("#find-form input[name=foundOn]", "2024-02-28");
        page.click("#find-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/mine-action/finds/\\d+$"));
        assertThat(page.locator("#disposition").textContent()).isEqualTo("Awaiting disposal");
        assertThat(page.locator("#facts").textContent()).contains(region, "Unexploded ordnance", "4", "2024-02-28");

        page.selectOption("#disposition-form select[name=disposition]", "DESTROYED_IN_SITU");
        page.fill("#disposition-form input[name=disposedOn]", "2024-02-27");
        page.click("#disposition-form button");
        assertThat(page.locator("p.error").textContent()).contains("before it was found");
        assertThat(page.inputValue("#disposition-form select[name=disposition]"))
                .isEqualTo("DESTROYED_IN_SITU");
        page.fill("#disposition-form input[name=disposedOn]", "2024-02-29");
        page.click("#disposition-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("#disposition").textContent()).isEqualTo("Destroyed in situ");
        assertThat(page.locator("#disposition-form").count()).isZero();
        page.waitForSelector("#pick-map[data-drawn*=regions]");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("ordnance-find.png"))
                .setFullPage(true));

        page.navigate("http://127.0.0.1:" + port + "/mine-action?region=" + region);
        var row = page.locator(
                "#recent-finds tbody tr", new Page.LocatorOptions().setHasText("Four 120 mm mortar bombs"));
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.textContent()).contains("2024-02-28", "Destroyed in situ", "2024-02-29");
        page.locator("#finds-section")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("ordnance-finds.png")));
    }

    /** Records a feature of the test's own through the API, as the administrator; returns its id. */
    private long recorded(String path, String geometry, Map<String, Object> properties) {
        Api.Response created = Api.at(port)
                .asAdmin()
                .post(
                        path,
                        "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + Api.json(properties)
                                + "}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Clicks four corners of the middle of a box on the drawing map (x from 3/8 to 5/8, y from 1/4 to 3/4). */
    private static void clickCorners(Page page, double x, double y, double width, double height) {
        double[][] corners = {{0.375, 0.25}, {0.625, 0.25}, {0.625, 0.75}, {0.375, 0.75}};
        for (double[] c : corners) {
            page.mouse().click(x + width * c[0], y + height * c[1]);
        }
    }

    private static void fillRelease(Page page) {
        page.selectOption("#release-form select[name=method]", "TECHNICAL_SURVEY");
        page.selectOption(
                "#release-form select[name=organisationId]",
                new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.fill("#release-form input[name=startedOn]", "2024-07-01");
        page.fill("#release-form input[name=completedOn]", "2024-07-19");
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
    void assignsAGuardToAFacilityFromItsPage() {
        long id = recorded(
                "/api/facilities",
                "{\"type\":\"Point\",\"coordinates\":[46.752,39.758]}",
                Map.of("regionCode", "SHU", "name", "Water tank on the hill", "kind", "WATER_TANK"));

        Page page = signIn("admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/facilities/" + id);
        page.selectOption(
                "#guard-form select[name=agencyId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        String agency =
                page.locator("#guard-form select[name=agencyId] option:checked").textContent();
        page.fill("#guard-form input[name=from]", "2024-02-01");
        page.fill("#guard-form input[name=to]", "2024-01-01");
        page.click("#guard-form button");
        assertThat(page.locator("p.error").textContent()).contains("ends before it starts");

        page.selectOption(
                "#guard-form select[name=agencyId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.fill("#guard-form input[name=from]", "2024-02-01");
        page.click("#guard-form button");
        page.waitForSelector(".notice");
        assertThat(page.locator("dl.facts").textContent()).contains(agency, "2024-02-01");
        assertThat(Api.at(port)
                        .asAdmin()
                        .get("/api/facilities/" + id)
                        .json()
                        .at("/properties/posture")
                        .asString())
                .isEqualTo("GUARDED");
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
        String reference = page.locator("h1 span").first().textContent();
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
        // The item on its way is named by its reference, as everywhere else.
        assertThat(page.locator("#expected a").first().textContent()).isEqualTo(reference);
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
        // The demo's day: other tests of this context record mine accidents of other days.
        page.fill("form.filters input[name=from]", "2023-09-19");
        page.fill("form.filters input[name=to]", "2023-09-19");
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
