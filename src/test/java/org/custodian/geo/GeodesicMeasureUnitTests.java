package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

class GeodesicMeasureUnitTests {

    @Test
    void measuresOneDegreeOfLatitudeAlongAMeridian() throws Exception {
        // On WGS 84 one degree of latitude between 39 and 40 degrees north is about 111,040 m.
        double metres = GeodesicMeasure.lengthMetres(new WKTReader(Wgs84.FACTORY).read("LINESTRING (46 39, 46 40)"));
        assertThat(metres).isCloseTo(111_040, within(50.0));
    }

    @Test
    void measuresAreaOnTheEllipsoidAndSubtractsHoles() throws Exception {
        WKTReader wkt = new WKTReader(Wgs84.FACTORY);
        // A 0.01 x 0.01 degree cell at the equator is about 1,113 m x 1,106 m (WGS 84): about 1.231 km2.
        double cell = GeodesicMeasure.areaSquareMetres(wkt.read("POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0))"));
        assertThat(cell).isCloseTo(1_230_900, within(2_000.0));
        double withHole = GeodesicMeasure.areaSquareMetres(
                wkt.read(
                        "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0), (0.002 0.002, 0.004 0.002, 0.004 0.004, 0.002 0.004, 0.002 0.002))"));
        assertThat(cell - withHole).isCloseTo(cell / 25, within(100.0));
        // Ring orientation does not change the answer.
        double clockwise =
                GeodesicMeasure.areaSquareMetres(wkt.read("POLYGON ((0 0, 0 0.01, 0.01 0.01, 0.01 0, 0 0))"));
        assertThat(clockwise).isCloseTo(cell, within(0.01));
    }

    @Test
    void measuresTheDistanceBetweenTwoTowns() {
        // Shusha to Khankendi, about 6.3 km apart (scenario facts' centres).
        double metres = GeodesicMeasure.distanceMetres(new Coordinate(46.749, 39.758), new Coordinate(46.752, 39.815));
        assertThat(metres).isBetween(6_200.0, 6_400.0);
    }
}
