package org.custodian.geo;

import java.util.List;

/** A GeoJSON FeatureCollection (RFC 7946 section 3.3) of records. */
public record GeoJsonFeatureCollection<P>(String type, List<GeoJsonFeature<P>> features) {

    public static <P> GeoJsonFeatureCollection<P> of(List<GeoJsonFeature<P>> features) {
        return new GeoJsonFeatureCollection<>("FeatureCollection", features);
    }
}
