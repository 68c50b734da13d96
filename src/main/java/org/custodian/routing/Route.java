package org.custodian.routing;

import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * A planned way by road: its line (CRS84), length and expected duration, the active hazard areas within
 * 1 km of it, and those that changed it (the shortest way would have crossed them or their buffer).
 */
public record Route(
        LineString line,
        double lengthMetres,
        double durationSeconds,
        List<HazardNearby> hazardsNearby,
        List<HazardNearby> avoided) {

    /** A hazard area near the route: its identifier, name and distance from the route in metres. */
    public record HazardNearby(String id, String name, double distanceMetres) {}
}
