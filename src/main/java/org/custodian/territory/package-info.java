/**
 * Territory: regions and their boundaries, settlements with sourced population estimates, the temporary
 * administration of each region, the agencies it works with and the people appointed to it.
 *
 * <p>Rules kept here: one active administration per region; a settlement lies inside its region; every
 * boundary and location passes {@link org.custodian.geo.GeometryRules}. Regions (the basemap) are visible to
 * everyone signed in; settlements and administrations only within the caller's scope.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Territory",
        allowedDependencies = {"platform", "platform::nodes", "geo"})
@org.jspecify.annotations.NullMarked
package org.custodian.territory;
