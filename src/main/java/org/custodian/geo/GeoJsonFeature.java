package org.custodian.geo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON Feature (RFC 7946 section 3.2) carrying a record: its id, geometry and typed properties. Used
 * for spatial records in the REST API, in both directions.
 */
public record GeoJsonFeature<P>(
        String type,
        @Nullable Object id,
        @NotNull Geometry geometry,
        @NotNull @Valid P properties) {

    public GeoJsonFeature {
        if (!"Feature".equals(type)) {
            throw new IllegalArgumentException("\"type\" must be \"Feature\"");
        }
    }

    public static <P> GeoJsonFeature<P> of(Object id, Geometry geometry, P properties) {
        return new GeoJsonFeature<>("Feature", id, geometry, properties);
    }
}
