package org.custodian.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class BuffersUnitTests {

    @Test
    void aGrownAreaReachesAtLeastTheBufferOnTheEllipsoidInEveryDirection() {
        Geometry square = Wgs84.box(new Envelope(46.70, 46.72, 39.75, 39.76));
        Geometry grown = Buffers.grow(square, 100);
        assertThat(grown.getSRID()).isEqualTo(Wgs84.SRID);
        // Points just under 100 m out, measured geodesically east, north, west and south of the square.
        double[][] probes = {{46.72, 39.755, 1, 0}, {46.71, 39.76, 0, 1}, {46.70, 39.755, -1, 0}, {46.71, 39.75, 0, -1}
        };
        for (double[] p : probes) {
            Coordinate edge = new Coordinate(p[0], p[1]);
            Coordinate out = step(edge, p[2], p[3], 99);
            assertThat(GeodesicMeasure.distanceMetres(edge, out)).isCloseTo(99, within(1.5));
            assertThat(grown.covers(Wgs84.point(out.x, out.y)))
                    .as("covers %s", out)
                    .isTrue();
            Coordinate far = step(edge, p[2], p[3], 125);
            assertThat(grown.covers(Wgs84.point(far.x, far.y)))
                    .as("stops before %s", far)
                    .isFalse();
        }
    }

    @Test
    void distancesInMetresMatchTheEllipsoidWithinAPercent() {
        Point a = Wgs84.point(46.930, 39.991);
        Point b = Wgs84.point(46.830, 39.935);
        double geodesic = GeodesicMeasure.distanceMetres(a.getCoordinate(), b.getCoordinate());
        assertThat(Buffers.distanceMetres(a, b)).isCloseTo(geodesic, within(geodesic * 0.01));
    }

    @Test
    void nothingToGrowIsLeftAsItIs() {
        Geometry square = Wgs84.box(new Envelope(46.70, 46.72, 39.75, 39.76));
        assertThat(Buffers.grow(square, 0).equalsExact(square)).isTrue();
    }

    /** A coordinate about {@code metres} from {@code c} towards (dx, dy), by the local metres per degree. */
    private static Coordinate step(Coordinate c, double dx, double dy, double metres) {
        double perDegreeLat = 111_030;
        double perDegreeLon = 111_320 * Math.cos(Math.toRadians(c.y));
        double lon = c.x + dx * metres / perDegreeLon;
        double lat = c.y + dy * metres / perDegreeLat;
        Coordinate guess = new Coordinate(lon, lat);
        double actual = GeodesicMeasure.distanceMetres(c, guess);
        return new Coordinate(c.x + (lon - c.x) * metres / actual, c.y + (lat - c.y) * metres / actual);
    }
}
