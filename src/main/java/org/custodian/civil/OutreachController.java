package org.custodian.civil;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.custodian.platform.CsvCell;
import org.custodian.platform.Scope;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outreach teams, beneficiaries and visits through the API, and visits as CSV with HXL hashtags. */
@RestController
class OutreachController {

    private final Outreach outreach;
    private final Beneficiaries beneficiaries;
    private final Territory territory;
    private final Callers callers;

    OutreachController(Outreach outreach, Beneficiaries beneficiaries, Territory territory, Callers callers) {
        this.outreach = outreach;
        this.beneficiaries = beneficiaries;
        this.territory = territory;
        this.callers = callers;
    }

    record TeamInput(
            @NotBlank String regionCode,
            @NotBlank String name,
            @Nullable Long groupId) {}

    record TeamMemberInput(
            @NotBlank String name,
            @NotBlank String speciality,
            @Nullable Long agencyId,
            @Nullable String party) {}

    record BeneficiaryInput(
            @NotBlank String regionCode,
            @NotBlank String reference,
            @NotNull Long settlementId,
            @NotBlank String ageBand,
            @NotBlank String sex,
            @Nullable Set<String> needs,
            @Nullable LocalDate consentOn,
            @Nullable String note) {}

    record ServiceInput(
            @NotBlank String service,
            @NotNull BigDecimal quantity,
            @NotBlank String unit,
            @Nullable String detail) {}

    record VisitInput(
            @NotNull Long teamId,
            @NotNull Long settlementId,
            @NotNull LocalDate visitedOn,
            @Nullable Integer peopleReached,
            @Nullable List<@Valid ServiceInput> services,
            @Nullable String note) {}

    record VisitView(
            long teamId,
            String team,
            String regionCode,
            long settlementId,
            String settlement,
            LocalDate visitedOn,
            int peopleReached,
            List<ServiceLine> services,
            String note,
            @Nullable String submission,
            boolean illustrative) {}

    GeoJsonFeature<VisitView> feature(Visit v, Map<Long, String> teams, Map<Long, String> settlements) {
        return GeoJsonFeature.of(
                v.id(),
                v.location(),
                new VisitView(
                        v.teamId(),
                        teams.getOrDefault(v.teamId(), ""),
                        v.regionCode(),
                        v.settlementId(),
                        settlements.getOrDefault(v.settlementId(), ""),
                        v.visitedOn(),
                        v.peopleReached(),
                        v.services(),
                        v.note(),
                        v.submission(),
                        v.illustrative()));
    }

    private Map<Long, String> teamNames(Scope scope) {
        return outreach.teams(scope).stream().collect(Collectors.toMap(OutreachTeam::id, OutreachTeam::name));
    }

    private Map<Long, String> settlementNames(Scope scope) {
        return territory.settlements(scope, null).stream()
                .collect(Collectors.toMap(Settlement::id, s -> s.names().en()));
    }

    // Teams

    @Operation(
            summary = "List outreach teams",
            description =
                    "Outreach teams with their composition. Anyone signed in may call it; it answers only the teams of the caller's regions.")
    @GetMapping("/api/outreach-teams")
    List<Views.TeamView> teams() {
        return outreach.teams(callers.current()).stream()
                .map(Views.TeamView::of)
                .toList();
    }

    @Operation(
            summary = "Read an outreach team",
            description = "One outreach team. A team outside the caller's regions answers 404.")
    @GetMapping("/api/outreach-teams/{id}")
    Views.TeamView team(@PathVariable long id) {
        return Views.TeamView.of(outreach.team(callers.current(), id));
    }

    @Operation(
            summary = "Form an outreach team",
            description =
                    "Records an outreach team of a region, set up by a working group of that region if given; answers 201. Administrators, directors and officers of the region, and its outreach workers, may call it; other roles and regions are refused with 403. A missing name, an unknown region or working group is refused with 422.")
    @PostMapping("/api/outreach-teams")
    ResponseEntity<Views.TeamView> formTeam(@Valid @RequestBody TeamInput in) {
        OutreachTeam t = outreach.formTeam(callers.current(), in.regionCode(), in.name(), in.groupId());
        return ResponseEntity.created(URI.create("/api/outreach-teams/" + t.id()))
                .body(Views.TeamView.of(t));
    }

    @Operation(
            summary = "Add a member to an outreach team",
            description =
                    "Adds a member with their speciality (DOCTOR, NURSE, SOCIAL_WORKER, INTERPRETER, DRIVER, LOGISTICIAN, OTHER) and agency or party. Who may call it as for forming a team (403 otherwise; 404 for a team outside the caller's regions); an unknown speciality or agency is refused with 422.")
    @PostMapping("/api/outreach-teams/{id}/members")
    Views.TeamView join(@PathVariable long id, @Valid @RequestBody TeamMemberInput in) {
        return Views.TeamView.of(outreach.join(
                callers.current(),
                id,
                new TeamMember(
                        in.name(),
                        Codes.read("speciality", TeamMember.Speciality.class, in.speciality()),
                        in.agencyId(),
                        in.party())));
    }

    // Beneficiaries

    @Operation(
            summary = "List beneficiaries",
            description =
                    "Beneficiaries of outreach in the caller's regions: reference code, settlement, age band, sex, needs and consent, nothing more. Outreach workers and administrators only: any other role is refused with 403. Every beneficiary answered is recorded as a read in the audit trail.")
    @GetMapping("/api/beneficiaries")
    List<Views.BeneficiaryView> beneficiaries() {
        return beneficiaries.list(callers.current()).stream()
                .map(Views.BeneficiaryView::of)
                .toList();
    }

    @Operation(
            summary = "Read a beneficiary",
            description =
                    "One beneficiary; the read is recorded in the audit trail. Outreach workers and administrators only (403 for other roles); one outside the caller's regions answers 404.")
    @GetMapping("/api/beneficiaries/{id}")
    Views.BeneficiaryView beneficiary(@PathVariable long id) {
        return Views.BeneficiaryView.of(beneficiaries.read(callers.current(), id));
    }

    @Operation(
            summary = "Register a beneficiary",
            description =
                    "Registers a beneficiary with the least personal data that serves: a reference code that names no one, the settlement, age band (CHILD, ADULT, OLDER), sex (FEMALE, MALE, UNDISCLOSED), needs (MEDICAL, FOOD, FUEL, ELECTRICITY, CARE, OTHER) and the day of consent; answers 201. Outreach workers of the region and administrators only (403 otherwise). A missing or future consent day, a taken or ill-formed reference, an unknown settlement or one outside the region, or an unknown code is refused with 422.")
    @PostMapping("/api/beneficiaries")
    ResponseEntity<Views.BeneficiaryView> register(@Valid @RequestBody BeneficiaryInput in) {
        Beneficiary b = beneficiaries.register(
                callers.current(),
                new Beneficiaries.Draft(
                        in.regionCode(),
                        in.reference(),
                        in.settlementId(),
                        in.ageBand(),
                        in.sex(),
                        in.needs() == null ? Set.of() : in.needs(),
                        in.consentOn(),
                        in.note()),
                false);
        return ResponseEntity.created(URI.create("/api/beneficiaries/" + b.id()))
                .body(Views.BeneficiaryView.of(b));
    }

    // Visits

    @Operation(
            summary = "List outreach visits",
            description =
                    "Outreach visits as a GeoJSON FeatureCollection at the settlements visited, newest first, with team, day, people reached and services delivered (no personal data). Anyone signed in may call it; it answers only what lies in the caller's regions.")
    @GetMapping(
            path = "/api/visits",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> visits() {
        Scope scope = callers.current();
        Map<Long, String> teams = teamNames(scope);
        Map<Long, String> settlements = settlementNames(scope);
        return Map.of(
                "type",
                "FeatureCollection",
                "features",
                outreach.visits(scope).stream()
                        .map(v -> feature(v, teams, settlements))
                        .toList());
    }

    @Operation(
            summary = "Read an outreach visit",
            description = "One visit as a GeoJSON Feature. A visit outside the caller's regions answers 404.")
    @GetMapping("/api/visits/{id}")
    GeoJsonFeature<VisitView> visit(@PathVariable long id) {
        Scope scope = callers.current();
        return feature(outreach.visit(scope, id), teamNames(scope), settlementNames(scope));
    }

    @Operation(
            summary = "Record an outreach visit",
            description =
                    "Records a team's visit to a settlement of its region: day, people reached, services delivered (MEDICAL, FOOD, FUEL, ELECTRICITY, OTHER) with quantities and units (CONSULTATIONS, PEOPLE, KG, TONNES, LITRES, KWH, PARCELS, HOUSEHOLDS, ITEMS); answers 201. Administrators, directors and officers of the team's region, and its outreach workers, may call it (403 otherwise). An unknown team or settlement, a settlement outside the team's region, a day in the future, a negative quantity or count, or an unknown service or unit is refused with 422.")
    @PostMapping("/api/visits")
    ResponseEntity<GeoJsonFeature<VisitView>> recordVisit(@Valid @RequestBody VisitInput in) {
        Scope scope = callers.current();
        Visit v = outreach.recordVisit(
                scope,
                new Outreach.VisitRecord(
                        in.teamId(),
                        in.settlementId(),
                        in.visitedOn(),
                        in.peopleReached() == null ? 0 : in.peopleReached(),
                        in.services() == null
                                ? List.of()
                                : in.services().stream()
                                        .map(s -> new Outreach.ServiceValues(
                                                s.service(), s.quantity(), s.unit(), s.detail()))
                                        .toList(),
                        in.note(),
                        null));
        return ResponseEntity.created(URI.create("/api/visits/" + v.id()))
                .body(feature(v, teamNames(scope), settlementNames(scope)));
    }

    @Operation(
            summary = "Export outreach visits as CSV",
            description =
                    "Every service line of every visit in the caller's regions as CSV, with an HXL hashtag row under the header (#org for the team, #adm1 for the region, #loc for the settlement, #sector for the service, #value and #indicator+unit for the quantity). No personal data. Anyone signed in may call it.")
    @GetMapping(path = "/api/visits.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv() {
        Scope scope = callers.current();
        Map<Long, String> teams = teamNames(scope);
        Map<Long, Settlement> settlements = territory.settlements(scope, null).stream()
                .collect(Collectors.toMap(Settlement::id, Function.identity()));
        StringBuilder csv = new StringBuilder();
        csv.append("visit_id,visited_on,team,region_code,settlement,latitude,longitude,people_reached,service,"
                + "quantity,unit,detail,illustrative\r\n");
        csv.append("#activity+id,#date,#org,#adm1+code,#loc+name,#geo+lat,#geo+lon,#reached,#sector,#value,"
                + "#indicator+unit,#description,#meta+illustrative\r\n");
        for (Visit v : outreach.visits(scope)) {
            Settlement s = settlements.get(v.settlementId());
            List<ServiceLine> lines = v.services().isEmpty() ? java.util.Collections.singletonList(null) : v.services();
            for (ServiceLine line : lines) {
                csv.append(String.join(
                                ",",
                                String.valueOf(v.id()),
                                v.visitedOn().toString(),
                                CsvCell.of(teams.get(v.teamId())),
                                CsvCell.of(v.regionCode()),
                                CsvCell.of(s == null ? "" : s.names().en()),
                                String.format(Locale.ROOT, "%.6f", v.location().getY()),
                                String.format(Locale.ROOT, "%.6f", v.location().getX()),
                                String.valueOf(v.peopleReached()),
                                line == null ? "" : line.service().name().toLowerCase(Locale.ROOT),
                                line == null
                                        ? ""
                                        : line.quantity().stripTrailingZeros().toPlainString(),
                                line == null ? "" : line.unit().name().toLowerCase(Locale.ROOT),
                                CsvCell.of(line == null ? "" : line.detail()),
                                String.valueOf(v.illustrative())))
                        .append("\r\n");
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"visits.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
