package org.custodian.mineaction;

import org.locationtech.jts.geom.Geometry;

/**
 * A hazard area was recorded, corrected, imported, or land was released from it. Routing keeps its areas to
 * avoid from these, so it never reads hazard areas per request.
 *
 * @param hazardAreaId the area's id
 * @param reference its reference, for example FZL-HA-0012
 * @param name its name
 * @param regionCode the region it lies in
 * @param active whether any of it remains to be released
 * @param remaining the part not yet released (WGS 84 polygons; empty when none remains)
 */
public record HazardAreaChanged(
        long hazardAreaId, String reference, String name, String regionCode, boolean active, Geometry remaining) {

    static HazardAreaChanged of(HazardArea area) {
        Geometry remaining = area.remainingArea();
        return new HazardAreaChanged(
                area.id(),
                area.reference(),
                area.name(),
                area.regionCode(),
                area.status() != HazardArea.Status.RELEASED && !remaining.isEmpty(),
                remaining);
    }
}
