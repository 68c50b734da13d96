/**
 * Common operational picture: the web shell, the map of every {@link org.custodian.geo.FeatureLayer} the
 * caller may see, and the region pages. Layers are discovered, not imported: a module adds a layer by
 * declaring a {@code FeatureLayer} bean.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Common operational picture",
        allowedDependencies = {"platform", "geo", "territory"})
@org.jspecify.annotations.NullMarked
package org.custodian.cop;
