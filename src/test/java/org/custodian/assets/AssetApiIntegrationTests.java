package org.custodian.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CustodianIntegrationTest
class AssetApiIntegrationTests {

    static final String PARCEL =
            "{\"type\":\"Polygon\",\"coordinates\":[[[46.93,39.99],[46.94,39.99],[46.94,40.0],[46.93,40.0],[46.93,39.99]]]}";
    /** The smallest PNG: signature and an empty header are enough for the type check. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    static String feature(String geometry, Map<String, Object> properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + Api.json(properties) + "}";
    }

    @Test
    void theDemoInventoryHoldsAHeritageSiteWithItsAssessments() {
        JsonNode heritage = admin.get("/api/assets?kind=CULTURAL_HERITAGE")
                .json()
                .get("features")
                .get(0);
        assertThat(heritage.at("/properties/name").asString()).contains("Shusha");
        assertThat(heritage.at("/properties/assessments")).hasSize(2);
        assertThat(heritage.at("/properties/condition").asString()).isEqualTo("FAIR");
    }

    @Test
    void measuresParcelsGeodesicallyAndKeepsAssessmentsWithPhotos() throws Exception {
        Map<String, Object> parcel = new HashMap<>(Map.of(
                "regionCode",
                "AGD",
                "kind",
                "LAND_PARCEL",
                "name",
                "Parcel 17",
                "particulars",
                Map.of("cadastralReference", "AGD-17", "use", "Orchard")));
        JsonNode created = admin.post("/api/assets", feature(PARCEL, parcel)).json();
        long id = created.get("id").asLong();
        // 0.01 x 0.01 degree near 40 N: about 853 m x 1,111 m.
        assertThat(created.at("/properties/areaSquareMetres").asLong()).isBetween(940_000L, 955_000L);
        assertThat(created.at("/properties/particulars/cadastralReference").asString())
                .isEqualTo("AGD-17");

        JsonNode assessed = admin.post(
                        "/api/assets/" + id + "/assessments",
                        "{\"assessedOn\":\"2024-03-01\",\"assessor\":\"Inspector\",\"condition\":\"POOR\",\"damage\":\"Trees burnt\"}")
                .json();
        long assessment = assessed.at("/properties/assessments/0/id").asLong();
        assertThat(assessed.at("/properties/condition").asString()).isEqualTo("POOR");

        assertThat(upload(id, assessment, "site.png", "image/png", PNG).statusCode())
                .isEqualTo(201);
        assertThat(upload(id, assessment, "notes.png", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
        assertThat(upload(id, assessment, "notes.txt", "text/plain", "text".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
        JsonNode photos = admin.get("/api/assets/" + id + "/photos").json();
        assertThat(photos).hasSize(1);
        Api.Response download = admin.get(
                "/api/assets/" + id + "/photos/" + photos.get(0).get("id").asLong());
        assertThat(download.contentType()).isEqualTo("image/png");
    }

    @Test
    void refusesBadInventoryRecords() {
        Map<String, Object> reserves = Map.of(
                "regionCode",
                "KLB",
                "kind",
                "MINERAL_DEPOSIT",
                "name",
                "Deposit",
                "particulars",
                Map.of("resourceType", "Gold", "reserves", -5, "reservesUnit", "t", "reservesSourceId", 1));
        Api.Response negative = admin.post(
                "/api/assets",
                feature(
                        "{\"type\":\"Polygon\",\"coordinates\":[[[46.05,40.02],[46.06,40.02],[46.06,40.03],[46.05,40.02]]]}",
                        reserves));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("detail").asString()).contains("negative");

        Map<String, Object> parcelAsPoint = Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", "Point parcel");
        assertThat(admin.post(
                                "/api/assets",
                                feature("{\"type\":\"Point\",\"coordinates\":[46.93,39.99]}", parcelAsPoint))
                        .status())
                .isEqualTo(422);

        long id = admin.get("/api/assets?kind=LAND_PARCEL")
                .json()
                .get("features")
                .get(0)
                .get("id")
                .asLong();
        Api.Response future = admin.post(
                "/api/assets/" + id + "/assessments",
                "{\"assessedOn\":\"2099-03-01\",\"assessor\":\"Inspector\",\"condition\":\"GOOD\"}");
        assertThat(future.status()).isEqualTo(422);
    }

    @Test
    void aUserOfAnotherRegionCannotSeeOrAssessThem() {
        admin.post(
                "/api/users",
                Api.json(Map.of(
                        "username",
                        "zng-officer",
                        "displayName",
                        "Z",
                        "password",
                        "zangilan-officer-password",
                        "role",
                        "OFFICER",
                        "regions",
                        List.of("ZNG"))));
        Api officer = Api.at(port).as("zng-officer", "zangilan-officer-password");
        assertThat(officer.get("/api/assets").json().get("features")).isEmpty();
        long heritage = admin.get("/api/assets?kind=CULTURAL_HERITAGE")
                .json()
                .get("features")
                .get(0)
                .get("id")
                .asLong();
        assertThat(officer.get("/api/assets/" + heritage).status()).isEqualTo(404);
        assertThat(officer.post(
                                "/api/assets/" + heritage + "/assessments",
                                "{\"assessedOn\":\"2024-03-01\",\"assessor\":\"X\",\"condition\":\"GOOD\"}")
                        .status())
                .isEqualTo(404);
        assertThat(officer.get("/ogc/collections/assets/items")
                        .json()
                        .get("numberMatched")
                        .asInt())
                .isZero();
    }

    private HttpResponse<String> upload(long asset, long assessment, String name, String type, byte[] content)
            throws Exception {
        String boundary = "----custodian-photo";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        String auth = "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(admin.base() + "/api/assets/" + asset + "/assessments/"
                                        + assessment + "/photos"))
                                .header("Authorization", auth)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
