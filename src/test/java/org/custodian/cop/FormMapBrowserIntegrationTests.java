package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The map on a form of a region's record: regions named on it, the region chosen in the form shown, and a
 * point placed with no region chosen choosing the region it lies in.
 */
@CustodianIntegrationTest
class FormMapBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void theFormsMapNamesRegionsZoomsToTheOneChosenAndChoosesOneFromAPoint() {
        Page page = chromium.signIn(port, "admin", Api.ADMIN_PASSWORD);
        page.navigate("http://127.0.0.1:" + port + "/mine-action/accidents/new?lang=az");
        page.waitForSelector("#pick-map[data-drawn*=regions]");
        List<String> labels = page.locator("#pick-map .region-label").allInnerTexts();
        assertThat(labels).contains("Xocalı", "Füzuli");

        double before = zoom(page);
        page.selectOption("select[name=regionCode]", "FZL");
        double after = zoom(page);
        assertThat(after).isGreaterThan(before);
        // The centre of the map now lies in Fuzuli.
        Object centreInFuzuli = page.evaluate("() => { const m = document.getElementById('pick-map').leafletMap;"
                + " let inside = false; m.eachLayer(l => { if (l.feature && l.feature.properties.code === 'FZL'"
                + " && l.getBounds().contains(m.getCenter())) inside = true; }); return inside; }");
        assertThat(centreInFuzuli).isEqualTo(true);
        Chromium.screenshot(page, "form-map-region-chosen");

        // With no region chosen, a point placed in Khojaly chooses Khojaly.
        page.selectOption("select[name=regionCode]", "");
        page.evaluate("() => document.getElementById('pick-map').leafletMap.setView([39.913, 46.790], 11)");
        Object at = page.evaluate("() => { const p = document.getElementById('pick-map').leafletMap"
                + ".latLngToContainerPoint([39.913, 46.790]); return [p.x, p.y]; }");
        BoundingBox box = page.locator("#pick-map").boundingBox();
        List<?> xy = (List<?>) at;
        page.mouse().click(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
        assertThat(page.inputValue("select[name=regionCode]")).isEqualTo("KHJ");
        assertThat(Double.parseDouble(page.inputValue("#accident-latitude")))
                .isCloseTo(39.913, org.assertj.core.data.Offset.offset(0.01));
    }

    private static double zoom(Page page) {
        page.waitForTimeout(400);
        return ((Number) page.evaluate("() => document.getElementById('pick-map').leafletMap.getZoom()")).doubleValue();
    }
}
