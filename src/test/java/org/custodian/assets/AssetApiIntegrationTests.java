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

    /** A land parcel in Aghdam, as the API takes it. */
    static Map<String, Object> parcel(String name, Map<String, Object> particulars) {
        return new HashMap<>(
                Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", name, "particulars", particulars));
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
        Map<String, Object> parcel = parcel("Parcel 17", Map.of("cadastralReference", "AGD-17", "use", "Orchard"));
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
    void correctsTheParticularsAuditsThemAndRefusesAnInvalidGeometry() {
        Map<String, Object> parcel = parcel("Parcel 40", Map.of("cadastralReference", "AGD-40", "use", "Vineyard"));
        JsonNode created = admin.post("/api/assets", feature(PARCEL, parcel)).json();
        long id = created.get("id").asLong();
        // The western half of the parcel.
        String half =
                "{\"type\":\"Polygon\",\"coordinates\":[[[46.93,39.99],[46.935,39.99],[46.935,40.0],[46.93,40.0],[46.93,39.99]]]}";
        Map<String, Object> corrected = parcel(
                "Parcel 40a",
                Map.of(
                        "cadastralReference",
                        "AGD-40a",
                        "use",
                        "Vineyard, abandoned",
                        "ownershipNotes",
                        "Split in 1992; the eastern half is claimed by the Mammadov family"));
        corrected.put("version", created.at("/properties/version").asLong());
        Api.Response changed = admin.put("/api/assets/" + id, feature(half, corrected));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/properties/name").asString()).isEqualTo("Parcel 40a");
        assertThat(changed.json().at("/properties/particulars/ownershipNotes").asString())
                .contains("Mammadov");
        assertThat(changed.json().at("/properties/areaSquareMetres").asLong()).isBetween(470_000L, 478_000L);
        JsonNode entries =
                admin.get("/api/audit?recordType=Asset&recordId=" + id).json();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("update");
        assertThat(entries.get(0).get("before").asString()).contains("AGD-40\"", "Vineyard\"");
        assertThat(entries.get(0).get("after").asString()).contains("AGD-40a", "Vineyard, abandoned");

        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[46.93,39.99],[46.94,40.0],[46.94,39.99],"
                + "[46.93,40.0],[46.93,39.99]]]}";
        corrected.put("name", "Parcel 40b");
        corrected.put("version", changed.json().at("/properties/version").asLong());
        Api.Response refused = admin.put("/api/assets/" + id, feature(bowTie, corrected));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("geometry", "self-intersection");
        corrected.put("kind", "MINERAL_DEPOSIT");
        corrected.put("particulars", Map.of("resourceType", "Copper", "reserves", 1200));
        Api.Response unsourced = admin.put("/api/assets/" + id, feature(half, corrected));
        assertThat(unsourced.status()).isEqualTo(422);
        assertThat(unsourced.json().get("detail").asString()).contains("unit");
        JsonNode kept = admin.get("/api/assets/" + id).json();
        assertThat(kept.at("/properties/name").asString()).isEqualTo("Parcel 40a");
        assertThat(kept.at("/properties/kind").asString()).isEqualTo("LAND_PARCEL");
        assertThat(admin.get("/api/audit?recordType=Asset&recordId=" + id).json())
                .hasSize(2);
    }

    @Test
    void aUserOfAnotherRegionCannotCorrectThem() {
        assertThat(admin.createUser("klb-asset-editor", "OFFICER", "KLB", "kalbajar-asset-password"))
                .isEqualTo(201);
        Api officer = Api.at(port).as("klb-asset-editor", "kalbajar-asset-password");
        Map<String, Object> parcel = parcel("Parcel 41", Map.of());
        JsonNode created = admin.post("/api/assets", feature(PARCEL, parcel)).json();
        long id = created.get("id").asLong();
        parcel.put("name", "Parcel 41, renamed in Kalbajar");
        parcel.put("version", created.at("/properties/version").asLong());
        assertThat(officer.put("/api/assets/" + id, feature(PARCEL, parcel)).status())
                .isEqualTo(404);
        parcel.remove("version");
        assertThat(officer.post("/api/assets", feature(PARCEL, parcel)).status())
                .isEqualTo(403);
        assertThat(admin.get("/api/assets/" + id).json().at("/properties/name").asString())
                .isEqualTo("Parcel 41");
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
