package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journeys of the common operational picture's figures in a browser: a dashboard with its charts drawn,
 * the region hub's counts leading to the filtered list, and the situation report's PDF downloaded and read
 * back; on a desktop and on a phone, in English and in another language.
 */
@CustodianIntegrationTest
class DashboardBrowserIntegrationTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private Page signIn(int width, int height) {
        return chromium.signIn(port, "admin", Api.ADMIN_PASSWORD, width, height);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static int count(Page page, String selector) {
        return page.locator(selector).count();
    }

    private static void fitsTheScreen(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as(page.url()).isLessThanOrEqualTo(width);
    }

    @Test
    void aDashboardDrawsItsCharts() {
        Page page = signIn(1280, 800);
        page.click("header nav a[href='/dashboards']");
        page.waitForSelector("#chart-hazard-areas-by-status");
        assertThat(count(page, "#chart-hazard-areas-by-status rect.bar")).isPositive();
        assertThat(count(page, "#chart-incidents-by-type circle.point")).isPositive();
        assertThat(count(page, "#chart-incidents-by-type polyline.series")).isPositive();
        assertThat(count(page, "#chart-custody-by-category rect.bar")).isPositive();
        assertThat(count(page, "svg.chart text")).isGreaterThan(50);
        assertThat(page.textContent("#figure-hazard-areas-by-status figcaption"))
                .isEqualTo("Hazard areas by status");
        Chromium.screenshot(page, "dashboards-desktop");

        page.navigate(url("/regions/AGD/dashboard?lang=ru"));
        assertThat(page.textContent("#figure-hazard-areas-by-status figcaption"))
                .isEqualTo("Опасные районы по статусу");
        assertThat(count(page, "#chart-hazard-areas-by-status rect.bar")).isPositive();
        Chromium.screenshot(page, "dashboard-region-desktop-ru");
        page.navigate(url("/dashboards?lang=en"));
        page.context().close();
    }

    @Test
    void onAPhoneTheDashboardAndHubFitTheScreen() {
        Page page = signIn(Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        page.navigate(url("/dashboards?lang=az"));
        page.waitForSelector("#chart-incidents-by-type");
        assertThat(count(page, "#chart-hazard-areas-by-status rect.bar")).isPositive();
        fitsTheScreen(page, Chromium.PHONE_WIDTH);
        Chromium.screenshot(page, "dashboards-phone-az");
        page.navigate(url("/regions/AGD?lang=en"));
        fitsTheScreen(page, Chromium.PHONE_WIDTH);
        Chromium.screenshot(page, "region-hub-phone");
        page.navigate(url("/api/reports/sitrep?region=AGD"));
        assertThat(count(page, "#map-excerpt path")).isPositive();
        fitsTheScreen(page, Chromium.PHONE_WIDTH);
        Chromium.screenshot(page, "sitrep-phone");
        page.context().close();
    }

    @Test
    void theRegionHubCountsLeadToTheFilteredList() {
        Page page = signIn(1280, 800);
        page.navigate(url("/regions/AGD"));
        assertThat(count(page, "#hub .figure-cards > .card")).isGreaterThanOrEqualTo(7);
        Chromium.screenshot(page, "region-hub-desktop");
        String shown =
                page.textContent("#hub-incidents li:first-child a.figure").replace(",", "");
        page.click("#hub-incidents li:first-child a.figure");
        page.waitForURL("**/incidents?region=AGD");
        assertThat(page.locator("select[name=region]").inputValue()).isEqualTo("AGD");
        assertThat(shown).matches("\\d+");

        page.navigate(url("/regions/AGD"));
        page.click("#hub-custody li:first-child a");
        page.waitForURL("**/custody?region=AGD&category=WEAPON&status=IN_CUSTODY");

        // Lists that had no region filter take the hub's region and say so.
        for (String module : new String[] {"humanitarian", "alerts", "civil"}) {
            page.navigate(url("/regions/AGD"));
            page.click("#hub-" + module + " li:last-child a.figure");
            page.waitForSelector(".region-filter");
            assertThat(page.url()).contains("region=AGD");
        }
        page.context().close();
    }

    @Test
    void theSituationReportIsDownloadedAndReadBack() throws Exception {
        Page page = signIn(1280, 800);
        for (String lang : new String[] {"en", "ru"}) {
            page.navigate(url("/reports/sitrep?region=AGD&lang=" + lang));
            assertThat(page.locator("#sitrep-region").inputValue()).isEqualTo("AGD");
            Chromium.screenshot(page, "sitrep-form-" + lang);
            Download download = page.waitForDownload(() -> page.click("#sitrep-pdf"));
            byte[] pdf = Files.readAllBytes(download.path());
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                if (lang.equals("en")) {
                    assertThat(text).contains("Situation report of", "Aghdam", "Hazard areas by status", "Incidents");
                } else {
                    assertThat(text).contains("Сводка обстановки за", "Агдам", "Опасные районы по статусу");
                }
                assertThat(text).containsPattern("\\d+");
            }
        }
        page.navigate(url("/reports/sitrep?lang=en"));
        page.click("#sitrep-html");
        page.waitForSelector("#sitrep-figures");
        assertThat(count(page, "svg.chart rect.bar")).isPositive();
        Chromium.screenshot(page, "sitrep-desktop");
        page.context().close();
    }
}
