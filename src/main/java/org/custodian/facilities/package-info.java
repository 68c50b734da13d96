/**
 * Facilities: critical infrastructure (roads and bridges, telecom, energy, water supply, water tanks,
 * private facilities dangerous to the environment) and protected sites (administrative, social,
 * educational, medical, religious, cultural), with their status history, security posture, guard
 * assignments and inspections (also from accepted field submissions of the facility-inspection form). Roads near a recorded mine accident are flagged hazardous.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Facilities",
        allowedDependencies = {"platform", "geo", "territory", "mineaction", "fieldcollect"})
@org.jspecify.annotations.NullMarked
package org.custodian.facilities;
