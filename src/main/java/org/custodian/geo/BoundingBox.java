package org.custodian.geo;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A bounding box in CRS84 as OGC API - Features defines it: west, south, east, north. A west edge east of the
 * east edge means the box crosses the antimeridian, and then it is two boxes, one each side of it.
 */
public record BoundingBox(double west, double south, double east, double north) {

    /** Checked by whoever parses the box, which words the refusal; here only as a guard. */
    public BoundingBox {
        if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
            throw new IllegalArgumentException("a bounding box needs finite numbers");
        }
        if (south > north) {
            throw new IllegalArgumentException("the south edge lies north of the north edge");
        }
    }

    public static BoundingBox of(Envelope envelope) {
        return new BoundingBox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** One envelope, or two when the box crosses the antimeridian. */
    public List<Envelope> envelopes() {
        if (!crossesAntimeridian()) {
            return List.of(new Envelope(west, east, south, north));
        }
        return List.of(new Envelope(west, 180, south, north), new Envelope(-180, east, south, north));
    }

    /** The box as a polygon (two, when it crosses the antimeridian) in SRID 4326, for exact tests. */
    public Geometry geometry() {
        List<Envelope> parts = envelopes();
        if (parts.size() == 1) {
            return Wgs84.box(parts.getFirst());
        }
        return Wgs84.FACTORY.createMultiPolygon(parts.stream().map(Wgs84::box).toArray(Polygon[]::new));
    }

    /** The exact test: the geometry itself, not its envelope, must touch the box. */
    public boolean intersects(Geometry geometry) {
        for (Envelope part : envelopes()) {
            if (part.intersects(geometry.getEnvelopeInternal())
                    && Wgs84.box(part).intersects(geometry)) {
                return true;
            }
        }
        return false;
    }
}
