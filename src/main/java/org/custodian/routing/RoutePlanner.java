package org.custodian.routing;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** Plans the way by road between two places that keeps clear of every area to avoid and of closed roads. */
public interface RoutePlanner {

    /**
     * The shortest safe way from one point to another (CRS84).
     *
     * @param bufferMetres how far to keep from each active hazard area; the configured default when null
     * @throws org.custodian.platform.RuleViolated when an end lies off the road network, or when no way avoids
     *     the hazards (the message names the hazard areas that block every way)
     */
    Route plan(Point from, Point to, @Nullable Double bufferMetres);
}
