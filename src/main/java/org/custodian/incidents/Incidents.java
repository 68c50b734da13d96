package org.custodian.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sequences;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents module's API. Reads are filtered by the caller's scope; officers and directors of a region
 * record its incidents; only reviewers (directors of the region, administrators) move the verification and
 * accept a figure.
 */
@Service
@Transactional(readOnly = true)
public class Incidents {

    /** Subject type of incidents' reported figures. */
    static final String FIGURES = "incident";

    private static final String NUMBERS = "incident_number";

    private final IncidentRecords incidents;
    private final IncidentSearch search;
    private final MonitoringCentres centres;
    private final Territory territory;
    private final Sources sources;
    private final ReportedFigures figures;
    private final Sequences sequences;

    Incidents(
            IncidentRecords incidents,
            IncidentSearch search,
            MonitoringCentres centres,
            Territory territory,
            Sources sources,
            ReportedFigures figures,
            Sequences sequences) {
        this.incidents = incidents;
        this.search = search;
        this.centres = centres;
        this.territory = territory;
        this.sources = sources;
        this.figures = figures;
        this.sequences = sequences;
    }

    /** What an incident is, as reported. */
    public record IncidentDraft(
            String regionCode,
            IncidentType type,
            @Nullable String subType,
            Instant occurredAt,
            Incident.TimePrecision timePrecision,
            Geometry location,
            Incident.GeoPrecision geoPrecision,
            @Nullable String actor1,
            @Nullable String actor2,
            String description,
            Casualties casualties,
            boolean ceasefireViolation,
            @Nullable Long reportingAgencyId,
            Set<Long> sources) {}

    /** What the list shows: filters on region, type, status and dates (in the region's time). */
    public record Filter(
            @Nullable String region,
            @Nullable IncidentType type,
            Incident.@Nullable Status status,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    public record Page(List<Incident> incidents, long matched) {}

    public Page incidents(Scope scope, Filter filter, int offset, int limit) {
        ZoneId zone = zone(filter.region());
        IncidentSearch.Page page = search.search(
                scope,
                new IncidentSearch.Filter(
                        filter.region(),
                        filter.type(),
                        filter.status(),
                        filter.from() == null
                                ? null
                                : filter.from().atStartOfDay(zone).toInstant(),
                        filter.to() == null
                                ? null
                                : filter.to().plusDays(1).atStartOfDay(zone).toInstant(),
                        false,
                        false,
                        null),
                offset,
                limit);
        return new Page(page.incidents(), page.matched());
    }

    /** Map rows within a bounding polygon, and how many match in all. */
    record MapPage(List<IncidentSearch.MapRow> rows, long matched) {}

    MapPage within(
            Scope scope, @Nullable Geometry box, @Nullable Instant from, @Nullable Instant to, int offset, int limit) {
        // Both ends included, as OGC API - Features defines a datetime interval.
        var filter = new IncidentSearch.Filter(null, null, null, from, to, true, false, box);
        List<IncidentSearch.MapRow> rows = search.mapRows(scope, filter, offset, limit);
        long matched = offset == 0 && rows.size() < limit ? rows.size() : search.count(scope, filter);
        return new MapPage(rows, matched);
    }

    /** The first and last time an incident the caller may see occurred; null when there is none. */
    org.custodian.geo.FeatureLayer.@Nullable TimeSpan timeSpan(Scope scope) {
        return search.timeSpan(scope);
    }

    public Incident incident(Scope scope, long id) {
        return incidents
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_INCIDENT, id));
    }

    /** The incident a mine accident became, once mine action's event has arrived. */
    public java.util.Optional<Incident> fromAccident(Scope scope, long accidentId) {
        return incidents.findByAccidentId(accidentId).filter(i -> scope.reads(i.regionCode()));
    }

    /** Incidents waiting for a reviewer: reported or under review, oldest first. */
    public List<Incident> reviewQueue(Scope scope) {
        List<Incident> waiting = new java.util.ArrayList<>();
        for (Incident.Status status : List.of(Incident.Status.REPORTED, Incident.Status.UNDER_REVIEW)) {
            waiting.addAll(search.search(
                            scope,
                            new IncidentSearch.Filter(null, null, status, null, null, false, false, null),
                            0,
                            1_000)
                    .incidents());
        }
        waiting.sort(java.util.Comparator.comparing(Incident::occurredAt));
        return waiting;
    }

    @Transactional
    public Incident record(Scope scope, IncidentDraft draft) {
        Region region = territory.writableRegion(scope, draft.regionCode());
        check(region, draft);
        String reference = region.code() + "-IN-" + String.format("%05d", sequences.next(NUMBERS));
        Incident incident = new Incident(reference, region.code());
        incident.describe(draft);
        return incidents.save(incident);
    }

    @Transactional
    public Incident update(Scope scope, long id, long version, IncidentDraft draft) {
        Incident incident = incident(scope, id);
        Region region = territory.writableRegion(scope, incident.regionCode());
        if (!draft.regionCode().equals(incident.regionCode())) {
            throw new RuleViolated("regionCode", Refusals.INCIDENT_CANNOT_MOVE_ANOTHER_REGION);
        }
        ConflictWithState.requireVersion(Refusals.INCIDENT_CHANGED, incident.reference(), incident.version(), version);
        check(region, draft);
        incident.describe(draft);
        return incident;
    }

    /** Moves the verification one step; only reviewers may. */
    @Transactional
    public Incident review(Scope scope, long id, Incident.Status to, @Nullable String reason) {
        Incident incident = incident(scope, id);
        requireReviewer(scope, incident);
        incident.review(to, scope.username(), reason, Instant.now());
        return incident;
    }

    public Map<String, List<ReportedFigures.Figure>> figures(Scope scope, long id) {
        return figures.figures(FIGURES, incident(scope, id).id());
    }

    public Map<Long, Map<String, List<ReportedFigures.Figure>>> figures(List<Incident> list) {
        return figures.figures(FIGURES, list.stream().map(Incident::id).toList());
    }

    /** Records what a source reports of the incident (killed, injured, children killed...). */
    @Transactional
    public ReportedFigures.Figure reportFigure(Scope scope, long id, ReportedFigures.Report report) {
        Incident incident = incident(scope, id);
        territory.writableRegion(scope, incident.regionCode());
        if (report.kind() != ReportedFigures.Kind.COUNT) {
            throw new RuleViolated("kind", Refusals.INCIDENT_S_FIGURES_COUNT_PEOPLE);
        }
        return figures.report(FIGURES, incident.id(), report);
    }

    @Transactional
    public ReportedFigures.Figure acceptFigure(Scope scope, long id, long figureId) {
        Incident incident = incident(scope, id);
        requireReviewer(scope, incident);
        return figures.accept(FIGURES, incident.id(), figureId);
    }

    /** Makes a mine accident an incident, linked to it, with its casualties and sources; once per accident. */
    @Transactional
    public void fromAccident(
            long accidentId,
            String regionCode,
            Geometry location,
            Instant at,
            Incident.TimePrecision precision,
            Casualties casualties,
            Set<Long> cited,
            @Nullable String description) {
        if (incidents.existsByAccidentId(accidentId)) {
            return;
        }
        Incident incident =
                new Incident(regionCode + "-IN-" + String.format("%05d", sequences.next(NUMBERS)), regionCode);
        incident.describe(new IncidentDraft(
                regionCode,
                IncidentType.MINE_EXPLOSION,
                "Remote explosive/landmine/IED",
                at,
                precision,
                location,
                Incident.GeoPrecision.EXACT,
                null,
                null,
                // What the person who recorded the accident wrote, in their words, so it is found again.
                description == null || description.isBlank()
                        ? "Mine accident recorded by mine action: " + casualties.killed() + " killed, "
                                + casualties.injured() + " injured."
                        : description,
                casualties,
                false,
                null,
                cited));
        incident.linkAccident(accidentId);
        incidents.save(incident);
    }

    /** Cites one more source for the incident; citing a source already cited changes nothing. */
    @Transactional
    public Incident cite(Scope scope, long id, long sourceId) {
        Incident incident = incident(scope, id);
        territory.writableRegion(scope, incident.regionCode());
        sources.require("sourceId", sourceId);
        incident.cite(sourceId);
        return incident;
    }

    /** No longer cites the source; a verified incident keeps at least one. */
    @Transactional
    public Incident removeCitation(Scope scope, long id, long sourceId) {
        Incident incident = incident(scope, id);
        territory.writableRegion(scope, incident.regionCode());
        incident.removeCitation(sourceId);
        return incident;
    }

    // ---- monitoring centre

    public java.util.Optional<MonitoringCentre> monitoringCentre() {
        return centres.findAll().stream().findFirst();
    }

    /** A monitoring centre as its memorandum and the reports describe it. */
    public record CentreDraft(
            String name,
            LocalDate memorandumSignedOn,
            LocalDate operatingFrom,
            @Nullable String operatingFromNote,
            LocalDate ceasefireOf,
            List<MonitoringCentre.Party> parties,
            Set<Long> sources) {}

    @Transactional
    public MonitoringCentre establishCentre(Scope scope, CentreDraft d) {
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("only administrators register a monitoring centre");
        }
        if (d.operatingFrom().isBefore(d.memorandumSignedOn())) {
            throw new RuleViolated("operatingFrom", Refusals.CENTRE_OPERATES_AFTER_MEMORANDUM_SIGNED);
        }
        d.sources().forEach(id -> sources.require("sources", id));
        return centres.save(new MonitoringCentre(
                d.name(),
                d.memorandumSignedOn(),
                d.operatingFrom(),
                d.operatingFromNote(),
                d.ceasefireOf(),
                d.parties(),
                d.sources()));
    }

    /** Ceasefire violations of one day (in the region's time, or Baku time for all regions). */
    public List<Incident> violations(Scope scope, LocalDate day, @Nullable String region) {
        ZoneId zone = zone(region);
        return search.search(
                        scope,
                        new IncidentSearch.Filter(
                                region,
                                null,
                                null,
                                day.atStartOfDay(zone).toInstant(),
                                day.plusDays(1).atStartOfDay(zone).toInstant(),
                                false,
                                true,
                                null),
                        0,
                        10_000)
                .incidents();
    }

    public boolean reviews(Scope scope, Incident incident) {
        return scope.isAdmin() || (scope.role() == Role.DIRECTOR && scope.reads(incident.regionCode()));
    }

    private void requireReviewer(Scope scope, Incident incident) {
        if (!reviews(scope, incident)) {
            throw new AccessDeniedException("only reviewers (the region's director, administrators) verify incidents");
        }
    }

    private void check(Region region, IncidentDraft draft) {
        GeometryRules.check("geometry", draft.location(), Set.of("Point", "Polygon", "MultiPolygon"));
        region.requireHolds("geometry", Refusals.WHAT_INCIDENT, draft.location());
        if (draft.occurredAt().isAfter(Instant.now())) {
            throw new RuleViolated("occurredAt", Refusals.INCIDENT_DATED_FUTURE);
        }
        if (draft.description().isBlank()) {
            throw new RuleViolated("description", Refusals.DESCRIBE_WHAT_HAPPENED);
        }
        draft.sources().forEach(id -> sources.require("sources", id));
        if (draft.reportingAgencyId() != null) {
            territory.agency(draft.reportingAgencyId());
        }
    }

    private ZoneId zone(@Nullable String region) {
        return region == null
                ? ZoneId.of("Asia/Baku")
                : territory.regions().stream()
                        .filter(r -> r.code().equals(region))
                        .findFirst()
                        .map(Region::zone)
                        .orElse(ZoneId.of("Asia/Baku"));
    }
}
