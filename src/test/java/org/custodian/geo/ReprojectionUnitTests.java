package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class ReprojectionUnitTests {

    @Test
    void movesUtmMetresToLongitudeAndLatitude() {
        // 47.16 E 39.62 N in UTM zone 38N (EPSG:32638), as GDAL's own transformation gives it.
        Geometry utm = Wgs84.FACTORY.createPoint(new Coordinate(685_403.2037, 4_387_811.4919));
        Geometry wgs84 =
                Reprojection.from("EPSG", 32638, "WGS 84 / UTM zone 38N").apply(utm);
        assertThat(wgs84.getCoordinate().x).isCloseTo(47.16, within(1e-7));
        assertThat(wgs84.getCoordinate().y).isCloseTo(39.62, within(1e-7));
        assertThat(wgs84.getSRID()).isEqualTo(Wgs84.SRID);
        assertThat(utm.getCoordinate().x).as("the input is left as it was").isEqualTo(685_403.2037);
    }

    @Test
    void leavesWgs84AsItIs() {
        Geometry point = Wgs84.FACTORY.createPoint(new Coordinate(47.16, 39.62));
        assertThat(Reprojection.from("epsg", 4326, "WGS 84").apply(point)).isSameAs(point);
    }

    @Test
    void refusesACoordinateSystemItCannotConvertNamingIt() {
        assertThatThrownBy(() -> Reprojection.from("NONE", 100000, "'Local grid'"))
                .hasMessageContaining("'Local grid'")
                .hasMessageContaining("NONE:100000");
        assertThatThrownBy(() -> Reprojection.from("EPSG", 999999, "'Nowhere'"))
                .hasMessageContaining("'Nowhere' (EPSG:999999)");
    }
}
