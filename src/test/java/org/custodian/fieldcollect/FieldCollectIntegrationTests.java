package org.custodian.fieldcollect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.Browser;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.GeoJsonModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * ODK Collect's conversation with the server, end to end over HTTP: forms filled by JavaRosa and sent as
 * Collect sends them, by password and by device key; deduplication; scope; review turning into records.
 */
@CustodianIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FieldCollectIntegrationTests {

    static final String PASSWORD = "fieldcollect-test-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldForms forms;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("khj-field", "FIELD", "KHJ", PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("agd-field", "FIELD", "AGD", PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("agd-fc-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
        assertThat(admin.createUser("khj-fc-officer", "OFFICER", "KHJ", PASSWORD))
                .isIn(201, 409);
    }

    private String server() {
        return "http://127.0.0.1:" + port + "/openrosa";
    }

    private Api as(String user) {
        return Api.at(port).as(user, PASSWORD);
    }

    /** A point well inside the region, as "lat lon" for a geopoint answer. */
    private String pointIn(String code) {
        for (JsonNode region : admin.get("/api/regions").json().get("features")) {
            if (region.at("/properties/code").asString().equals(code)) {
                Point p = GeoJsonModule.read("g", region.get("geometry").toString())
                        .getInteriorPoint();
                return p.getY() + " " + p.getX();
            }
        }
        throw new AssertionError("no region " + code);
    }

    private byte[] find(String where, String description) throws Exception {
        return CollectDevice.fill(
                forms.openForm(SubmissionAccepted.ORDNANCE_FIND).xml(),
                Map.of(
                        "location",
                        where,
                        "found_on",
                        LocalDate.now().minusDays(1).toString(),
                        "category",
                        "AT_MINE",
                        "quantity",
                        "2",
                        "description",
                        description,
                        "photo",
                        "photo.jpg"));
    }

    private static String instanceId(byte[] xml) {
        return SubmittedInstance.parse(xml, 1_000_000).instanceId();
    }

    private long submissionId(String instanceId) {
        return jdbc.queryForObject(
                "select id from fieldcollect_submission where instance_id = ?", Long.class, instanceId);
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(r::header);
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> basic(String user) {
        return Map.of(
                "Authorization",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "X-OpenRosa-Version",
                "1.0");
    }

    @Test
    void theFormListNamesEveryFormWithItsHashAndTheDownloadsMatchIt() throws Exception {
        Map<String, String> headers = new HashMap<>(basic("khj-field"));
        headers.put("Accept-Language", "ru");
        HttpResponse<byte[]> list = get(server() + "/formList", headers);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(list.headers().firstValue("X-OpenRosa-Version")).contains("1.0");
        assertThat(list.headers().firstValue("X-OpenRosa-Accept-Content-Length"))
                .isPresent();
        assertThat(list.headers().firstValue("Date")).isPresent();
        String xml = new String(list.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">");
        assertThat(xml).contains("<name>Обнаружение боеприпаса</name>");
        Matcher m = Pattern.compile(
                        "<formID>([^<]+)</formID>.*?<hash>md5:([0-9a-f]{32})</hash>\\s*"
                                + "<downloadUrl>([^<]+)</downloadUrl>\\s*<manifestUrl>([^<]+)</manifestUrl>",
                        Pattern.DOTALL)
                .matcher(xml);
        int count = 0;
        while (m.find()) {
            count++;
            HttpResponse<byte[]> form = get(m.group(3), basic("khj-field"));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(Hashes.md5(form.body())).as(m.group(1)).isEqualTo(m.group(2));
            assertThat(form.headers().firstValue("X-OpenRosa-Version")).contains("1.0");
            HttpResponse<byte[]> manifest = get(m.group(4), basic("khj-field"));
            assertThat(manifest.statusCode()).isEqualTo(200);
            assertThat(new String(manifest.body(), StandardCharsets.UTF_8))
                    .contains("<manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\"");
        }
        assertThat(count).isEqualTo(4);
        assertThat(get(server() + "/forms/no-such-form.xml", basic("khj-field")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void headChallengesForBasicThenAnswers204() {
        CollectDevice.Sent anonymous =
                new CollectDevice(server(), null, null).exchange("HEAD", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.response().headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic realm=");
        assertThat(anonymous.response().headers().firstValue("X-OpenRosa-Version"))
                .contains("1.0");
        CollectDevice.Sent wrong = new CollectDevice(server(), "khj-field", "wrong-password-here")
                .exchange("HEAD", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(wrong.status()).isEqualTo(401);
        CollectDevice.Sent signed = new CollectDevice(server(), "khj-field", PASSWORD)
                .exchange("HEAD", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(signed.status()).isEqualTo(204);
        assertThat(signed.response().headers().firstValue("X-OpenRosa-Accept-Content-Length"))
                .contains(Long.toString(10L * 1024 * 1024));
    }

    @Test
    void aSubmissionIsReceivedOnceAndAReplayIsASuccessButADifferentBodyIsAConflict() throws Exception {
        CollectDevice device = new CollectDevice(server(), "khj-field", PASSWORD);
        byte[] xml = find(pointIn("KHJ"), "By the Khojaly road");
        byte[] photo = new byte[200_000];
        new java.util.Random(1).nextBytes(photo);
        CollectDevice.Sent first = device.send(xml, Map.of("photo.jpg", photo));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">");
        assertThat(first.response().headers().firstValue("X-OpenRosa-Version")).contains("1.0");
        assertThat(first.response().headers().firstValue("X-OpenRosa-Accept-Content-Length"))
                .isPresent();
        String id = instanceId(xml);
        CollectDevice.Sent again = device.send(xml, Map.of("photo.jpg", photo));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).contains("Received already");
        assertThat(jdbc.queryForObject(
                        "select count(*) from fieldcollect_submission where instance_id = ?", Long.class, id))
                .isEqualTo(1);
        long submission = submissionId(id);
        assertThat(jdbc.queryForObject(
                        "select size from fieldcollect_submission_file where submission_id = ?",
                        Long.class,
                        submission))
                .isEqualTo(200_000);
        String other = new String(xml, StandardCharsets.UTF_8).replace("By the Khojaly road", "Somewhere else");
        CollectDevice.Sent conflict = device.send(other.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("instanceID");
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Submission' and record_id = ?",
                        Long.class,
                        Long.toString(submission)))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void badSubmissionsAreRefusedWithProblemsAndNothingWritten() throws Exception {
        CollectDevice device = new CollectDevice(server(), "khj-field", PASSWORD);
        long before = jdbc.queryForObject("select count(*) from fieldcollect_submission", Long.class);
        CollectDevice.Sent plain = device.exchange("POST", HttpRequest.BodyPublishers.ofString("<data/>"), "text/xml");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.response().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        // Bodies that are not well-formed multipart, taken apart before the controller: refused, nothing stored.
        for (String body : List.of(
                "--b\r\nno headers end here",
                "--b\r\nContent-Disposition: form-data; name=\"x\"; filename=\"a\r\n\r\n<data/>\r\n--b--")) {
            CollectDevice.Sent cut = device.exchange(
                    "POST", HttpRequest.BodyPublishers.ofString(body), "multipart/form-data; boundary=b");
            assertThat(cut.status()).as(body).isEqualTo(400);
            assertThat(cut.response().headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<data id=\"ordnance-find\"><description>&x;</description></data>";
        CollectDevice.Sent entity = device.send(xxe.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(entity.status()).isEqualTo(422);
        assertThat(entity.body()).contains("DOCTYPE").doesNotContain("root:");
        String unknown = new String(find(pointIn("KHJ"), "x"), StandardCharsets.UTF_8)
                .replace("id=\"ordnance-find\"", "id=\"no-such-form\"");
        assertThat(device.send(unknown.getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(404);
        String old = new String(find(pointIn("KHJ"), "x"), StandardCharsets.UTF_8)
                .replaceFirst("version=\"[^\"]+\"", "version=\"1\"");
        CollectDevice.Sent stale = device.send(old.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("no longer current");
        CollectDevice.Sent outside = device.send(find("39.9 10.0", "far away"), Map.of());
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("no region");
        CollectDevice.Sent large =
                device.send(find(pointIn("KHJ"), "big"), Map.of("photo.jpg", new byte[11 * 1024 * 1024]));
        assertThat(large.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from fieldcollect_submission", Long.class))
                .isEqualTo(before);
    }

    /** Where a submission belongs follows a region drawn or moved at once (the node holds the boundaries). */
    @Test
    void aRegionDrawnOrMovedDecidesWhereTheNextSubmissionBelongs() throws Exception {
        CollectDevice device = new CollectDevice(server(), "admin", Api.ADMIN_PASSWORD);
        String inside = "20.05 20.05";
        CollectDevice.Sent before = device.send(find(inside, "before the region"), Map.of());
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.body()).contains("no region");

        Map<String, Object> region =
                new HashMap<>(Map.of("code", "FCT-1", "names", Map.of("en", "Field test"), "timeZone", "UTC"));
        Api.Response drawn = admin.post("/api/regions", regionFeature(20, region));
        assertThat(drawn.status()).isEqualTo(201);
        byte[] within = find(inside, "in the new region");
        assertThat(device.send(within, Map.of()).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select region_code from fieldcollect_submission where instance_id = ?",
                        String.class,
                        instanceId(within)))
                .isEqualTo("FCT-1");

        region.put("version", drawn.json().at("/properties/version").asLong());
        assertThat(admin.put("/api/regions/FCT-1", regionFeature(21, region)).status())
                .isEqualTo(200);
        CollectDevice.Sent moved = device.send(find(inside, "after the region moved"), Map.of());
        assertThat(moved.status()).isEqualTo(422);
        assertThat(moved.body()).contains("no region");

        jdbc.update(
                "delete from fieldcollect_submission_file where submission_id = ?", submissionId(instanceId(within)));
        jdbc.update("delete from fieldcollect_submission where region_code = 'FCT-1'");
        assertThat(admin.delete("/api/regions/FCT-1").status()).isEqualTo(204);
    }

    /** A region's feature whose boundary is a tenth of a degree square from (corner, corner). */
    private static String regionFeature(double corner, Map<String, Object> properties) {
        double far = corner + 0.1;
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + corner + "," + corner
                + "],[" + far + "," + corner + "],[" + far + "," + far + "],[" + corner + "," + far + "],[" + corner
                + ","
                + corner + "]]]},\"properties\":" + Api.json(properties) + "}";
    }

    @Test
    void aFieldUserCannotSendFromAnotherRegionNorCanAnotherRegionSeeOrReviewIt() throws Exception {
        CollectDevice agd = new CollectDevice(server(), "agd-field", PASSWORD);
        CollectDevice.Sent refused = agd.send(find(pointIn("KHJ"), "Not my region"), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("outside your scope");

        byte[] xml = find(pointIn("KHJ"), "Seen only in Khojaly");
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of())
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api other = as("agd-fc-officer");
        assertThat(other.get("/api/submissions/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/submissions").body()).doesNotContain(instanceId(xml));
        assertThat(other.post("/api/submissions/" + id + "/acceptance", "{}").status())
                .isEqualTo(404);
        assertThat(other.get("/fieldcollect/submissions/" + id).status()).isEqualTo(404);
        // The field user who sent it reads it but does not review it.
        assertThat(as("khj-field").get("/api/submissions/" + id).status()).isEqualTo(200);
        assertThat(as("khj-field")
                        .post("/api/submissions/" + id + "/acceptance", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(as("khj-fc-officer").get("/api/submissions").body()).contains(instanceId(xml));
    }

    @Test
    void aDeviceKeySendsAsItsAccountUntilRevoked() throws Exception {
        Api field = as("khj-field");
        Api.Response issued = field.post("/api/device-keys", Api.json(Map.of("name", "Tablet 3, Khojaly team")));
        assertThat(issued.status()).isEqualTo(201);
        String url = issued.json().get("serverUrl").asString();
        assertThat(url).contains("/openrosa/key/" + issued.json().get("secret").asString());
        assertThat(issued.json().get("settings").asString()).contains("\"server_url\":\"" + url + "\"");
        long keyId = issued.json().at("/key/id").asLong();

        HttpResponse<byte[]> list = get(url + "/formList", Map.of("X-OpenRosa-Version", "1.0"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains("<downloadUrl>" + url + "/forms/");
        CollectDevice phone = new CollectDevice(url, null, null);
        byte[] xml = find(pointIn("KHJ"), "Sent with a device key");
        assertThat(phone.send(xml, Map.of()).status()).isEqualTo(201);
        long id = submissionId(instanceId(xml));
        assertThat(jdbc.queryForObject(
                        "select submitted_by from fieldcollect_submission where id = ?", String.class, id))
                .isEqualTo("khj-field");
        assertThat(jdbc.queryForObject(
                        "select device_key_id from fieldcollect_submission where id = ?", Long.class, id))
                .isEqualTo(keyId);
        assertThat(jdbc.queryForObject(
                        "select token_hash from fieldcollect_device_key where id = ?", String.class, keyId))
                .doesNotContain(issued.json().get("secret").asString());

        assertThat(as("khj-fc-officer")
                        .post("/api/device-keys/" + keyId + "/revocation", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(field.post("/api/device-keys/" + keyId + "/revocation", "{}").status())
                .isEqualTo(200);
        assertThat(get(url + "/formList", Map.of()).statusCode()).isEqualTo(403);
        assertThat(phone.exchange("HEAD", HttpRequest.BodyPublishers.noBody(), null)
                        .status())
                .isEqualTo(403);
        assertThat(get(server() + "/key/not-a-key-at-all-nope-nope/formList", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    /** The record made from an accepted submission: made within the acceptance, so there once it answers. */
    private long awaitLong(String sql, Object... args) {
        var found = jdbc.queryForList(sql, Long.class, args);
        assertThat(found).as(sql).isNotEmpty();
        return found.get(0);
    }

    @Test
    void anAcceptedFindBecomesAnOrdnanceFindCitingTheSubmission() throws Exception {
        byte[] xml = find(pointIn("KHJ"), "Two anti-tank mines at the bridge");
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of("photo.jpg", new byte[] {1, 2}))
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api officer = as("khj-fc-officer");
        Api.Response badCorrection = officer.post(
                "/api/submissions/" + id + "/corrections", Api.json(Map.of("values", Map.of("quantity", "two"))));
        assertThat(badCorrection.status()).isEqualTo(422);
        Api.Response corrected = officer.post(
                "/api/submissions/" + id + "/corrections", Api.json(Map.of("values", Map.of("quantity", "3"))));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().at("/values/quantity").asString()).isEqualTo("3");
        assertThat(corrected.json().at("/original/quantity").asString()).isEqualTo("2");
        Api.Response accepted = officer.post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().at("/submission/status").asString()).isEqualTo("ACCEPTED");
        long source = accepted.json().at("/submission/sourceId").asLong();
        long find = awaitLong("select id from mine_ordnance_find where field_submission_id = ?", id);
        assertThat(jdbc.queryForObject("select source_id from mine_ordnance_find where id = ?", Long.class, find))
                .isEqualTo(source);
        assertThat(jdbc.queryForObject("select quantity from mine_ordnance_find where id = ?", Integer.class, find))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select region_code from mine_ordnance_find where id = ?", String.class, find))
                .isEqualTo("KHJ");
        assertThat(officer.post("/api/submissions/" + id + "/rejection", Api.json(Map.of("reason", "late")))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anAcceptedIncidentReportWaitsInTheIncidentsReviewQueueCitingTheSubmission() throws Exception {
        byte[] xml = CollectDevice.fill(
                forms.openForm(SubmissionAccepted.INCIDENT_REPORT).xml(),
                Map.of(
                        "location", pointIn("KHJ"),
                        "occurred_at",
                                java.time.Instant.now().minusSeconds(7200).toString(),
                        "type", "SHELLING",
                        "killed", "0",
                        "injured", "1",
                        "description", "Shelling near the school, one injured"));
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of())
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api.Response accepted = as("khj-fc-officer").post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        long source = accepted.json().at("/submission/sourceId").asLong();
        long incident = awaitLong("select id from incident where field_submission_id = ?", id);
        assertThat(jdbc.queryForObject("select status from incident where id = ?", String.class, incident))
                .isEqualTo("REPORTED");
        assertThat(jdbc.queryForList(
                        "select source_id from incident_source where incident_id = ?", Long.class, incident))
                .containsExactly(source);
    }

    @Test
    void anAcceptedInspectionIsRecordedOnTheFacilityCitingTheSubmission() throws Exception {
        JsonNode site = null;
        for (JsonNode f : admin.get("/api/facilities").json().get("features")) {
            if (f.at("/geometry/type").asString().equals("Point")) {
                site = f;
                break;
            }
        }
        assertThat(site).isNotNull();
        String region = site.at("/properties/regionCode").asString();
        assertThat(admin.createUser(region.toLowerCase() + "-fc-inspector", "OFFICER", region, PASSWORD))
                .isIn(201, 409);
        String where = site.at("/geometry/coordinates/1").asDouble() + " "
                + site.at("/geometry/coordinates/0").asDouble();
        byte[] xml = CollectDevice.fill(
                forms.openForm(SubmissionAccepted.FACILITY_INSPECTION).xml(),
                Map.of(
                        "facility_id",
                        Long.toString(site.get("id").asLong()),
                        "location",
                        where,
                        "inspected_on",
                        LocalDate.now().minusDays(1).toString(),
                        "status",
                        "DAMAGED",
                        "findings",
                        "Roof damaged by shelling"));
        String inspector = region.toLowerCase() + "-fc-inspector";
        assertThat(new CollectDevice(server(), inspector, PASSWORD)
                        .send(xml, Map.of())
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api.Response accepted = as(inspector).post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        long source = accepted.json().at("/submission/sourceId").asLong();
        assertThat(awaitLong("select facility_id from facility_inspection where source_id = ?", source))
                .isEqualTo(site.get("id").asLong());
    }

    @Test
    void reviewersRejectWithAReasonAndThePagesShowTheQueue() throws Exception {
        byte[] xml = find(pointIn("KHJ"), "Duplicate of an earlier report");
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of())
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api officer = as("khj-fc-officer");
        assertThat(officer.get("/fieldcollect").body()).contains("/fieldcollect/submissions/" + id);
        assertThat(officer.get("/fieldcollect/submissions/" + id).body()).contains("accept-form");
        assertThat(officer.get("/fieldcollect/keys").status()).isEqualTo(200);
        Api.Response unexplained =
                officer.post("/api/submissions/" + id + "/rejection", Api.json(Map.of("reason", " ")));
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.json().get("detail").asString()).isEqualTo("reason: say why the submission is rejected");
        // The page says the same refusal in its language, and rejects nothing.
        Browser page = new Browser(port, "127.0.0.1");
        page.signIn("khj-fc-officer", PASSWORD);
        page.get("/fieldcollect/submissions/" + id + "?lang=ru");
        assertThat(page.postForm("/fieldcollect/submissions/" + id + "/rejection", Map.of("reason", ""))
                        .statusCode())
                .isEqualTo(302);
        assertThat(page.get("/fieldcollect/submissions/" + id).body())
                .contains("укажите, почему анкета отклонена")
                .doesNotContain("say why");
        Api.Response rejected =
                officer.post("/api/submissions/" + id + "/rejection", Api.json(Map.of("reason", "Reported twice")));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().at("/submission/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().at("/submission/reason").asString()).isEqualTo("Reported twice");
    }

    private byte[] visit(String team, String settlement) throws Exception {
        return CollectDevice.fill(
                forms.openForm(SubmissionAccepted.OUTREACH_VISIT).xml(),
                Map.of(
                        "location",
                        pointIn("KHJ"),
                        "visited_on",
                        LocalDate.now().minusDays(2).toString(),
                        "settlement",
                        settlement,
                        "team",
                        team,
                        "services",
                        "medical food",
                        "people_served",
                        "9",
                        "notes",
                        "Blood pressure checks",
                        "photo",
                        "visit.jpg"));
    }

    @Test
    void anAcceptedOutreachVisitIsRecordedByItsReviewerCitingTheSubmissionWithItsPhoto() throws Exception {
        String team = jdbc.queryForObject(
                "select name from civil_outreach_team where region_code = 'KHJ' order by id fetch first 1 rows only",
                String.class);
        String village = jdbc.queryForObject(
                "select s.name_en from territory_settlement s join territory_region r on r.id = s.region_id"
                        + " where r.code = 'KHJ' order by s.id fetch first 1 rows only",
                String.class);
        byte[] photo = new byte[2048];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        byte[] xml = visit("Team that does not exist", village);
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of("visit.jpg", photo))
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        String visits = "select count(*) from civil_visit where submission = ?";

        // Another region's reviewer neither sees nor acts on it.
        Api other = as("agd-fc-officer");
        assertThat(other.get("/fieldcollect/submissions/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/submissions/" + id + "/acceptance", "{}").status())
                .isEqualTo(404);
        assertThat(other.get("/fieldcollect/instances/" + instanceId(xml)).status())
                .isEqualTo(404);

        // The team the phone named does not exist: the acceptance is refused, saying which answer, and
        // nothing is accepted.
        Api officer = as("khj-fc-officer");
        Api.Response refused = officer.post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).startsWith("team: ").contains("Team that does not exist");
        assertThat(jdbc.queryForObject("select status from fieldcollect_submission where id = ?", String.class, id))
                .isEqualTo("RECEIVED");
        assertThat(jdbc.queryForObject(visits, Long.class, instanceId(xml))).isZero();

        // The reviewer corrects the answer on the submission and accepts.
        assertThat(officer.post(
                                "/api/submissions/" + id + "/corrections",
                                Api.json(Map.of("values", Map.of("team", team.toUpperCase(java.util.Locale.ROOT)))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = officer.post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        long source = accepted.json().at("/submission/sourceId").asLong();
        long visit = awaitLong("select id from civil_visit where submission = ?", instanceId(xml));
        assertThat(jdbc.queryForMap(
                        "select v.recorded_by, v.people_reached, v.region_code, t.name as team"
                                + " from civil_visit v join civil_outreach_team t on t.id = v.team_id where v.id = ?",
                        visit))
                .containsEntry("recorded_by", "khj-fc-officer")
                .containsEntry("people_reached", 9)
                .containsEntry("region_code", "KHJ")
                .containsEntry("team", team);
        assertThat(jdbc.queryForList(
                        "select service || ' ' || cast(quantity as int) || ' ' || unit from civil_visit_service"
                                + " where visit_id = ? order by line_no",
                        String.class,
                        visit))
                .containsExactly("MEDICAL 9 PEOPLE", "FOOD 9 PEOPLE");
        // The photo goes with the source the visit's submission registered.
        assertThat(jdbc.queryForObject(
                        "select attachment_name from platform_source where id = ?", String.class, source))
                .isEqualTo("visit.jpg");
        assertThat(admin.get("/api/sources/" + source + "/attachment").status()).isEqualTo(200);
        // Audited in the reviewer's name, with the acceptance.
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Visit' and record_id = ?"
                                + " and actor = 'khj-fc-officer'",
                        Long.class,
                        Long.toString(visit)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Submission'"
                                + " and record_id = ? and actor = 'khj-fc-officer'",
                        Long.class,
                        Long.toString(id)))
                .isGreaterThanOrEqualTo(2);
        // The visit on the outreach page leads back to its submission.
        assertThat(officer.get("/outreach").body()).contains("/fieldcollect/instances/" + instanceId(xml));
        assertThat(officer.get("/fieldcollect/instances/" + instanceId(xml)).status())
                .isIn(200, 302);
    }

    @Test
    void anInspectionNamingAFacilityThatDoesNotExistIsRefusedToTheReviewer() throws Exception {
        byte[] xml = CollectDevice.fill(
                forms.openForm(SubmissionAccepted.FACILITY_INSPECTION).xml(),
                Map.of(
                        "facility_id", "987654321",
                        "location", pointIn("KHJ"),
                        "inspected_on", LocalDate.now().minusDays(1).toString(),
                        "status", "DAMAGED",
                        "findings", "Roof damaged"));
        assertThat(new CollectDevice(server(), "khj-field", PASSWORD)
                        .send(xml, Map.of())
                        .status())
                .isEqualTo(201);
        long id = submissionId(instanceId(xml));
        Api.Response refused = as("khj-fc-officer").post("/api/submissions/" + id + "/acceptance", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).isEqualTo("facility_id: no facility 987654321");
        assertThat(jdbc.queryForObject("select status from fieldcollect_submission where id = ?", String.class, id))
                .isEqualTo("RECEIVED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_source where title like ?",
                        Long.class,
                        "%" + instanceId(xml) + "%"))
                .isZero();
    }

    @Test
    void theDemoQueueHoldsOneIllustrativeSubmissionOfEachForm() {
        assertThat(jdbc.queryForList(
                        "select form_id from fieldcollect_submission where submitted_by = ? and status = 'RECEIVED'"
                                + " order by form_id",
                        String.class,
                        IllustrativeSubmissions.SENDER))
                .containsExactly(
                        SubmissionAccepted.FACILITY_INSPECTION,
                        SubmissionAccepted.INCIDENT_REPORT,
                        SubmissionAccepted.ORDNANCE_FIND,
                        SubmissionAccepted.OUTREACH_VISIT);
        String page = as("khj-fc-officer").get("/fieldcollect?lang=hy").body();
        assertThat(page).contains("օրինակային");
        long visit = jdbc.queryForObject(
                "select id from fieldcollect_submission where submitted_by = ? and form_id = ?",
                Long.class,
                IllustrativeSubmissions.SENDER,
                SubmissionAccepted.OUTREACH_VISIT);
        assertThat(as("khj-fc-officer")
                        .get("/fieldcollect/submissions/" + visit)
                        .body())
                .contains("Illustrative: ")
                .contains("Village or settlement")
                .contains("illustrative-outreach-visit.jpg");
    }
}
