package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.Gdal;
import org.custodian.OtherNode;
import org.custodian.TestDatabase;
import org.junit.jupiter.api.Test;
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

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegionExportedAndImportedIntoAnEmptyDatabaseLosesNothing() throws Exception {
        String region = region();
        Api admin = Api.at(port).from("127.0.0.61").asAdmin();
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

        try (ConfigurableApplicationContext target = OtherNode.start(
                "spring.datasource.url=" + emptyDatabase(),
                "custodian.demo.enabled=false",
                "custodian.admin.password=" + Api.ADMIN_PASSWORD,
                "custodian.integrity.generated-key-file="
                        + environment.getProperty("custodian.integrity.generated-key-file"),
                "custodian.integrity.directory=" + Files.createTempDirectory("region-import-checkpoints"),
                "custodian.backup.directory=" + Files.createTempDirectory("region-import-backups"))) {
            Api targetAdmin = Api.at(OtherNode.port(target)).from("127.0.0.62").asAdmin();
            Api.Response imported = targetAdmin.upload("/api/regions/import", "region.gpkg", file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(imported.json().get("leftOut").toString()).contains("custody_event");

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
