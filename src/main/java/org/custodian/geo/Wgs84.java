package org.custodian.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The one coordinate reference system Custodian stores: WGS 84, SRID 4326, x = longitude, y = latitude.
 * Every geometry is built with {@link #FACTORY}; H2GIS refuses SRID 0 where PostGIS would silently accept it.
 */
public final class Wgs84 {

    public static final int SRID = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private Wgs84() {}

    public static Point point(double longitude, double latitude) {
        return FACTORY.createPoint(new Coordinate(longitude, latitude));
    }

    /**
     * A place as people read it on the pages, whatever their language: latitude, longitude, five decimals
     * (about a metre) with a decimal point, "39.91400, 46.79200".
     */
    public static String latitudeLongitude(Coordinate c) {
        return String.format(java.util.Locale.ROOT, "%.5f, %.5f", c.y, c.x);
    }

    public static Polygon box(Envelope envelope) {
        return (Polygon) FACTORY.toGeometry(envelope);
    }
}
