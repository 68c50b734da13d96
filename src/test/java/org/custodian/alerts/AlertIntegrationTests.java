package org.custodian.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Alerts end to end over HTTP: two people to issue one, region scope, what the public CAP documents and
 * feed serve (validated against the CAP 1.2 schema), updates and cancellations, loudspeakers, the leaflet
 * and refused input.
 */
@CustodianIntegrationTest
class AlertIntegrationTests {

    static final String PASSWORD = "alerts-test-password";
    static final String SENDER = "alerts@custodian.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Alerts alerts;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        for (String[] u : new String[][] {
            {"agd-alerter", "ALERT_OFFICER", "AGD"},
            {"agd-alert-director", "DIRECTOR", "AGD"},
            {"agd-plain-officer", "OFFICER", "AGD"},
            {"agd-field-team", "FIELD", "AGD"},
            {"fzl-alerter", "ALERT_OFFICER", "FZL"},
            {"fzl-field-team", "FIELD", "FZL"}
        }) {
            assertThat(admin.createUser(u[0], u[1], u[2], PASSWORD)).isIn(201, 409);
        }
    }

    private Api as(String name) {
        return Api.at(port).as(name, PASSWORD);
    }

    static Map<String, Object> info(String language, String headline) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("language", language);
        i.put("category", "Safety");
        i.put("event", "Explosive hazard");
        i.put("urgency", "Immediate");
        i.put("severity", "Severe");
        i.put("certainty", "Observed");
        i.put("responseType", "Avoid");
        i.put("headline", headline);
        i.put("description", headline + " — description");
        i.put("instruction", headline + " — instruction");
        return i;
    }

    static final String AZ = "Hərbi obyektlərdən uzaq durun";
    static final String HY = "Հեռու մնացեք ռազմական օբյեկտներից";
    static final String RU = "Держитесь подальше от военных объектов";
    static final String EN = "Keep away from military facilities";

    /** A wobbly area of {@code n} vertices around Aghdam. */
    static Map<String, Object> aroundAghdam(int n) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 0.025 * (1 + 0.1 * Math.sin(9 * a));
            ring.add(List.of(46.93 + r * Math.cos(a) / 0.766, 39.991 + r * Math.sin(a)));
        }
        ring.add(ring.get(0));
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    static Map<String, Object> alert(Map<String, Object> area) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("regionCode", "AGD");
        a.put("infos", List.of(info("az", AZ), info("hy", HY), info("ru", RU), info("en", EN)));
        a.put("area", area);
        a.put("areaDescription", "Aghdam and around");
        a.put("effective", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        a.put(
                "expires",
                Instant.now()
                        .plus(2, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return a;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Composed by the alert officer, approved by the director: issued. */
    private JsonNode issued() {
        JsonNode composed = as("agd-alerter")
                .post("/api/alerts", Api.json(alert(aroundAghdam(60))))
                .json();
        return as("agd-alert-director")
                .post("/api/alerts/" + composed.get("id").asLong() + "/approval", "")
                .json();
    }

    @Test
    void anAlertGoesOutOnlyOnASecondPersonsApprovalAndIsPublishedAsValidCap() {
        Api.Response composed = as("agd-alerter").post("/api/alerts", Api.json(alert(aroundAghdam(500))));
        assertThat(composed.status()).as(composed.body()).isEqualTo(201);
        JsonNode a = composed.json();
        long id = a.get("id").asLong();
        String identifier = a.at("/properties/identifier").asString();
        assertThat(a.at("/properties/status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(a.at("/properties/areaPoints").asInt()).isBetween(4, 100);
        assertThat(a.at("/properties/addedSquareMetres").asDouble()).isPositive();
        assertThat(a.at("/properties/smsText/hy").asString()).startsWith(HY);
        // Not public before it is issued.
        assertThat(Api.at(port).get("/cap/alerts/" + identifier + ".xml").status())
                .isEqualTo(404);

        Api.Response self = as("agd-alerter").post("/api/alerts/" + id + "/approval", "");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.isProblem()).isTrue();
        assertThat(self.json().get("detail").asString()).contains("second person");
        assertThat(as("agd-plain-officer")
                        .post("/api/alerts/" + id + "/approval", "")
                        .status())
                .isEqualTo(403);
        assertThat(as("fzl-alerter").post("/api/alerts/" + id + "/approval", "").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/alerts/" + id)
                        .json()
                        .at("/properties/status")
                        .asString())
                .isEqualTo("AWAITING_APPROVAL");

        Api.Response approved = as("agd-alert-director").post("/api/alerts/" + id + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().at("/properties/status").asString()).isEqualTo("ISSUED");
        assertThat(approved.json().at("/properties/approvedBy").asString()).isEqualTo("agd-alert-director");
        assertThat(as("agd-alert-director")
                        .post("/api/alerts/" + id + "/approval", "")
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform_audit_entry where record_type = 'Alert' and record_id = ?"
                                + " and actor = 'agd-alert-director'",
                        Long.class,
                        String.valueOf(id)))
                .isPositive();

        Api.Response cap = Api.at(port).get("/cap/alerts/" + identifier + ".xml", "application/cap+xml");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.contentType()).startsWith("application/cap+xml");
        CapSchema.requireValid(cap.body());
        assertThat(cap.body()).contains("<identifier>" + identifier, "<msgType>Alert</msgType>", AZ, HY, RU, EN);

        Document feed = parse(
                Api.at(port).get("/cap/alerts.atom", "application/atom+xml").body());
        NodeList links = feed.getElementsByTagNameNS(CapController.ATOM, "link");
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getAttribute("type").equals("application/cap+xml")) {
                assertThat(link.getAttribute("rel")).isEqualTo("alternate");
                documents.add(link.getAttribute("href"));
            }
        }
        assertThat(documents).anyMatch(href -> href.endsWith("/cap/alerts/" + identifier + ".xml"));
        for (String href : documents) {
            CapSchema.requireValid(
                    Api.at(port).get(href.substring(href.indexOf("/cap/"))).body());
        }
    }

    @Test
    void theDemoWarningOfTheScenarioWasIssuedByTwoPeopleAndHasExpiredSince() {
        JsonNode demo = null;
        for (JsonNode a : admin.get("/api/alerts").json().get("features")) {
            if ("demo.alert-officer".equals(a.at("/properties/composedBy").asString())) {
                demo = a;
            }
        }
        assertThat(demo).as("the demo's warning").isNotNull();
        assertThat(demo.at("/properties/approvedBy").asString()).isEqualTo("demo.director");
        assertThat(demo.at("/properties/sentAt").asString()).isEqualTo("2023-09-19T10:30:00Z");
        assertThat(demo.at("/properties/expires").asString()).isEqualTo("2023-09-26T10:00:00Z");
        assertThat(demo.at("/properties/status").asString()).isEqualTo("EXPIRED");
        assertThat(demo.at("/properties/infos")).hasSize(4);
        assertThat(demo.at("/properties/areaDescription").asString()).contains("illustrative");
        String cap = Api.at(port)
                .get("/cap/alerts/" + demo.at("/properties/identifier").asString() + ".xml")
                .body();
        CapSchema.requireValid(cap);
        assertThat(cap).contains("<sent>2023-09-19T14:30:00+04:00</sent>", "Hərbi obyektlərdən");
        // Expired: no longer in the feed.
        assertThat(Api.at(port).get("/cap/alerts.atom").body())
                .doesNotContain(demo.at("/properties/identifier").asString() + ".xml");
    }

    @Test
    void anIssuedAlertReadsAsExpiredOnceItsTimeRunsOutAndTheJobRecordsIt() throws InterruptedException {
        Map<String, Object> brief = alert(aroundAghdam(20));
        brief.put("expires", Instant.now().plusSeconds(8).toString());
        long id = as("agd-alerter")
                .post("/api/alerts", Api.json(brief))
                .json()
                .get("id")
                .asLong();
        assertThat(as("agd-alert-director")
                        .post("/api/alerts/" + id + "/approval", "")
                        .status())
                .isEqualTo(200);
        Thread.sleep(8500);
        // On read, before any job ran.
        assertThat(admin.get("/api/alerts/" + id)
                        .json()
                        .at("/properties/status")
                        .asString())
                .isEqualTo("EXPIRED");
        alerts.expireDue(Instant.now());
        assertThat(jdbc.queryForObject("select status from alerts_alert where id = ?", String.class, id))
                .isEqualTo("EXPIRED");
        assertThat(admin.get("/api/alerts/" + id)
                        .json()
                        .at("/properties/history/3/reason")
                        .asString())
                .isEqualTo("its expiry passed");
        assertThat(as("agd-alerter")
                        .post("/api/alerts/" + id + "/cancellation", "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void updatesAndCancellationsReferenceTheEarlierAlertAsCapRequires() {
        JsonNode first = issued();
        long firstId = first.get("id").asLong();
        Map<String, Object> changed = alert(aroundAghdam(40));
        changed.put("infos", List.of(info("en", "Still keep away"), info("ru", RU)));
        Api.Response update = as("agd-alerter").post("/api/alerts/" + firstId + "/updates", Api.json(changed));
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        long updateId = update.json().get("id").asLong();
        assertThat(as("agd-alert-director")
                        .post("/api/alerts/" + updateId + "/approval", "")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/alerts/" + firstId)
                        .json()
                        .at("/properties/status")
                        .asString())
                .isEqualTo("UPDATED");
        String updateCap = Api.at(port)
                .get("/cap/alerts/" + update.json().at("/properties/identifier").asString() + ".xml")
                .body();
        CapSchema.requireValid(updateCap);
        String sent = between(
                Api.at(port)
                        .get("/cap/alerts/" + first.at("/properties/identifier").asString() + ".xml")
                        .body(),
                "<sent>",
                "</sent>");
        assertThat(updateCap)
                .contains("<msgType>Update</msgType>")
                .contains("<references>" + SENDER + ","
                        + first.at("/properties/identifier").asString() + "," + sent + "</references>");
        // The updated alert is no longer updated or cancelled itself.
        assertThat(as("agd-alerter")
                        .post("/api/alerts/" + firstId + "/cancellation", "")
                        .status())
                .isEqualTo(409);

        Api.Response cancel = as("agd-alert-director").post("/api/alerts/" + updateId + "/cancellation", "");
        assertThat(cancel.status()).isEqualTo(201);
        long cancelId = cancel.json().get("id").asLong();
        assertThat(cancel.json().at("/properties/status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(as("agd-alert-director")
                        .post("/api/alerts/" + cancelId + "/approval", "")
                        .status())
                .isEqualTo(403);
        assertThat(as("agd-alerter")
                        .post("/api/alerts/" + cancelId + "/approval", "")
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/api/alerts/" + updateId)
                        .json()
                        .at("/properties/status")
                        .asString())
                .isEqualTo("CANCELLED");
        String cancelCap = Api.at(port)
                .get("/cap/alerts/" + cancel.json().at("/properties/identifier").asString() + ".xml")
                .body();
        CapSchema.requireValid(cancelCap);
        assertThat(cancelCap).contains("<msgType>Cancel</msgType>", "Cancelled: Still keep away", "Отменено");

        long before = count("alerts_alert");
        Api.Response unknown = admin.post("/api/alerts/987654/cancellation", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(count("alerts_alert")).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedInTheApisWordsAndNothingIsWritten() {
        long before = count("alerts_alert");
        Api officer = as("agd-alerter");

        Map<String, Object> german = alert(aroundAghdam(30));
        german.put("infos", List.of(info("de", "Achtung")));
        Api.Response r = officer.post("/api/alerts", Api.json(german));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("de", "[az, hy, ru, en]");

        Map<String, Object> twice = alert(aroundAghdam(30));
        twice.put("infos", List.of(info("en", EN), info("en", EN)));
        assertThat(officer.post("/api/alerts", Api.json(twice)).body()).contains("given twice");

        Map<String, Object> backwards = alert(aroundAghdam(30));
        backwards.put("expires", "2023-09-18T00:00:00Z");
        r = officer.post("/api/alerts", Api.json(backwards));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("expires");

        Map<String, Object> bowtie = alert(Map.of(
                "type",
                "Polygon",
                "coordinates",
                List.of(List.of(
                        List.of(46.90, 39.97),
                        List.of(46.96, 40.01),
                        List.of(46.96, 39.97),
                        List.of(46.90, 40.01),
                        List.of(46.90, 39.97)))));
        r = officer.post("/api/alerts", Api.json(bowtie));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("self-intersection");

        r = officer.post("/api/alerts", Api.json(alert(aroundAghdam(10_001))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("at most 10000");

        Map<String, Object> huge = alert(Map.of(
                "type",
                "Polygon",
                "coordinates",
                List.of(List.of(
                        List.of(45.0, 39.0),
                        List.of(48.0, 39.0),
                        List.of(48.0, 41.0),
                        List.of(45.0, 41.0),
                        List.of(45.0, 39.0)))));
        r = officer.post("/api/alerts", Api.json(huge));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("km²");

        Map<String, Object> elsewhere = alert(Map.of(
                "type",
                "Polygon",
                "coordinates",
                List.of(List.of(List.of(10.0, 50.0), List.of(10.1, 50.0), List.of(10.1, 50.1), List.of(10.0, 50.0)))));
        r = officer.post("/api/alerts", Api.json(elsewhere));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("outside region AGD");

        Map<String, Object> category = alert(aroundAghdam(30));
        Map<String, Object> odd = info("en", EN);
        odd.put("category", "Weather");
        category.put("infos", List.of(odd));
        assertThat(officer.post("/api/alerts", Api.json(category)).body()).contains("Met", "CBRNE");

        assertThat(count("alerts_alert")).isEqualTo(before);
    }

    @Test
    void aUserOfAnotherRegionNeitherSeesNorChangesTheAlerts() {
        JsonNode a = issued();
        long id = a.get("id").asLong();
        Api fzl = as("fzl-alerter");
        assertThat(fzl.get("/api/alerts/" + id).status()).isEqualTo(404);
        assertThat(fzl.get("/api/alerts").body())
                .doesNotContain(a.at("/properties/identifier").asString());
        assertThat(fzl.get("/api/alerts/" + id + "/leaflet.pdf", "application/pdf")
                        .status())
                .isEqualTo(404);
        assertThat(fzl.get("/api/alerts/" + id + "/loudspeakers").status()).isEqualTo(404);
        assertThat(fzl.post("/api/alerts/" + id + "/cancellation", "").status()).isEqualTo(404);
        assertThat(fzl.get("/alerts/" + id, "text/html").status()).isEqualTo(404);
        assertThat(fzl.post("/api/alerts", Api.json(alert(aroundAghdam(30)))).status())
                .isEqualTo(403);
        assertThat(as("agd-plain-officer")
                        .post("/api/alerts", Api.json(alert(aroundAghdam(30))))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void loudspeakersArePlannedPerSettlementAndFieldTeamsOfTheRegionReportThemDone() {
        Map<String, Object> fromAghdam = alert(aroundAghdam(4));
        fromAghdam.remove("area");
        long aghdam = settlement("Aghdam");
        fromAghdam.put("areaFrom", Map.of("settlements", List.of(aghdam)));
        fromAghdam.put("bufferMetres", 2000);
        JsonNode composed =
                as("agd-alerter").post("/api/alerts", Api.json(fromAghdam)).json();
        // A disc of 2 km: about 12.6 km², a little more once simplified.
        assertThat(composed.at("/properties/drawnSquareMetres").asDouble()).isBetween(12.3e6, 12.9e6);
        long id = composed.get("id").asLong();
        as("agd-alert-director").post("/api/alerts/" + id + "/approval", "");

        JsonNode tasks =
                as("agd-field-team").get("/api/alerts/" + id + "/loudspeakers").json();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.get("settlementName").asString()).isEqualTo("Aghdam");
        assertThat(task.get("script").asString()).contains(AZ, HY, RU).doesNotContain(EN);
        String path = "/api/alerts/" + id + "/loudspeakers/" + task.get("id").asLong();

        assertThat(as("agd-field-team")
                        .put(
                                path,
                                Api.json(Map.of(
                                        "teams",
                                        "Team 1",
                                        "scheduledAt",
                                        Instant.now().toString())))
                        .status())
                .isEqualTo(403);
        Api.Response assigned = as("agd-alerter")
                .put(
                        path,
                        Api.json(Map.of(
                                "teams",
                                "Team 1, vehicle AGD-12",
                                "scheduledAt",
                                Instant.now().toString())));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(as("agd-plain-officer").post(path + "/done", "{}").status()).isEqualTo(403);
        assertThat(as("fzl-field-team").post(path + "/done", "{}").status()).isEqualTo(404);
        Api.Response done = as("agd-field-team").post(path + "/done", Api.json(Map.of("note", "Read twice")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("doneBy").asString()).isEqualTo("agd-field-team");
        assertThat(as("agd-field-team").post(path + "/done", "{}").status()).isEqualTo(409);
    }

    @Test
    void theLeafletPrintsTheMapAsVectorsAndTheTextInEveryLanguage() throws Exception {
        long id = issued().get("id").asLong();
        byte[] pdf = as("agd-field-team").getBytes("/api/alerts/" + id + "/leaflet.pdf");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            var page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(AZ, HY, RU, EN);
            // The map: paths of line segments, drawn as vectors, and no image.
            long segments = new PDFStreamParser(page)
                    .parse().stream()
                            .filter(t -> t instanceof Operator o && o.getName().equals("l"))
                            .count();
            assertThat(segments).isGreaterThan(40);
            assertThat(page.getResources().getXObjectNames()).isEmpty();
            // For a person to look at: the page as printed.
            java.nio.file.Files.createDirectories(org.custodian.Chromium.SCREENSHOTS);
            javax.imageio.ImageIO.write(
                    new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72),
                    "png",
                    org.custodian.Chromium.SCREENSHOTS
                            .resolve("alerts-leaflet.png")
                            .toFile());
        }
    }

    private long settlement(String name) {
        for (JsonNode s : admin.get("/api/settlements?region=AGD").json().get("features")) {
            if (s.at("/properties/names/en").asString().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no settlement " + name);
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from) + from.length();
        return s.substring(start, s.indexOf(to, start));
    }

    /** Parses with doctypes, external entities and entity expansion refused. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
