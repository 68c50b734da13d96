package org.custodian.alerts;

import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The area an alert is published for: buffered in metres, and simplified to the few points alert hubs and
 * phones accept (CAP hubs expect about 100) so that the published area still covers every place of the area
 * as drawn. It only grows by simplifying, never shrinks: nobody inside the drawn area is left out, and the
 * area added is measured and shown.
 *
 * <p>Spring-free and thread-safe. Inputs are polygons or points in WGS 84 (longitude, latitude); buffers and
 * tolerances are computed on a local plane in metres around the area (good to well under a percent for
 * areas of a region's size), areas geodesically.
 */
public final class AlertArea {

    /** The most points a published area has, all its polygons together. */
    public static final int MAX_POINTS = 100;

    private static final double METRES_PER_DEGREE_LATITUDE = 110_574;
    private static final double METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;

    private AlertArea() {}

    /** An area as published: its geometry, the area as drawn, and what simplifying added (m²). */
    public record Simplified(Geometry area, Geometry drawn, double drawnSquareMetres, double addedSquareMetres) {

        public double addedHectares() {
            return addedSquareMetres / 10_000;
        }
    }

    /** The geometry widened by {@code metres} all round (points become discs); unchanged for 0. */
    public static Geometry buffered(Geometry geometry, double metres) {
        if (metres <= 0) {
            return geometry;
        }
        Plane plane = new Plane(geometry.getEnvelopeInternal());
        return plane.back(plane.to(geometry).buffer(metres, 8));
    }

    /**
     * Simplifies {@code drawn} (a Polygon or MultiPolygon) to at most {@code maxPoints} points, as a polygon
     * that covers it.
     */
    public static Simplified simplified(Geometry drawn, int maxPoints) {
        double drawnArea = GeodesicMeasure.areaSquareMetres(drawn);
        if (drawn.getNumPoints() <= maxPoints) {
            return new Simplified(drawn, drawn, drawnArea, 0);
        }
        Plane plane = new Plane(drawn.getEnvelopeInternal());
        Geometry flat = plane.to(drawn);
        double extent = Math.max(
                flat.getEnvelopeInternal().getWidth(),
                flat.getEnvelopeInternal().getHeight());
        BufferParameters mitred = new BufferParameters(1, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 4);
        for (double tolerance = Math.max(extent / 10_000, 0.5); tolerance < extent * 4; tolerance *= 1.25) {
            // Widened by a part of the tolerance, then simplified by it: the first that still covers the drawn
            // area and fits the points wins. Widening by the whole tolerance always covers, as no vertex moves
            // further than that.
            for (double widening : new double[] {0.5, 1}) {
                Geometry widened = BufferOp.bufferOp(flat, tolerance * widening, mitred);
                Geometry candidate = shells(TopologyPreservingSimplifier.simplify(widened, tolerance));
                if (candidate.getNumPoints() <= maxPoints && candidate.isValid() && candidate.covers(flat)) {
                    Geometry area = polygonal(plane.back(candidate));
                    return new Simplified(
                            area, drawn, drawnArea, Math.max(0, GeodesicMeasure.areaSquareMetres(area) - drawnArea));
                }
            }
        }
        // Never reached for a valid area: at the last tolerance the area is one small polygon around it all.
        throw new IllegalStateException("the area could not be simplified to " + maxPoints + " points");
    }

    /**
     * The polygons without their holes: CAP has no holes, and a polygon's shell covers whatever the polygon
     * covers.
     */
    private static Geometry shells(Geometry g) {
        org.locationtech.jts.geom.GeometryFactory f = g.getFactory();
        Polygon[] parts = new Polygon[g.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            parts[i] = f.createPolygon(p.getExteriorRing().getCoordinateSequence());
        }
        return parts.length == 1
                ? parts[0]
                : org.locationtech.jts.operation.union.UnaryUnionOp.union(
                        java.util.List.of(f.createMultiPolygon(parts)));
    }

    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygon || g instanceof MultiPolygon) {
            g.setSRID(Wgs84.SRID);
            return g;
        }
        throw new IllegalStateException("a simplified area is a polygon, not a " + g.getGeometryType());
    }

    /** A local plane in metres around an envelope: longitude scaled by the cosine of its middle latitude. */
    private static final class Plane {

        private final AffineTransformation to;
        private final AffineTransformation back;

        Plane(Envelope around) {
            double latitude = Math.toRadians((around.getMinY() + around.getMaxY()) / 2);
            double sx = METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(latitude);
            this.to = AffineTransformation.scaleInstance(sx, METRES_PER_DEGREE_LATITUDE);
            this.back = AffineTransformation.scaleInstance(1 / sx, 1 / METRES_PER_DEGREE_LATITUDE);
        }

        Geometry to(Geometry g) {
            return to.transform(g);
        }

        Geometry back(Geometry g) {
            Geometry out = Wgs84.FACTORY.createGeometry(back.transform(g));
            out.setSRID(Wgs84.SRID);
            return out;
        }
    }
}
