package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GeoJsonModuleUnitTests {

    @Test
    void readsAndWritesGeoJsonInWgs84() {
        Geometry point = GeoJsonModule.read("location", "{\"type\":\"Point\",\"coordinates\":[46.749,39.758]}");
        assertThat(point.getSRID()).isEqualTo(4326);
        assertThat(point.getCoordinate().x).isEqualTo(46.749);
        assertThat(GeoJsonModule.write(point)).contains("\"Point\"").doesNotContain("crs");
    }

    @Test
    void saysWhenARingIsNotClosed() {
        assertThatThrownBy(() -> GeoJsonModule.read(
                        "boundary", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
                .isInstanceOfSatisfying(GeometryRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("boundary");
                    assertThat(e.reason()).contains("not closed");
                });
    }
}
