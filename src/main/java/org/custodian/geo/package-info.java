/**
 * Shared geometry kernel: the one validator every spatial write passes, GeoJSON in and out, geodesic
 * measures, and the {@link org.custodian.geo.FeatureLayer} plug-in through which modules expose map layers.
 * All geometries are WGS 84 longitude/latitude (SRID 4326, CRS84 axis order).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.custodian.geo;
