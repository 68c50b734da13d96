package org.custodian.humanitarian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sequences;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evacuations and how many people each source says were moved. The numbers are reported figures, several
 * sources side by side, one report accepted; what one source reports is checked as a whole (the age bands
 * add up to its total) and kept or refused as a whole.
 */
@Service
@Transactional(readOnly = true)
public class Evacuations {

    /** Subject type of evacuations' reported figures. */
    static final String FIGURES = "evacuation";

    private final EvacuationRecords evacuations;
    private final Shelters shelters;
    private final Corridors corridors;
    private final Territory territory;
    private final Sources sources;
    private final ReportedFigures figures;
    private final Sequences sequences;
    private final PlannedRoutes routes;

    Evacuations(
            EvacuationRecords evacuations,
            Shelters shelters,
            Corridors corridors,
            Territory territory,
            Sources sources,
            ReportedFigures figures,
            Sequences sequences,
            PlannedRoutes routes) {
        this.evacuations = evacuations;
        this.shelters = shelters;
        this.corridors = corridors;
        this.territory = territory;
        this.sources = sources;
        this.figures = figures;
        this.sequences = sequences;
        this.routes = routes;
    }

    /**
     * Where from (a settlement, or an area or point with its name), where to (a shelter, or a place with its
     * name), when, how, by which corridor and way (planned by road when not given).
     */
    public record Draft(
            String regionCode,
            @Nullable Long fromSettlementId,
            @Nullable Geometry origin,
            @Nullable String originName,
            @Nullable Long toShelterId,
            @Nullable Point destination,
            @Nullable String destinationName,
            LocalDate evacuatedOn,
            @Nullable String transport,
            @Nullable Long corridorId,
            @Nullable LineString route) {}

    /** What one source reports of the people evacuated. */
    public record Report(
            long sourceId, LocalDate reportedOn, @Nullable String note, People people) {}

    /** One source's report as the log shows it: its numbers by measure, the figures' ids, whether accepted. */
    public record SourceReport(
            Sources.Citation source,
            LocalDate reportedOn,
            @Nullable String note,
            Map<String, Integer> counts,
            Map<String, Long> figureIds,
            boolean accepted) {}

    public List<Evacuation> evacuations(Scope scope) {
        return evacuations.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public Evacuation evacuation(Scope scope, long id) {
        return evacuations
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_EVACUATION, id));
    }

    /** Records an evacuation and, if given, the first source's report of it, together or not at all. */
    @Transactional
    public Evacuation record(Scope scope, Draft d, @Nullable Report first) {
        Region region = territory.writableRegion(scope, d.regionCode());
        Geometry origin = d.origin();
        String originName = d.originName();
        if (d.fromSettlementId() != null) {
            Settlement from = settlement(scope, d.fromSettlementId());
            origin = origin == null ? from.location() : origin;
            originName =
                    originName == null || originName.isBlank() ? from.names().en() : originName;
        }
        if (origin == null || originName == null || originName.isBlank()) {
            throw new RuleViolated("origin", Refusals.SAY_WHERE_PEOPLE_LEFT_SETTLEMENT);
        }
        GeometryRules.check("origin", origin, Set.of("Point", "Polygon", "MultiPolygon"));
        Point destination = d.destination();
        String destinationName = d.destinationName();
        if (d.toShelterId() != null) {
            Shelter shelter = shelter(scope, d.toShelterId());
            destination = destination == null ? shelter.location() : destination;
            destinationName = destinationName == null || destinationName.isBlank() ? shelter.name() : destinationName;
        }
        if (destination == null || destinationName == null || destinationName.isBlank()) {
            throw new RuleViolated("destination", Refusals.SAY_WHERE_PEOPLE_WENT_SHELTER);
        }
        GeometryRules.check("destination", destination, Set.of("Point"));
        if (d.evacuatedOn().isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("evacuatedOn", Refusals.EVACUATION_DATED_FUTURE);
        }
        if (d.corridorId() != null) {
            try {
                corridors.corridor(scope, d.corridorId());
            } catch (RecordNotFound e) {
                throw new RuleViolated("corridorId", Refusals.NO_CORRIDOR, d.corridorId());
            }
        }
        if (d.route() != null) {
            GeometryRules.check("route", d.route(), Set.of("LineString"));
        }
        LineString route = routes.wayOf(d.route(), origin.getInteriorPoint(), destination);
        Draft resolved = new Draft(
                region.code(),
                d.fromSettlementId(),
                origin,
                originName.strip(),
                d.toShelterId(),
                destination,
                destinationName.strip(),
                d.evacuatedOn(),
                d.transport() == null || d.transport().isBlank()
                        ? null
                        : d.transport().strip(),
                d.corridorId(),
                route);
        Evacuation evacuation = new Evacuation(
                region.code() + "-EV-" + String.format("%05d", sequences.next("humanitarian_evacuation_number")),
                resolved,
                route);
        region.requireHolds("origin", Refusals.WHAT_EVACUATION, evacuation.path());
        evacuation = evacuations.save(evacuation);
        if (first != null) {
            report(evacuation, first);
        }
        return evacuation;
    }

    /** Records what a source reports of the people evacuated, every number of it or none. */
    @Transactional
    public List<ReportedFigures.Figure> report(Scope scope, long id, Report report) {
        Evacuation evacuation = evacuation(scope, id);
        territory.writableRegion(scope, evacuation.regionCode());
        return report(evacuation, report);
    }

    private List<ReportedFigures.Figure> report(Evacuation evacuation, Report report) {
        sources.require("sourceId", report.sourceId());
        boolean reported = reports(evacuation.id()).stream()
                .anyMatch(r ->
                        r.source().id() == report.sourceId() && r.reportedOn().equals(report.reportedOn()));
        if (reported) {
            throw new org.custodian.platform.ConflictWithState(Refusals.REPORT_RECORDED_ALREADY);
        }
        List<ReportedFigures.Figure> written = new ArrayList<>();
        report.people()
                .given()
                .forEach((measure, n) -> written.add(figures.report(
                        FIGURES,
                        evacuation.id(),
                        new ReportedFigures.Report(
                                measure,
                                ReportedFigures.Kind.COUNT,
                                java.math.BigDecimal.valueOf(n),
                                report.sourceId(),
                                report.reportedOn(),
                                report.note()))));
        return written;
    }

    /**
     * Accepts one source's report as a whole: each of its figures becomes the accepted one of its measure.
     * Only the region's director or an administrator decides which figures the administration stands by.
     */
    @Transactional
    public void accept(Scope scope, long id, long figureId) {
        Evacuation evacuation = evacuation(scope, id);
        territory.writableRegion(scope, evacuation.regionCode());
        if (!(scope.isAdmin() || scope.role() == org.custodian.platform.Role.DIRECTOR)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only the region's director or an administrator accepts figures");
        }
        SourceReport chosen = reports(evacuation.id()).stream()
                .filter(r -> r.figureIds().containsValue(figureId))
                .findFirst()
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_FIGURE, figureId));
        chosen.figureIds().values().forEach(f -> figures.accept(FIGURES, evacuation.id(), f));
    }

    /** Each source's report of the evacuation, side by side, oldest first. */
    public List<SourceReport> reports(Scope scope, long id) {
        return reports(evacuation(scope, id).id());
    }

    private List<SourceReport> reports(long evacuationId) {
        return reports(figures.figures(FIGURES, evacuationId));
    }

    static List<SourceReport> reports(Map<String, List<ReportedFigures.Figure>> byMeasure) {
        Map<String, List<ReportedFigures.Figure>> bySource = new LinkedHashMap<>();
        byMeasure.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(ReportedFigures.Figure::reportedOn)
                        .thenComparing(ReportedFigures.Figure::id))
                .forEach(f -> bySource.computeIfAbsent(f.source().id() + "/" + f.reportedOn(), k -> new ArrayList<>())
                        .add(f));
        List<SourceReport> reports = new ArrayList<>();
        for (List<ReportedFigures.Figure> group : bySource.values()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Long> ids = new LinkedHashMap<>();
            for (String measure : People.MEASURES) {
                group.stream()
                        .filter(f -> f.measure().equals(measure))
                        .findFirst()
                        .ifPresent(f -> {
                            counts.put(measure, f.value().intValue());
                            ids.put(measure, f.id());
                        });
            }
            ReportedFigures.Figure first = group.get(0);
            reports.add(new SourceReport(
                    first.source(),
                    first.reportedOn(),
                    first.note(),
                    counts,
                    ids,
                    group.stream().allMatch(ReportedFigures.Figure::accepted)));
        }
        return reports;
    }

    /**
     * The numbers the log shows for each evacuation, by measure: the accepted figure of each measure, else
     * the latest report's.
     */
    public Map<Long, Map<String, Integer>> standing(List<Evacuation> list) {
        Map<Long, Map<String, List<ReportedFigures.Figure>>> all =
                figures.figures(FIGURES, list.stream().map(Evacuation::id).toList());
        Map<Long, Map<String, Integer>> standing = new LinkedHashMap<>();
        for (Evacuation e : list) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            all.getOrDefault(e.id(), Map.of()).forEach((measure, reported) -> reported.stream()
                    .filter(ReportedFigures.Figure::accepted)
                    .findFirst()
                    .or(() -> reported.stream().max(Comparator.comparing(ReportedFigures.Figure::reportedOn)))
                    .ifPresent(f -> counts.put(measure, f.value().intValue())));
            standing.put(e.id(), counts);
        }
        return standing;
    }

    private Settlement settlement(Scope scope, long id) {
        try {
            return territory.settlement(scope, id);
        } catch (RecordNotFound e) {
            throw new RuleViolated("fromSettlementId", CommonRefusals.NO_SETTLEMENT, id);
        }
    }

    private Shelter shelter(Scope scope, long id) {
        try {
            return Objects.requireNonNull(shelters.shelter(scope, id));
        } catch (RecordNotFound e) {
            throw new RuleViolated("toShelterId", Refusals.NO_SHELTER, id);
        }
    }
}
