package org.custodian.routing;

import org.custodian.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Buffers and distances in metres around WGS 84 geometries, computed in a local equirectangular plane
 * centred on the geometry. Over the tens of kilometres a hazard area or a road spans, the plane's scale
 * differs from the ellipsoid's by well under 1 %; buffers are widened by {@link #MARGIN} so that what they
 * promise ("no closer than N metres") still holds measured on the ellipsoid.
 */
final class Buffers {

    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS = 6_371_008.8;

    /** Relative widening of every buffer: covers the plane's scale error and the chords of buffered arcs. */
    static final double MARGIN = 0.02;

    private Buffers() {}

    /** The geometry grown by {@code metres} (plus the margin), as WGS 84 polygons. */
    static Geometry grow(Geometry geometry, double metres) {
        if (geometry.isEmpty() || metres <= 0) {
            Geometry copy = geometry.copy();
            copy.setSRID(Wgs84.SRID);
            return copy;
        }
        Plane plane = Plane.around(geometry);
        Geometry grown = plane.back(plane.onto(geometry).buffer(metres * (1 + MARGIN) + 1, 8));
        grown.setSRID(Wgs84.SRID);
        return grown;
    }

    /** The shortest distance between two WGS 84 geometries, in metres. */
    static double distanceMetres(Geometry a, Geometry b) {
        Plane plane = Plane.around(
                a.getEnvelopeInternal().getArea() >= b.getEnvelopeInternal().getArea() ? a : b);
        return plane.onto(a).distance(plane.onto(b));
    }

    /** Degrees of latitude that span at least {@code metres}: for envelope filters before exact distances. */
    static double degreesFor(double metres, double latitude) {
        double cos = Math.max(0.05, Math.cos(Math.toRadians(Math.abs(latitude))));
        return Math.toDegrees(metres / EARTH_RADIUS) / cos;
    }

    /** A local plane: x east and y north in metres from a centre. */
    record Plane(double lon0, double lat0, double cosLat) {

        static Plane around(Geometry g) {
            Coordinate c = g.getEnvelopeInternal().centre();
            return new Plane(c.x, c.y, Math.cos(Math.toRadians(c.y)));
        }

        Geometry onto(Geometry g) {
            Geometry out = g.copy();
            out.apply(filter(true));
            out.geometryChanged();
            return out;
        }

        Geometry back(Geometry g) {
            Geometry out = g.copy();
            out.apply(filter(false));
            out.geometryChanged();
            return out;
        }

        private CoordinateSequenceFilter filter(boolean forward) {
            double k = Math.toRadians(EARTH_RADIUS);
            return new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    double x = seq.getX(i);
                    double y = seq.getY(i);
                    if (forward) {
                        seq.setOrdinate(i, 0, (x - lon0) * k * cosLat);
                        seq.setOrdinate(i, 1, (y - lat0) * k);
                    } else {
                        seq.setOrdinate(i, 0, lon0 + x / (k * cosLat));
                        seq.setOrdinate(i, 1, lat0 + y / k);
                    }
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public boolean isGeometryChanged() {
                    return true;
                }
            };
        }
    }
}
