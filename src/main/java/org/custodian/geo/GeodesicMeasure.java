package org.custodian.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas and lengths on the WGS 84 ellipsoid (Karney's algorithms via GeographicLib), never in degrees.
 * Stateless and thread-safe.
 */
public final class GeodesicMeasure {

    private static final Geodesic WGS84 = Geodesic.WGS84;

    /** The surface of the WGS 84 ellipsoid, in square metres. */
    public static final double EARTH_SQUARE_METRES = WGS84.EllipsoidArea();

    private GeodesicMeasure() {}

    /** Area in square metres of the polygons in {@code geometry} (holes subtracted); 0 for points and lines. */
    public static double areaSquareMetres(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                total += ringArea(polygon.getExteriorRing().getCoordinates());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    total -= ringArea(polygon.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        return total;
    }

    /** Length in metres of the lines in {@code geometry}; 0 for points and polygons. */
    public static double lengthMetres(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof LineString line) {
                Coordinate[] c = line.getCoordinates();
                for (int k = 1; k < c.length; k++) {
                    total += WGS84.Inverse(c[k - 1].y, c[k - 1].x, c[k].y, c[k].x).s12;
                }
            }
        }
        return total;
    }

    /** Distance in metres between two points given as longitude, latitude. */
    public static double distanceMetres(Coordinate a, Coordinate b) {
        return WGS84.Inverse(a.y, a.x, b.y, b.x).s12;
    }

    private static double ringArea(Coordinate[] ring) {
        PolygonArea area = new PolygonArea(WGS84, false);
        // The closing vertex repeats the first one; GeographicLib closes the ring itself.
        for (int k = 0; k < ring.length - 1; k++) {
            area.AddPoint(ring[k].y, ring[k].x);
        }
        PolygonResult result = area.Compute(false, true);
        return Math.abs(result.area);
    }
}
