package org.custodian.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.custodian.Api;
import org.custodian.Chromium;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An asset's page in a browser: photos added to an assessment recorded earlier, on a desktop and a phone. */
@CustodianIntegrationTest
class AssetPagesBrowserIntegrationTests {

    static final String PASSWORD = "asset-pages-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anOfficerAddsPhotosToAnAssessmentAlreadyRecordedAndIsToldWhyOthersAreRefused() {
        Api admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-asset-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("agd-asset-field", "FIELD", "AGD", PASSWORD))
                .isIn(201, 409);
        Map<String, Object> parcel =
                AssetApiIntegrationTests.parcel("Parcel photographed " + System.nanoTime(), Map.of());
        long id = admin.post("/api/assets", AssetApiIntegrationTests.feature(AssetApiIntegrationTests.PARCEL, parcel))
                .json()
                .get("id")
                .asLong();
        JsonNode assessed = admin.post(
                        "/api/assets/" + id + "/assessments",
                        "{\"assessedOn\":\"2024-03-01\",\"assessor\":\"Inspector\",\"condition\":\"POOR\",\"damage\":\"Roof gone\"}")
                .json();
        long assessment = assessed.at("/properties/assessments/0/id").asLong();
        String row = "#assessment-" + assessment;

        Page officer = chromium.signIn(port, "agd-asset-officer", PASSWORD);
        officer.navigate(url("/assets/" + id));
        assertThat(officer.locator(row + " .photo-list li").count()).isZero();
        officer.setInputFiles(row + " .photo-form input[name=photos]", new FilePayload[] {
            new FilePayload("roof.png", "image/png", AssetApiIntegrationTests.PNG),
            new FilePayload("wall.png", "image/png", AssetApiIntegrationTests.PNG)
        });
        officer.click(row + " .photo-form button[type=submit]");
        officer.waitForSelector(".notice");
        assertThat(officer.locator(row + " .photo-list").textContent()).contains("roof.png", "wall.png");
        assertThat(admin.get("/api/assets/" + id + "/photos").json().findValuesAsString("fileName"))
                .containsExactly("roof.png", "wall.png");
        String href = officer.getAttribute(row + " .photo-list a >> nth=0", "href");
        assertThat(officer.request().get(url(href)).body()).containsExactly(AssetApiIntegrationTests.PNG);
        Chromium.screenshot(officer, "asset-photos-added");

        // A file that is no photo, and an empty one, are refused beside the assessment; nothing is added.
        officer.setInputFiles(row + " .photo-form input[name=photos]", new FilePayload[] {
            new FilePayload("fine.png", "image/png", AssetApiIntegrationTests.PNG),
            new FilePayload("notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8))
        });
        officer.click(row + " .photo-form button[type=submit]");
        officer.waitForSelector(row + " p.error");
        assertThat(officer.locator(row + " p.error").textContent()).contains("JPEG", "PNG");
        officer.setInputFiles(
                row + " .photo-form input[name=photos]", new FilePayload("empty.jpg", "image/jpeg", new byte[0]));
        officer.click(row + " .photo-form button[type=submit]");
        officer.waitForSelector(row + " p.error");
        assertThat(officer.locator(row + " p.error").textContent()).contains("10 MB");
        assertThat(admin.get("/api/assets/" + id + "/photos").json()).hasSize(2);
        Chromium.screenshot(officer, "asset-photo-refused");

        // On a phone the form fits; a field team of the region reads the photos but has no form.
        Page phone = chromium.signIn(port, "agd-asset-officer", PASSWORD, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT);
        phone.navigate(url("/assets/" + id));
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        Chromium.screenshot(phone, "asset-photos-phone");
        Page field = chromium.signIn(port, "agd-asset-field", PASSWORD);
        field.navigate(url("/assets/" + id));
        assertThat(field.locator(row + " .photo-list").textContent()).contains("roof.png");
        assertThat(field.locator(".photo-form").count()).isZero();
    }
}
