package org.custodian.humanitarian;

import java.util.Optional;
import org.custodian.routing.Route;
import org.custodian.routing.RoutePlanner;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The way a convoy, an evacuation or a corridor takes when none is given: planned by road by the routing
 * module, which keeps clear of active hazard areas. Without a road network installed there is no planner,
 * and a record keeps the way it was given, or none.
 */
@Component
class PlannedRoutes {

    private final ObjectProvider<RoutePlanner> planner;

    PlannedRoutes(ObjectProvider<RoutePlanner> planner) {
        this.planner = planner;
    }

    /** Whether routes can be planned here. */
    boolean available() {
        return planner.getIfAvailable() != null;
    }

    /**
     * The given way if there is one, else the planned one, else none.
     *
     * @throws org.custodian.platform.RuleViolated from the planner, when an end is off the road network or
     *     hazards block every way: the record is then not written
     */
    @Nullable
    LineString wayOf(@Nullable LineString given, Point from, Point to) {
        if (given != null) {
            return given;
        }
        return plan(from, to).map(Route::line).orElse(null);
    }

    Optional<Route> plan(Point from, Point to) {
        RoutePlanner routes = planner.getIfAvailable();
        if (routes == null) {
            return Optional.empty();
        }
        Route route = routes.plan(from, to, null);
        // Stored geometries carry the SRID of the records they belong to.
        route.line().setSRID(org.custodian.geo.Wgs84.SRID);
        return Optional.of(route);
    }
}
