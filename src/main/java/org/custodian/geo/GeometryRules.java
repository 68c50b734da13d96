package org.custodian.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The one gate every spatial write passes. A geometry is accepted only if it is of an allowed type,
 * in SRID 4326, non-empty, inside the CRS84 bounds, every polygon ring closed with at least three
 * distinct vertices, every line with at least two distinct vertices, valid by the OGC simple features
 * rules, with no more vertices than the limit, and every polygon measurable on the earth: it spans at
 * most 180 degrees of longitude and its geodesic area is above zero and at most half the globe (a
 * polygon "around the world" has no meaningful inside). Nothing is repaired here: a rejected geometry
 * raises {@link GeometryRejected} naming the field, the reason and, where known, the place.
 *
 * <p>Thread-safe. The vertex limit is a setting ({@code custodian.geo.max-vertices}), applied once at
 * start-up through {@link #limitVertices(int)}.
 */
public final class GeometryRules {

    /** Well above any survey polygon (the demo's largest has a few hundred); a map layer stays readable. */
    public static final int DEFAULT_MAX_VERTICES = 100_000;

    /** Half the surface of the WGS 84 ellipsoid, in square metres. */
    private static final double HEMISPHERE_SQUARE_METRES = GeodesicMeasure.EARTH_SQUARE_METRES / 2;

    private static volatile int maxVertices = DEFAULT_MAX_VERTICES;

    private GeometryRules() {}

    /** Sets the most vertices a geometry may have, for every later check. */
    public static void limitVertices(int limit) {
        if (limit < 4) {
            throw new IllegalArgumentException("a geometry needs at least 4 vertices to be a polygon: " + limit);
        }
        maxVertices = limit;
    }

    /**
     * @param field name of the request field, used in the problem report
     * @param allowed the geometry types the record accepts, as GeoJSON names ("Polygon", "MultiPolygon", ...)
     * @return the geometry, unchanged
     */
    public static <G extends Geometry> G check(String field, G geometry, Set<String> allowed) {
        return check(field, geometry, allowed, maxVertices);
    }

    /** As {@link #check(String, Geometry, Set)}, with the given vertex limit. */
    public static <G extends Geometry> G check(String field, G geometry, Set<String> allowed, int maxVertices) {
        // First, and cheap: every later check costs in proportion to the vertices.
        int vertices = geometry.getNumPoints();
        if (vertices > maxVertices) {
            throw new GeometryRejected(field, Refusals.TOO_MANY_VERTICES, null, vertices, maxVertices);
        }
        if (!allowed.contains(geometry.getGeometryType())) {
            throw new GeometryRejected(
                    field,
                    Refusals.TYPE_NOT_ACCEPTED,
                    null,
                    geometry.getGeometryType(),
                    String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        if (geometry.isEmpty()) {
            throw new GeometryRejected(field, Refusals.EMPTY, null);
        }
        if (geometry.getSRID() != Wgs84.SRID) {
            throw new GeometryRejected(field, Refusals.NOT_WGS84, null, geometry.getSRID());
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new GeometryRejected(field, Refusals.COORDINATE_NOT_FINITE, c);
            }
            if (c.y < -90 || c.y > 90) {
                throw new GeometryRejected(field, Refusals.LATITUDE_OUT_OF_RANGE, c, c.y);
            }
            if (c.x < -180 || c.x > 180) {
                throw new GeometryRejected(field, Refusals.LONGITUDE_OUT_OF_RANGE, c, c.x);
            }
        }
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                checkRing(field, polygon.getExteriorRing(), 0);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    checkRing(field, polygon.getInteriorRingN(h), h + 1);
                }
            } else if (part instanceof LineString line && distinct(line.getCoordinates()) < 2) {
                throw new GeometryRejected(field, Refusals.LINE_NEEDS_TWO_VERTICES, null);
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw GeometryRejected.at(field, validity(error.getErrorType()), error.getCoordinate());
        }
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                checkMeasurable(field, polygon);
            }
        }
        return geometry;
    }

    /**
     * The map reads a polygon's inside on the plane of longitude and latitude, the earth between geodesic
     * edges; they agree only for a polygon that fits within a hemisphere. Wider ones (the whole globe, for
     * one) would be "inside" every region while measuring 0 m².
     */
    private static void checkMeasurable(String field, Polygon polygon) {
        double span = polygon.getEnvelopeInternal().getWidth();
        if (span > 180) {
            throw new GeometryRejected(
                    field, Refusals.SPANS_TOO_WIDE, null, String.format(java.util.Locale.ROOT, "%.0f", span));
        }
        double area = GeodesicMeasure.areaSquareMetres(polygon);
        if (!Double.isFinite(area) || area <= 0) {
            throw new GeometryRejected(field, Refusals.NO_AREA_ON_EARTH, null);
        }
        if (area > HEMISPHERE_SQUARE_METRES * (1 + 1e-9)) {
            throw new GeometryRejected(field, Refusals.COVERS_HALF_GLOBE, null);
        }
    }

    /**
     * Survey polygons from the field: refuses a vertex repeated right after itself and two consecutive
     * vertices further apart than {@code maxGapMetres} (a lost digit in a coordinate, typically). GICHD added
     * both checks to IMSMA for hazard polygons.
     */
    public static void checkSurveyVertices(String field, Geometry geometry, double maxGapMetres) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            List<LineString> lines = new ArrayList<>();
            if (part instanceof Polygon polygon) {
                lines.add(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    lines.add(polygon.getInteriorRingN(h));
                }
            } else if (part instanceof LineString line) {
                lines.add(line);
            }
            for (LineString line : lines) {
                Coordinate[] c = line.getCoordinates();
                for (int k = 1; k < c.length; k++) {
                    if (c[k].equals2D(c[k - 1])) {
                        throw GeometryRejected.at(field, Refusals.VERTEX_REPEATED, c[k]);
                    }
                    double gap = GeodesicMeasure.distanceMetres(c[k - 1], c[k]);
                    if (gap > maxGapMetres) {
                        throw GeometryRejected.at(
                                field,
                                Refusals.VERTICES_TOO_FAR_APART,
                                c[k],
                                String.format(java.util.Locale.ROOT, "%.0f", gap),
                                String.format(java.util.Locale.ROOT, "%.0f", maxGapMetres));
                    }
                }
            }
        }
    }

    /** @param hole 0 for the outer ring, else the hole's number from 1 */
    private static void checkRing(String field, LinearRing ring, int hole) {
        Coordinate[] points = ring.getCoordinates();
        if (points.length == 0) {
            // An empty ring ("[]" in GeoJSON) has no first vertex to point at.
            throw hole == 0
                    ? new GeometryRejected(field, Refusals.OUTER_RING_TOO_FEW_VERTICES, null)
                    : new GeometryRejected(field, Refusals.HOLE_TOO_FEW_VERTICES, null, hole);
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw hole == 0
                    ? GeometryRejected.at(field, Refusals.OUTER_RING_NOT_CLOSED, points[0])
                    : GeometryRejected.at(field, Refusals.HOLE_NOT_CLOSED, points[0], hole);
        }
        if (distinct(points) < 3) {
            throw hole == 0
                    ? GeometryRejected.at(field, Refusals.OUTER_RING_TOO_FEW_VERTICES, points[0])
                    : GeometryRejected.at(field, Refusals.HOLE_TOO_FEW_VERTICES, points[0], hole);
        }
    }

    /** JTS's validity error by its type, not its English message. */
    static Refusals validity(int type) {
        return switch (type) {
            case TopologyValidationError.REPEATED_POINT -> Refusals.REPEATED_POINT;
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> Refusals.HOLE_OUTSIDE_SHELL;
            case TopologyValidationError.NESTED_HOLES -> Refusals.NESTED_HOLES;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> Refusals.DISCONNECTED_INTERIOR;
            case TopologyValidationError.SELF_INTERSECTION -> Refusals.SELF_INTERSECTION;
            case TopologyValidationError.RING_SELF_INTERSECTION -> Refusals.RING_SELF_INTERSECTION;
            case TopologyValidationError.NESTED_SHELLS -> Refusals.NESTED_SHELLS;
            case TopologyValidationError.DUPLICATE_RINGS -> Refusals.DUPLICATE_RINGS;
            case TopologyValidationError.TOO_FEW_POINTS -> Refusals.TOO_FEW_POINTS;
            case TopologyValidationError.INVALID_COORDINATE -> Refusals.INVALID_COORDINATE;
            case TopologyValidationError.RING_NOT_CLOSED -> Refusals.RING_NOT_CLOSED;
            default -> Refusals.INVALID;
        };
    }

    private static long distinct(Coordinate[] points) {
        return Arrays.stream(points).map(c -> c.x + " " + c.y).distinct().count();
    }
}
