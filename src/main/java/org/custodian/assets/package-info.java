/**
 * Inventories: land parcels and real estate, cultural heritage, mineral deposits and natural resources,
 * with their condition assessed over time and photographed. Areas are geodesic; reserves cite a source.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Assets",
        allowedDependencies = {"platform", "geo", "territory"})
@org.jspecify.annotations.NullMarked
package org.custodian.assets;
