/**
 * Mine action, in the IMAS/IMSMA vocabulary: hazard areas (suspected and confirmed), land release by
 * non-technical survey (cancels), technical survey (reduces) and clearance (clears) with areas measured
 * geodesically, explosive-ordnance finds, and mine accidents with their victims.
 *
 * <p>Publishes {@link org.custodian.mineaction.AccidentRecorded} when an accident is recorded and {@link
 * org.custodian.mineaction.OrdnanceMovedToCustody} when a find is taken into custody; other modules listen. An
 * accepted field submission of the ordnance-find form becomes a find citing it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Mine action",
        allowedDependencies = {"platform", "geo", "territory", "fieldcollect"})
@org.jspecify.annotations.NullMarked
package org.custodian.mineaction;
