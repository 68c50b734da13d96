package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
import org.custodian.OtherNode;
import org.custodian.TestDatabase;
import org.custodian.fieldcollect.IllustrativeSubmissions;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.geo.Tile;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A region's records leave one instance as one GeoPackage and arrive whole in another: GDAL reads the file
 * with a layer per spatial table; imported into an empty database, the region exported again answers the
 * same count and content hash, table by table. A changed file is refused, and so is a caller of another
 * region.
 */
@CustodianIntegrationTest
class RegionTransferIntegrationTests {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    /** A point of the demo highway inside a hazard area, and a route from Aghdam to it. */
    private static final double[] IN_HAZARD = {47.145, 39.600};

    private static final String ROUTE_INTO_HAZARD =
            "/api/routes?from=46.930,39.991&to=" + IN_HAZARD[0] + "," + IN_HAZARD[1];

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Territory territory;

    @Autowired
    IllustrativeSubmissions submissions;

    private List<Long> addedSubmissions = List.of();

    @Test
    void aRegionExportedAndImportedIntoAnEmptyDatabaseLosesNothing() throws Exception {
        String region = region();
        Api admin = Api.at(port).from("127.0.0.61").asAdmin();
        byte[] document = citedSourceDocument(admin, region);
        fieldSubmissionIn(region);
        byte[] file = admin.getBytes("/api/regions/" + region + "/export.gpkg");
        Path exported = Files.createTempFile("region-export", ".gpkg");
        Files.write(exported, file);
        RegionFile.Manifest manifest = RegionFile.read(exported).manifest();
        assertThat(manifest.region()).isEqualTo(region);
        Map<String, RegionFile.Entry> tables = byTable(manifest);
        assertThat(tables.keySet())
                .contains("facility", "mine_hazard_area", "incident", "asset", "humanitarian_convoy", "alerts_alert")
                .contains("territory_region", "custody_item")
                .doesNotContain("alerts_sms_subscriber", "civil_beneficiary");
        assertThat(tables.get("mine_hazard_area").records())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from mine_hazard_area where region_code = ?", Long.class, region))
                .isPositive();
        assertThat(tables.get("custody_item").imported()).isFalse();
        // Field submissions as received, with their files, and the documents of the sources the records cite.
        assertThat(tables.get("fieldcollect_submission").records())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from fieldcollect_submission where region_code = ?", Long.class, region))
                .isPositive();
        assertThat(tables.get("fieldcollect_submission_file").records()).isPositive();
        assertThat(tables.get("platform_source_attachment").records()).isPositive();

        // A valid GeoPackage for GDAL: a layer per spatial table, as many features as the manifest counts.
        String layers = Gdal.ogrinfo("-ro", "-q", exported.toString());
        assertThat(layers).contains("facility").contains("mine_hazard_area").contains("custodian_records");
        for (String layer : new String[] {"facility", "mine_hazard_area", "incident", "mine_ordnance_find"}) {
            Matcher count = FEATURE_COUNT.matcher(Gdal.ogrinfo("-ro", "-so", exported.toString(), layer));
            assertThat(count.find()).as(layer).isTrue();
            assertThat(Long.parseLong(count.group(1)))
                    .as(layer)
                    .isEqualTo(tables.get(layer).records());
        }

        // A destination on the highway that lies in one of the region's hazard areas (the demo's): routes refuse it.
        Api.Response intoHazard = admin.get(ROUTE_INTO_HAZARD);
        assertThat(intoHazard.status()).as(intoHazard.body()).isEqualTo(422);
        assertThat(intoHazard.body()).contains("lies within hazard area");
        List<String> hazards = jdbc.queryForList(
                "select name from mine_hazard_area where region_code = ? and ? like '%' || name || '%'",
                String.class, region, intoHazard.json().get("detail").asString());
        assertThat(hazards).isNotEmpty();

        try (ConfigurableApplicationContext target = OtherNode.start(
                "spring.datasource.url=" + emptyDatabase(),
                "custodian.routing.graph-folder=" + Files.createTempDirectory("region-import-routing"),
                "custodian.demo.enabled=false",
                "custodian.admin.password=" + Api.ADMIN_PASSWORD,
                "custodian.integrity.generated-key-file="
                        + environment.getProperty("custodian.integrity.generated-key-file"),
                "custodian.integrity.directory=" + Files.createTempDirectory("region-import-checkpoints"),
                "custodian.backup.directory=" + Files.createTempDirectory("region-import-backups"))) {
            Api targetAdmin = Api.at(OtherNode.port(target)).from("127.0.0.62").asAdmin();
            // Before the import the target has no hazard areas, and its caches hold that: the areas routes avoid,
            // and the hazard layer's tile at a zoom where tiles are kept.
            Tile tile = TileIntegrationTests.tileAt(10, IN_HAZARD[0], IN_HAZARD[1]);
            String tilePath = "/tiles/hazard-areas/10/" + tile.x() + "/" + tile.y() + ".mvt";
            Api.Response clear = targetAdmin.get(ROUTE_INTO_HAZARD);
            assertThat(clear.status()).as(clear.body()).isEqualTo(200);
            assertThat(TileIntegrationTests.decode(targetAdmin.getBytes(tilePath), "hazard-areas"))
                    .isEmpty();

            Api.Response imported = targetAdmin.upload("/api/regions/import", "region.gpkg", file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.json().get("leftOut").toString()).contains("custody_event");

            // The imported hazard areas are seen at once through those caches.
            Api.Response refused = targetAdmin.get(ROUTE_INTO_HAZARD);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).contains(hazards.get(0));
            assertThat(TileIntegrationTests.decode(targetAdmin.getBytes(tilePath), "hazard-areas"))
                    .isNotEmpty();

            byte[] again = targetAdmin.getBytes("/api/regions/" + region + "/export.gpkg");
            Path reexported = Files.createTempFile("region-reexport", ".gpkg");
            Files.write(reexported, again);
            Map<String, RegionFile.Entry> after =
                    byTable(RegionFile.read(reexported).manifest());
            Map<String, String> expected = new TreeMap<>();
            Map<String, String> actual = new TreeMap<>();
            tables.values().stream().filter(RegionFile.Entry::imported).forEach(e -> {
                expected.put(e.table(), e.records() + " " + e.sha256());
                RegionFile.Entry a = after.get(e.table());
                actual.put(e.table(), a == null ? "missing" : a.records() + " " + a.sha256());
            });
            assertThat(actual).isEqualTo(expected);

            // The cited source's document arrived with it; the submissions arrived without this instance's
            // device keys, whose secrets stay here.
            JdbcTemplate targetJdbc = target.getBean(JdbcTemplate.class);
            assertThat(targetJdbc.queryForList(
                            "select a.content from platform_source_attachment a join platform_source s on"
                                    + " s.id = a.source_id where s.attachment_sha256 = ?",
                            byte[].class,
                            org.custodian.platform.Sha256.of(document)))
                    .singleElement()
                    .isEqualTo(document);
            assertThat(targetJdbc.queryForObject(
                            "select count(*) from fieldcollect_submission where region_code = ?", Long.class, region))
                    .isEqualTo(tables.get("fieldcollect_submission").records());
            assertThat(targetJdbc.queryForObject(
                            "select count(*) from fieldcollect_submission where device_key_id is not null", Long.class))
                    .isZero();

            // The import is audited, and a second import of the same region is refused whole.
            assertThat(target.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "select count(*) from platform_audit_entry where record_type like '%RegionImport%'"
                                            + " or record_type like '%region_import%'",
                                    Long.class))
                    .isPositive();
            Api.Response twice = targetAdmin.upload("/api/regions/import", "region.gpkg", file);
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.body()).contains("already holds records");
        }
    }

    @Test
    void aFileChangedAfterItsExportIsRefusedAndNothingWritten() throws Exception {
        String region = region();
        Api admin = Api.at(port).from("127.0.0.63").asAdmin();
        Path file = Files.createTempFile("region-export", ".gpkg");
        Files.write(file, admin.getBytes("/api/regions/" + region + "/export.gpkg"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            int changed = st.executeUpdate("update custodian_records set record = replace(record, '\"status\":',"
                    + " '\"status\":\"x\",\"was\":') where rowid = (select min(rowid) from custodian_records"
                    + " where table_name = 'mine_hazard_area')");
            assertThat(changed).isEqualTo(1);
        }
        long imports = jdbc.queryForObject("select count(*) from cop_region_import", Long.class);
        Api.Response refused = admin.upload("/api/regions/import", "changed.gpkg", Files.readAllBytes(file));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("changed after its export");
        assertThat(jdbc.queryForObject("select count(*) from cop_region_import", Long.class))
                .isEqualTo(imports);

        Api.Response notAnExport = admin.upload("/api/regions/import", "text.gpkg", "just text".getBytes());
        assertThat(notAnExport.status()).isEqualTo(422);
        assertThat(notAnExport.isProblem()).isTrue();
    }

    @Test
    void onlyAdministratorsAndTheRegionsDirectorsExportIt() {
        String region = region();
        Api admin = Api.at(port).from("127.0.0.64").asAdmin();
        String other =
                jdbc.queryForObject("select min(code) from territory_region where code <> ?", String.class, region);
        admin.createUser("export-director-other", "DIRECTOR", other, "export-director-other-pass");
        admin.createUser("export-officer", "OFFICER", region, "export-officer-password");
        admin.createUser("export-director", "DIRECTOR", region, "export-director-password");
        String path = "/api/regions/" + region + "/export.gpkg";
        assertThat(Api.at(port)
                        .from("127.0.0.64")
                        .as("export-director-other", "export-director-other-pass")
                        .get(path)
                        .status())
                .isEqualTo(404);
        assertThat(Api.at(port)
                        .from("127.0.0.64")
                        .as("export-officer", "export-officer-password")
                        .get(path)
                        .status())
                .isEqualTo(403);
        Api.Response director = Api.at(port)
                .from("127.0.0.64")
                .as("export-director", "export-director-password")
                .get(path, "application/geopackage+sqlite3");
        assertThat(director.status()).isEqualTo(200);
        assertThat(Api.at(port)
                        .from("127.0.0.64")
                        .as("export-director", "export-director-password")
                        .upload("/api/regions/import", "x.gpkg", new byte[] {1})
                        .status())
                .isEqualTo(403);
    }

    /**
     * The document of a source the region's hazard areas cite: attached now when it has none (a source
     * corrected by attaching would no longer be the one cited, so only one without a document gets one).
     */
    private byte[] citedSourceDocument(Api admin, String region) {
        long source = jdbc.queryForObject(
                "select min(s.source_id) from mine_hazard_area_source s join mine_hazard_area h on h.id = s.hazard_area_id"
                        + " where h.region_code = ?",
                Long.class,
                region);
        if (jdbc.queryForObject(
                        "select count(*) from platform_source_attachment where source_id = ?", Long.class, source)
                == 0) {
            Api.Response attached = admin.upload(
                    "/api/sources/" + source + "/attachment",
                    "survey.pdf",
                    "application/pdf",
                    ("%PDF-1.4 the survey report of " + region).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        }
        return jdbc.queryForObject(
                "select content from platform_source_attachment where source_id = ?", byte[].class, source);
    }

    /**
     * A field submission with its photo from one of the region's settlements, when the region has none yet;
     * removed after the test, as other tests count the demo's submissions.
     */
    private void fieldSubmissionIn(String region) {
        if (jdbc.queryForObject(
                        "select count(*) from fieldcollect_submission where region_code = ?", Long.class, region)
                > 0) {
            return;
        }
        Point village = territory
                .settlements(Scope.system("region-transfer-test"), region)
                .get(0)
                .location();
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from fieldcollect_submission", Long.class);
        submissions.receive(
                SubmissionAccepted.INCIDENT_REPORT,
                Map.of(
                        "location", village.getY() + " " + village.getX(),
                        "occurred_at", "2023-09-20T08:00:00Z",
                        "type", "OTHER",
                        "killed", "0",
                        "injured", "0",
                        "description", "Illustrative: a road blocked by a fallen tree"));
        addedSubmissions = jdbc.queryForList("select id from fieldcollect_submission where id > ?", Long.class, before);
    }

    @AfterEach
    void removeAddedSubmissions() {
        addedSubmissions.forEach(id -> jdbc.update("delete from fieldcollect_submission where id = ?", id));
        addedSubmissions = List.of();
    }

    /** The demo region with the most hazard areas: records in every module. */
    private String region() {
        return jdbc.queryForObject(
                "select region_code from mine_hazard_area group by region_code order by count(*) desc, region_code"
                        + " fetch first 1 rows only",
                String.class);
    }

    private static Map<String, RegionFile.Entry> byTable(RegionFile.Manifest manifest) {
        Map<String, RegionFile.Entry> tables = new TreeMap<>();
        manifest.tables().forEach(e -> tables.put(e.table(), e));
        return tables;
    }

    private static String emptyDatabase() throws SQLException {
        return TestDatabase.emptyDatabase("custodian_it_region_");
    }
}
