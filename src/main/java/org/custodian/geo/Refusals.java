package org.custodian.geo;

import java.util.Locale;

/**
 * Why a geometry is refused; texts under {@code refusal.geo.*} in {@code i18n/refusals} (en, az, ru, hy). The
 * keys follow {@code org.custodian.platform.Refusal}'s rule, which this ground module cannot name.
 */
enum Refusals {
    // GeometryRules
    TOO_MANY_VERTICES,
    TYPE_NOT_ACCEPTED,
    EMPTY,
    NOT_WGS84,
    COORDINATE_NOT_FINITE,
    LATITUDE_OUT_OF_RANGE,
    LONGITUDE_OUT_OF_RANGE,
    LINE_NEEDS_TWO_VERTICES,
    OUTER_RING_NOT_CLOSED,
    HOLE_NOT_CLOSED,
    OUTER_RING_TOO_FEW_VERTICES,
    HOLE_TOO_FEW_VERTICES,
    SPANS_TOO_WIDE,
    NO_AREA_ON_EARTH,
    COVERS_HALF_GLOBE,
    VERTEX_REPEATED,
    VERTICES_TOO_FAR_APART,
    // JTS's validity errors, by TopologyValidationError type
    INVALID,
    REPEATED_POINT,
    HOLE_OUTSIDE_SHELL,
    NESTED_HOLES,
    DISCONNECTED_INTERIOR,
    SELF_INTERSECTION,
    RING_SELF_INTERSECTION,
    NESTED_SHELLS,
    DUPLICATE_RINGS,
    TOO_FEW_POINTS,
    INVALID_COORDINATE,
    RING_NOT_CLOSED,
    // GeoJsonModule
    NOT_JSON,
    CRS_NOT_NAMED,
    CRS_NOT_READ,
    NOT_GEOMETRY_OBJECT,
    COLLECTION_WITHOUT_GEOMETRIES,
    UNKNOWN_TYPE,
    NO_COORDINATES,
    POSITION_NOT_LIST,
    COORDINATES_NOT_NESTED,
    POSITION_NOT_NUMBER,
    POSITION_TOO_SHORT,
    POSITION_HAS_ELEVATION,
    POSITION_TOO_LONG,
    POLYGON_RING_NOT_CLOSED,
    POLYGON_RING_TOO_SHORT,
    NOT_READABLE,
    WRONG_TYPE,
    // A reason and the place it concerns
    AT_PLACE;

    String key() {
        return "refusal.geo." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
