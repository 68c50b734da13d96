package org.custodian.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing and reopening roads. Reads are scoped to the caller's regions; closing and reopening need write
 * access to the road's region. Each change reaches the areas to avoid once it commits.
 */
@Service
@Transactional(readOnly = true)
class ClosedRoadStore {

    /** What a closure is. */
    record Draft(
            String regionCode,
            String name,
            LineString line,
            String reason,
            @Nullable Instant from,
            @Nullable Instant until) {}

    private final ClosedRoads roads;
    private final Territory territory;
    private final AreasToAvoid areas;

    ClosedRoadStore(ClosedRoads roads, Territory territory, AreasToAvoid areas) {
        this.roads = roads;
        this.territory = territory;
        this.areas = areas;
    }

    List<ClosedRoad> closedRoads(Scope scope) {
        return roads.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    ClosedRoad closedRoad(Scope scope, long id) {
        return roads.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_CLOSED_ROAD, id));
    }

    @Transactional
    ClosedRoad close(Scope scope, Draft draft) {
        Region region = territory.writableRegion(scope, draft.regionCode());
        GeometryRules.check("line", draft.line(), Set.of("LineString"));
        region.requireHolds("line", Refusals.WHAT_CLOSED_ROAD, draft.line());
        ClosedRoad road = roads.saveAndFlush(new ClosedRoad(
                region.code(),
                draft.name().strip(),
                draft.line(),
                draft.reason().strip(),
                draft.from() == null ? Instant.now() : draft.from(),
                draft.until(),
                scope.username()));
        areas.changed(road.closure());
        return road;
    }

    @Transactional
    ClosedRoad reopen(Scope scope, long id, long version, @Nullable Instant at) {
        ClosedRoad road = closedRoad(scope, id);
        territory.writableRegion(scope, road.regionCode());
        org.custodian.platform.ConflictWithState.requireVersion(
                Refusals.CLOSED_ROAD_CHANGED, id, road.version(), version);
        road.reopen(at == null ? Instant.now() : at);
        roads.saveAndFlush(road);
        areas.changed(road.closure());
        return road;
    }
}
