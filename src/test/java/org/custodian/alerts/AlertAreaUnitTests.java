package org.custodian.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class AlertAreaUnitTests {

    /** A wobbly ring of {@code n} vertices around (lon, lat), radius about {@code km} kilometres. */
    static Polygon wobbly(double lon, double lat, double km, int n) {
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = km * (1 + 0.15 * Math.sin(7 * a) + 0.05 * Math.sin(53 * a)) / 111.0;
            ring[i] = new Coordinate(lon + r * Math.cos(a) / Math.cos(Math.toRadians(lat)), lat + r * Math.sin(a));
        }
        ring[n] = ring[0];
        return Wgs84.FACTORY.createPolygon(ring);
    }

    @Test
    void aDetailedAreaIsSimplifiedToAtMostAHundredPointsThatStillCoverIt() {
        Polygon drawn = wobbly(46.93, 39.99, 6, 2000);
        AlertArea.Simplified s = AlertArea.simplified(drawn, AlertArea.MAX_POINTS);
        assertThat(s.area().getNumPoints()).isLessThanOrEqualTo(100);
        assertThat(s.area().isValid()).isTrue();
        assertThat(s.area().getSRID()).isEqualTo(Wgs84.SRID);
        assertThat(s.area().buffer(1e-9).covers(drawn)).isTrue();
        assertThat(s.addedSquareMetres()).isPositive();
        // The ring wiggles by 300 m every 700 m: any 100-point cover adds about a tenth; far less than a district.
        assertThat(s.addedSquareMetres()).isLessThan(0.15 * GeodesicMeasure.areaSquareMetres(drawn));
        assertThat(s.addedSquareMetres())
                .isCloseTo(
                        GeodesicMeasure.areaSquareMetres(s.area()) - GeodesicMeasure.areaSquareMetres(drawn),
                        org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void manySeparateAreasAreJoinedUntilTheirPointsFit() {
        List<Polygon> villages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            villages.add(wobbly(46.5 + (i % 8) * 0.05, 39.5 + (i / 8) * 0.04, 0.8, 24));
        }
        Geometry drawn = Wgs84.FACTORY.createMultiPolygon(villages.toArray(Polygon[]::new));
        assertThat(drawn.getNumPoints()).isGreaterThan(100);
        AlertArea.Simplified s = AlertArea.simplified(drawn, AlertArea.MAX_POINTS);
        assertThat(s.area().getNumPoints()).isLessThanOrEqualTo(100);
        assertThat(s.area().buffer(1e-9).covers(drawn)).isTrue();
    }

    @Test
    void anAreaWithFewPointsIsPublishedAsDrawn() {
        Polygon drawn = wobbly(46.93, 39.99, 3, 40);
        AlertArea.Simplified s = AlertArea.simplified(drawn, AlertArea.MAX_POINTS);
        assertThat(s.area()).isSameAs(drawn);
        assertThat(s.addedSquareMetres()).isZero();
    }

    @Test
    void aBufferIsMeasuredInMetresOnTheGround() {
        Geometry disc = AlertArea.buffered(Wgs84.point(46.93, 39.99), 1000);
        double expected = Math.PI * 1000 * 1000;
        assertThat(GeodesicMeasure.areaSquareMetres(disc))
                .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(disc.getSRID()).isEqualTo(Wgs84.SRID);
    }
}
