package org.custodian.mineaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.ListPage;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mine action module's API. Reads are filtered by the caller's scope; writes need write access to
 * the region. Every polygon passes {@link GeometryRules} and the survey checks (no repeated vertex, no gap
 * between consecutive vertices beyond {@code custodian.mineaction.max-vertex-gap-metres}, 5 km by default).
 */
@Service
@Transactional(readOnly = true)
public class MineAction {

    private final HazardAreas hazardAreas;
    private final Accidents accidents;
    private final OrdnanceFinds finds;
    private final Territory territory;
    private final Sources sources;
    private final ApplicationEventPublisher events;
    private final double maxVertexGapMetres;

    MineAction(
            HazardAreas hazardAreas,
            Accidents accidents,
            OrdnanceFinds finds,
            Territory territory,
            Sources sources,
            ApplicationEventPublisher events,
            @Value("${custodian.mineaction.max-vertex-gap-metres:5000}") double maxVertexGapMetres) {
        this.hazardAreas = hazardAreas;
        this.accidents = accidents;
        this.finds = finds;
        this.territory = territory;
        this.sources = sources;
        this.events = events;
        this.maxVertexGapMetres = maxVertexGapMetres;
    }

    /** What a hazard area is. */
    public record HazardAreaDraft(
            String regionCode,
            String name,
            HazardArea.Classification classification,
            HazardArea.Priority priority,
            Set<Contamination> contamination,
            Geometry area,
            @Nullable LocalDate recordedOn,
            Set<Long> sources) {}

    /** Land released by one task. */
    public record ReleaseDraft(
            long organisationId, ReleaseMethod method, LocalDate startedOn, LocalDate completedOn, Geometry area) {}

    /** What an accident is. */
    public record AccidentDraft(
            String regionCode,
            Instant occurredAt,
            boolean timeOfDayKnown,
            Point location,
            Contamination device,
            String activity,
            String description,
            @Nullable Long hazardAreaId,
            @Nullable String road,
            List<Victim> victims,
            Set<Long> sources) {}

    /** What was found, where and when. */
    public record FindDraft(
            String regionCode,
            Point location,
            Contamination category,
            String description,
            int quantity,
            LocalDate foundOn) {}

    /** Land released in one region and month, in m² by outcome. */
    public record MonthlyRelease(
            String regionCode, YearMonth month, double cancelled, double reduced, double cleared) {}

    public List<HazardArea> hazardAreas(Scope scope, @Nullable String regionCode) {
        return hazardAreas.findInScope(regionCode, scope.allRegions(), scope.regionsForQuery());
    }

    /** How many hazard areas match, their area and the area released of them, in m². */
    public record HazardTotals(long areas, double squareMetres, double releasedSquareMetres) {}

    /** The {@code page}th (from 0) {@code size} hazard areas of {@link #hazardAreas(Scope, String)}. */
    public ListPage<HazardArea> hazardAreas(Scope scope, @Nullable String regionCode, int page, int size) {
        org.springframework.data.domain.Page<Long> ids = hazardAreas.findIdsInScope(
                regionCode, scope.allRegions(), scope.regionsForQuery(), PageRequest.of(page, size));
        return ListPage.inOrderOf(ids, hazardAreas.findAllById(ids.getContent()), HazardArea::id);
    }

    public HazardTotals hazardTotals(Scope scope, @Nullable String regionCode) {
        Object[] row = hazardAreas
                .totalsInScope(regionCode, scope.allRegions(), scope.regionsForQuery())
                .getFirst();
        return new HazardTotals(
                ((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue());
    }

    /** The {@code page}th (from 0) {@code size} accidents of {@link #accidents(Scope, String)}, latest first. */
    public ListPage<Accident> accidents(Scope scope, @Nullable String regionCode, int page, int size) {
        org.springframework.data.domain.Page<Long> ids = accidents.findIdsInScope(
                regionCode, scope.allRegions(), scope.regionsForQuery(), PageRequest.of(page, size));
        return ListPage.inOrderOf(ids, accidents.findAllById(ids.getContent()), Accident::id);
    }

    public HazardArea hazardArea(Scope scope, long id) {
        return hazardAreas
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_HAZARD_AREA, id));
    }

    @Transactional
    public HazardArea recordHazardArea(Scope scope, HazardAreaDraft draft) {
        Region region = writableRegion(scope, draft.regionCode());
        LocalDate recordedOn = checkNew(region, draft);
        String reference = reference(region.code(), hazardAreas.countByRegionCode(region.code()) + 1);
        if (hazardAreas.existsByReference(reference)) {
            throw new ConflictWithState(Refusals.HAZARD_AREA_EXISTS_ALREADY_RETRY, reference);
        }
        HazardArea area = hazardAreas.save(newHazardArea(reference, region, draft, recordedOn));
        events.publishEvent(HazardAreaChanged.of(area));
        return area;
    }

    /**
     * Checks a new hazard area by the rules every recorded one passes, and returns the day it is recorded on
     * (the draft's, or today in the region's zone). The caller has checked write access to the region.
     */
    LocalDate checkNew(Region region, HazardAreaDraft draft) {
        checkArea(region, draft.area());
        draft.sources().forEach(id -> sources.require("sources", id));
        LocalDate recordedOn = draft.recordedOn() == null ? LocalDate.now(region.zone()) : draft.recordedOn();
        if (recordedOn.isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("recordedOn", CommonRefusals.DATE_IN_FUTURE);
        }
        return recordedOn;
    }

    /** A hazard area from a draft {@link #checkNew} accepted, not yet saved. */
    static HazardArea newHazardArea(String reference, Region region, HazardAreaDraft draft, LocalDate recordedOn) {
        HazardArea area = new HazardArea(reference, region.code(), recordedOn);
        area.describe(
                draft.name(),
                draft.classification(),
                draft.priority(),
                draft.contamination(),
                draft.area(),
                draft.sources());
        return area;
    }

    /** The reference of a region's {@code number}th hazard area, for example FZL-HA-0012. */
    static String reference(String regionCode, long number) {
        return regionCode + "-HA-" + String.format("%04d", number);
    }

    @Transactional
    public HazardArea updateHazardArea(Scope scope, long id, long version, HazardAreaDraft draft) {
        HazardArea area = hazardArea(scope, id);
        Region region = writableRegion(scope, area.regionCode());
        if (!draft.regionCode().equals(area.regionCode())) {
            throw new RuleViolated("regionCode", Refusals.HAZARD_AREA_CANNOT_MOVE_ANOTHER);
        }
        ConflictWithState.requireVersion(Refusals.HAZARD_AREA_CHANGED, area.reference(), area.version(), version);
        checkArea(region, draft.area());
        draft.sources().forEach(s -> sources.require("sources", s));
        area.describe(
                draft.name(),
                draft.classification(),
                draft.priority(),
                draft.contamination(),
                draft.area(),
                draft.sources());
        events.publishEvent(HazardAreaChanged.of(area));
        return area;
    }

    /**
     * Every hazard area as it stands, whatever its region: for modules that keep their own picture of the
     * hazards (routing) and then follow {@link HazardAreaChanged}. Not for showing to a caller: it is unscoped.
     */
    public List<HazardAreaChanged> hazardAreaStates() {
        return hazardAreas.findAll().stream().map(HazardAreaChanged::of).toList();
    }

    @Transactional
    public LandRelease release(Scope scope, long hazardAreaId, ReleaseDraft draft) {
        HazardArea area = hazardArea(scope, hazardAreaId);
        Region region = writableRegion(scope, area.regionCode());
        GeometryRules.check("geometry", draft.area(), Set.of("Polygon", "MultiPolygon"));
        GeometryRules.checkSurveyVertices("geometry", draft.area(), maxVertexGapMetres);
        if (draft.completedOn().isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("completedOn", CommonRefusals.DATE_IN_FUTURE);
        }
        if (territory.agencies().stream().noneMatch(a -> a.id() == draft.organisationId())) {
            throw new RuleViolated("organisationId", CommonRefusals.NO_AGENCY_IS_REGISTERED, draft.organisationId());
        }
        LandRelease release = area.release(
                draft.organisationId(), draft.method(), draft.startedOn(), draft.completedOn(), draft.area());
        hazardAreas.saveAndFlush(area);
        events.publishEvent(HazardAreaChanged.of(area));
        return release;
    }

    public List<Accident> accidents(Scope scope, @Nullable String regionCode) {
        return accidents.findInScope(regionCode, scope.allRegions(), scope.regionsForQuery());
    }

    public Accident accident(Scope scope, long id) {
        return accidents
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ACCIDENT, id));
    }

    /** Records an accident and announces it ({@link AccidentRecorded}) to the modules that act on it. */
    @Transactional
    public Accident recordAccident(Scope scope, AccidentDraft draft) {
        Region region = writableRegion(scope, draft.regionCode());
        GeometryRules.check("geometry", draft.location(), Set.of("Point"));
        region.requireHolds("geometry", Refusals.WHAT_ACCIDENT, draft.location());
        if (draft.occurredAt().isAfter(Instant.now())) {
            throw new RuleViolated("occurredAt", Refusals.ACCIDENT_DATED_FUTURE);
        }
        if (draft.hazardAreaId() != null) {
            HazardArea linked = hazardAreas
                    .findInScope(draft.hazardAreaId(), scope.allRegions(), scope.regionsForQuery())
                    .orElseThrow(() -> new RuleViolated("hazardAreaId", Refusals.NO_HAZARD_AREA, draft.hazardAreaId()));
            if (!linked.regionCode().equals(region.code())) {
                throw new RuleViolated("hazardAreaId", Refusals.HAZARD_AREA_ANOTHER_REGION);
            }
        }
        draft.sources().forEach(s -> sources.require("sources", s));
        Accident accident = accidents.saveAndFlush(new Accident(
                region.code(),
                draft.occurredAt(),
                draft.timeOfDayKnown(),
                draft.location(),
                draft.device(),
                draft.activity(),
                draft.description(),
                draft.hazardAreaId(),
                draft.road(),
                draft.victims(),
                draft.sources()));
        events.publishEvent(accident.recorded());
        return accident;
    }

    public List<OrdnanceFind> finds(Scope scope, @Nullable String regionCode) {
        return finds.findInScope(regionCode, scope.allRegions(), scope.regionsForQuery(), Limit.unlimited());
    }

    /** The {@code count} latest finds (by the day found), newest first. */
    public List<OrdnanceFind> recentFinds(Scope scope, @Nullable String regionCode, int count) {
        return finds.findInScope(regionCode, scope.allRegions(), scope.regionsForQuery(), Limit.of(count));
    }

    public OrdnanceFind find(Scope scope, long id) {
        return finds.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ORDNANCE_FIND, id));
    }

    @Transactional
    public OrdnanceFind recordFind(Scope scope, FindDraft draft) {
        Region region = writableRegion(scope, draft.regionCode());
        GeometryRules.check("geometry", draft.location(), Set.of("Point"));
        region.requireHolds("geometry", Refusals.WHAT_FIND, draft.location());
        if (draft.quantity() < 1) {
            throw new RuleViolated("quantity", Refusals.FIND_HOLDS_LEAST_ITEM);
        }
        if (draft.foundOn().isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("foundOn", CommonRefusals.DATE_IN_FUTURE);
        }
        return finds.save(new OrdnanceFind(
                region.code(),
                draft.location(),
                draft.category(),
                draft.description(),
                draft.quantity(),
                draft.foundOn()));
    }

    /**
     * Records what became of a find. Moving it to custody announces {@link OrdnanceMovedToCustody}, which the
     * custody module turns into items; the announcement is kept until its listeners have run.
     */
    @Transactional
    public OrdnanceFind dispose(Scope scope, long id, OrdnanceFind.Disposition disposition, LocalDate on) {
        OrdnanceFind find = find(scope, id);
        Region region = writableRegion(scope, find.regionCode());
        if (on.isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("disposedOn", CommonRefusals.DATE_IN_FUTURE);
        }
        find.dispose(disposition, on);
        if (disposition == OrdnanceFind.Disposition.MOVED_TO_CUSTODY) {
            events.publishEvent(find.movedToCustody());
        }
        return find;
    }

    /** Land released per region and month of completion, by outcome (cancelled, reduced, cleared). */
    public List<MonthlyRelease> progress(Scope scope, @Nullable String regionCode) {
        Map<String, Map<YearMonth, double[]>> totals = new TreeMap<>();
        // The releases' figures alone: the areas and releases' geometries are not needed for sums.
        for (Object[] r : hazardAreas.releasesInScope(regionCode, scope.allRegions(), scope.regionsForQuery())) {
            double[] t = totals.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from((LocalDate) r[1]), k -> new double[3]);
            t[((ReleaseMethod) r[2]).ordinal()] += ((Number) r[3]).doubleValue();
        }
        List<MonthlyRelease> out = new ArrayList<>();
        totals.forEach((region, months) ->
                months.forEach((month, t) -> out.add(new MonthlyRelease(region, month, t[0], t[1], t[2]))));
        return out;
    }

    private void checkArea(Region region, Geometry polygon) {
        GeometryRules.check("geometry", polygon, Set.of("Polygon", "MultiPolygon"));
        GeometryRules.checkSurveyVertices("geometry", polygon, maxVertexGapMetres);
        region.requireHolds("geometry", Refusals.WHAT_HAZARD_AREA, polygon);
    }

    Region writableRegion(Scope scope, String code) {
        return territory.writableRegion(scope, code);
    }
}
