package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures every module offers the hub, the dashboards and the situation report: they count what the
 * database holds, in the caller's scope only, and the report is refused for a region outside it.
 */
@CustodianIntegrationTest
class OperationalFiguresIntegrationTests {

    static final String PASSWORD = "operational-figures-password";
    static final String REFERENCE = "INC-SITREP-TEST";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<OperationalFigures> modules;

    Api admin;

    @BeforeEach
    void usersAndAnIncidentToday() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("cop-agd", "OFFICER", "AGD", PASSWORD)).isIn(201, 409);
        assertThat(admin.createUser("cop-shu", "OFFICER", "SHU", PASSWORD)).isIn(201, 409);
        jdbc.update("""
                insert into incident (reference, region_code, type, occurred_at, time_precision, location,
                  geo_precision, description, status)
                values (?, 'AGD', 'SHELLING', ?, 'EXACT', ST_GeomFromText('POINT(46.93 39.99)', 4326),
                  'EXACT', 'Shells fell near the sitrep test crossroads', 'REPORTED')""", REFERENCE, OffsetDateTime.of(TODAY.atTime(0, 30), ZoneOffset.UTC));
    }

    @AfterEach
    void removeTheIncident() {
        jdbc.update("delete from incident where reference = ?", REFERENCE);
    }

    private Api as(String user) {
        return Api.at(port).as(user, PASSWORD);
    }

    private static Scope of(String region) {
        return new Scope("cop-" + region.toLowerCase(), Role.OFFICER, false, Set.of(region), null);
    }

    private static Map<String, Long> counts(OperationalFigures module, Scope scope, String region) {
        return module.counts(scope, region, TODAY).stream()
                .collect(Collectors.toMap(OperationalFigures.Count::labelKey, OperationalFigures.Count::value));
    }

    @Test
    void everyModuleOffersItsFigures() {
        assertThat(modules)
                .extracting(OperationalFigures::id)
                .contains("mine-action", "incidents", "custody", "facilities", "humanitarian", "alerts", "civil");
        for (OperationalFigures module : modules) {
            assertThat(module.counts(Scope.system("test"), null, TODAY))
                    .as(module.id())
                    .isNotEmpty();
            assertThat(module.charts(Scope.system("test"), null, TODAY))
                    .as(module.id())
                    .isNotEmpty();
        }
    }

    @Test
    void countsAreWhatTheDatabaseHoldsInTheRegion() {
        OperationalFigures incidents = module("incidents");
        long inDatabase = jdbc.queryForObject(
                "select count(*) from incident where region_code = 'AGD' and occurred_at < ?",
                Long.class,
                OffsetDateTime.of(TODAY.plusDays(1).atStartOfDay(), ZoneOffset.UTC));
        assertThat(counts(incidents, of("AGD"), "AGD")).containsEntry("cop.count.incidents", inDatabase);
        // The day before, the incident of today is not yet counted.
        assertThat(incidents
                        .counts(of("AGD"), "AGD", TODAY.minusDays(1))
                        .getFirst()
                        .value())
                .isEqualTo(inDatabase - 1);

        long facilities = jdbc.queryForObject(
                "select count(*) from facility where region_code = 'AGD' and status = 'OPERATIONAL'", Long.class);
        assertThat(counts(module("facilities"), of("AGD"), "AGD"))
                .containsEntry("facilities.status.OPERATIONAL", facilities);

        Map<String, Long> hazards = counts(module("mine-action"), of("AGD"), null);
        long confirmed = jdbc.queryForObject(
                "select count(*) from mine_hazard_area where region_code = 'AGD' and status = 'CONFIRMED'", Long.class);
        assertThat(hazards).containsEntry("mine.areaStatus.CONFIRMED", confirmed);

        // The day's incident is among the day's events, with its page.
        assertThat(incidents.events(of("AGD"), "AGD", TODAY)).anySatisfy(e -> {
            assertThat(e.text()).startsWith(REFERENCE);
            assertThat(e.link()).startsWith("/incidents/");
            assertThat(e.kindKey()).isEqualTo("incidents.type.SHELLING");
        });
    }

    @Test
    void aCallerOfOneRegionSeesNoneOfAnothersFigures() {
        for (OperationalFigures module : modules) {
            // Asking for another region, or for all, a caller of Aghdam counts nothing of Shusha's.
            assertThat(module.counts(of("AGD"), "SHU", TODAY)).as(module.id()).allSatisfy(c -> assertThat(c.value())
                    .isZero());
            assertThat(module.charts(of("AGD"), "SHU", TODAY))
                    .as(module.id())
                    .allSatisfy(chart -> assertThat(chart.series()).allSatisfy(s -> assertThat(s.points())
                            .allSatisfy(p -> assertThat(p.value()).isZero())));
            assertThat(module.events(of("SHU"), null, TODAY)).as(module.id()).noneMatch(e -> e.text()
                    .startsWith(REFERENCE));
            assertThat(counts(module, of("AGD"), null)).as(module.id()).isEqualTo(counts(module, of("AGD"), "AGD"));
        }
        long everywhere =
                counts(module("incidents"), Scope.system("test"), null).get("cop.count.incidents");
        long agd = counts(module("incidents"), of("AGD"), null).get("cop.count.incidents");
        long shu = counts(module("incidents"), of("SHU"), null).get("cop.count.incidents");
        assertThat(agd).isPositive();
        assertThat(everywhere).isGreaterThanOrEqualTo(agd + shu);
    }

    @Test
    void theSituationReportOfTheCallersRegion() throws Exception {
        Api.Response page = as("cop-agd").get("/api/reports/sitrep?region=AGD&date=" + TODAY);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Situation report of " + TODAY, "Aghdam", REFERENCE, "Shells fell near the sitrep test")
                .contains("<svg", "class=\"bar\"", "id=\"map-excerpt\"")
                .doesNotContain("INC-SITREP-OTHER");
        // What changed since the day before: the incident of the day counts one more.
        assertThat(page.body()).contains("id=\"sitrep-changes\"");

        byte[] pdf = as("cop-agd").getBytes("/api/reports/sitrep?region=AGD&date=" + TODAY + "&format=pdf");
        String incidents =
                String.valueOf(counts(module("incidents"), of("AGD"), "AGD").get("cop.count.incidents"));
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Situation report of " + TODAY, "Aghdam", REFERENCE, "Incidents", incidents);
        }
        try (var document = Loader.loadPDF(
                as("cop-agd").getBytes("/api/reports/sitrep?region=AGD&date=" + TODAY + "&format=pdf&lang=hy"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Իրավիճակի զեկույց՝ " + TODAY, "Աղդամ", "Միջադեպեր");
        }
        // Without a region: all the caller's regions, which are only Aghdam.
        assertThat(as("cop-agd").get("/api/reports/sitrep").body()).contains("All my regions", "Aghdam");
    }

    @Test
    void theSituationReportOfAnotherRegionOrOfNothingIsRefused() {
        Api.Response other = as("cop-shu").get("/api/reports/sitrep?region=AGD");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
        assertThat(as("cop-shu").get("/api/reports/sitrep").body()).doesNotContain(REFERENCE);

        Api.Response unknown = as("cop-shu").get("/api/reports/sitrep?region=NOPE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.body()).contains("no region NOPE");

        Api.Response badDay = as("cop-shu").get("/api/reports/sitrep?region=SHU&date=2026-13-40");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.isProblem()).isTrue();
        assertThat(badDay.body()).contains("is not a day");

        Api.Response badFormat = as("cop-shu").get("/api/reports/sitrep?format=docx");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.isProblem()).isTrue();

        // The pages: another region's dashboard is refused; the caller's own draws its charts.
        assertThat(as("cop-shu").get("/regions/AGD/dashboard").status()).isEqualTo(403);
        assertThat(as("cop-agd").get("/regions/AGD/dashboard").body()).contains("chart-incidents-by-type");
    }

    private OperationalFigures module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
