/**
 * Common operational picture: the web shell, the map of every {@link org.custodian.geo.FeatureLayer} the
 * caller may see, and the region pages. Layers are discovered, not imported: a module adds a layer by
 * declaring a {@code FeatureLayer} bean.
 *
 * <p>Region export and import ({@code RegionTransfer}): modules name the tables of a region's records as
 * {@link org.custodian.geo.RegionRecords} beans; cop reads and writes those rows through JDBC and the tables'
 * declared structure, without importing the modules. Import is into a region holding no records only (no
 * merge); custody tables are exported read-only, because the custody ledger is a hash chain of the instance
 * that witnessed each event and cannot be re-appended elsewhere without a false claim or a broken chain.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Common operational picture",
        allowedDependencies = {"platform", "geo", "territory"})
@org.jspecify.annotations.NullMarked
package org.custodian.cop;
