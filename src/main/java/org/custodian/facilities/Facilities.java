package org.custodian.facilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.GeometryRules;
import org.custodian.geo.Wgs84;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.ListPage;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilities module's API: reads filtered by the caller's scope, writes checked against it. Roads are
 * lines, bridges and sites points or polygons; every geometry passes {@link GeometryRules} and must touch
 * its region.
 */
@Service
@Transactional(readOnly = true)
public class Facilities {

    private final FacilityRecords facilities;
    private final Territory territory;
    private final Clock clock = Clock.systemUTC();

    Facilities(FacilityRecords facilities, Territory territory) {
        this.facilities = facilities;
        this.territory = territory;
    }

    /** What a facility is when it is first recorded. */
    public record FacilityDraft(
            String regionCode, String name, FacilityKind kind, Geometry geometry, Facility.Status status) {}

    /** What a facility is and where, as its page and the API correct it. */
    public record Particulars(String regionCode, String name, FacilityKind kind, Geometry geometry) {}

    public List<Facility> facilities(Scope scope, @Nullable String regionCode, @Nullable FacilityKind kind) {
        return facilities.findInScope(regionCode, kind, scope.allRegions(), scope.regionsForQuery());
    }

    /** The {@code page}th (from 0) {@code size} facilities of {@link #facilities(Scope, String, FacilityKind)}. */
    public ListPage<Facility> facilities(
            Scope scope, @Nullable String regionCode, @Nullable FacilityKind kind, int page, int size) {
        org.springframework.data.domain.Page<Long> ids = facilities.findIdsInScope(
                regionCode,
                kind,
                scope.allRegions(),
                scope.regionsForQuery(),
                org.springframework.data.domain.PageRequest.of(page, size));
        return ListPage.inOrderOf(ids, facilities.findAllById(ids.getContent()), Facility::id);
    }

    public Facility facility(Scope scope, long id) {
        return facilities
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_FACILITY, id));
    }

    @Transactional
    public Facility record(Scope scope, FacilityDraft draft) {
        Region region =
                checked(scope, new Particulars(draft.regionCode(), draft.name(), draft.kind(), draft.geometry()));
        return facilities.save(new Facility(
                region.code(),
                draft.name().strip(),
                draft.kind(),
                draft.geometry(),
                draft.status(),
                scope.username(),
                clock.instant()));
    }

    /**
     * Corrects the particulars of a facility the caller may change, as of the version they saw; it may move
     * to another region the caller writes. Its status, guards and inspections stay.
     */
    @Transactional
    public Facility describe(Scope scope, long id, long version, Particulars particulars) {
        Facility facility = writable(scope, id);
        ConflictWithState.requireVersion(Refusals.FACILITY_CHANGED, id, facility.version(), version);
        Region region = checked(scope, particulars);
        facility.describe(region.code(), particulars.name().strip(), particulars.kind(), particulars.geometry());
        return facility;
    }

    /** The region of the particulars, once they pass the rules: roads are lines, and each lies in its region. */
    private Region checked(Scope scope, Particulars p) {
        Region region = writableRegion(scope, p.regionCode());
        Set<String> allowed =
                switch (p.kind()) {
                    case ROAD -> Set.of("LineString", "MultiLineString");
                    case BRIDGE -> Set.of("Point", "LineString");
                    default -> Set.of("Point", "Polygon", "MultiPolygon");
                };
        GeometryRules.check("geometry", p.geometry(), allowed);
        region.requireHolds("geometry", Refusals.WHAT_FACILITY, p.geometry());
        if (p.name().isBlank()) {
            throw new RuleViolated("name", Refusals.FACILITY_NEEDS_NAME);
        }
        return region;
    }

    @Transactional
    public Facility changeStatus(Scope scope, long id, Facility.Status status, String reason) {
        Facility facility = writable(scope, id);
        facility.changeStatus(status, reason, scope.username(), clock.instant());
        return facility;
    }

    @Transactional
    public Facility inspect(Scope scope, long id, Inspection inspection, Facility.@Nullable Status found) {
        Facility facility = writable(scope, id);
        if (inspection
                .on()
                .isAfter(LocalDate.now(territory.region(facility.regionCode()).zone()))) {
            throw new RuleViolated("on", Refusals.INSPECTION_DATED_FUTURE);
        }
        facility.inspect(inspection, found, scope.username(), clock.instant());
        return facility;
    }

    @Transactional
    public Facility assignGuard(Scope scope, long id, GuardAssignment assignment) {
        Facility facility = writable(scope, id);
        if (territory.agencies().stream().noneMatch(a -> a.id() == assignment.agencyId())) {
            throw new RuleViolated("agencyId", CommonRefusals.NO_AGENCY_IS_REGISTERED, assignment.agencyId());
        }
        facility.assignGuard(
                assignment,
                LocalDate.now(territory.region(facility.regionCode()).zone()));
        return facility;
    }

    /**
     * Flags every road within {@code metres} (geodesic) of a place as hazardous, with the reason; returns the
     * ids of the roads flagged. Candidates come from a bounding-box query, then the exact distance decides.
     */
    @Transactional
    public List<Long> flagRoadsNear(Point location, double metres, String reason, Instant at) {
        double latitudeDegrees = metres / 110_574.0;
        double longitudeDegrees = metres / (111_320.0 * Math.cos(Math.toRadians(location.getY())));
        Envelope box = new Envelope(location.getCoordinate());
        box.expandBy(longitudeDegrees * 1.1, latitudeDegrees * 1.1);
        List<Long> flagged = new ArrayList<>();
        for (Facility road : facilities.roadsNear(Wgs84.box(box))) {
            Coordinate nearest = DistanceOp.nearestPoints(road.geometry(), location)[0];
            if (GeodesicMeasure.distanceMetres(nearest, location.getCoordinate()) <= metres) {
                road.flagHazardous(reason, at);
                flagged.add(road.id());
            }
        }
        return flagged;
    }

    private Facility writable(Scope scope, long id) {
        Facility facility = facility(scope, id);
        scope.requireWrites(facility.regionCode());
        return facility;
    }

    private Region writableRegion(Scope scope, String code) {
        return territory.writableRegion(scope, code);
    }
}
