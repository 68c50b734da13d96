/**
 * Humanitarian operations: corridors with their stations, shelters and their occupancy, evacuations counted
 * as each source reports them ({@link org.custodian.platform.ReportedFigures}), aid convoys with their
 * manifests and status history, and notifications of movements and static sites sent to the parties (they
 * inform; they ask no permission). Planned routes come from {@link org.custodian.routing.RoutePlanner} when
 * a road network is installed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Humanitarian operations",
        allowedDependencies = {"platform", "geo", "territory", "routing"})
@org.jspecify.annotations.NullMarked
package org.custodian.humanitarian;
