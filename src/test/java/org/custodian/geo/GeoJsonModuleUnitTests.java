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

    @Test
    void writesEveryGeometryTypeSoThatItReadsBackTheSame() throws Exception {
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader(Wgs84.FACTORY);
        for (String text : java.util.List.of(
                "POINT (46.749 39.758)",
                "LINESTRING (47.25 39.47, 47.145 39.6, 46.95 39.7)",
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))",
                "MULTIPOINT ((1 2), (3 4))",
                "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))")) {
            Geometry original = wkt.read(text);
            Geometry again = GeoJsonModule.read("g", GeoJsonModule.write(original));
            assertThat(again.equalsExact(original)).as(text).isTrue();
        }
        assertThat(GeoJsonModule.write(wkt.read("POINT (46.123456789123 -0.000000001)")))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[46.12345679,0]}");
    }

    @Test
    void refusesMalformedPositions() {
        for (String[] c : new String[][] {
            {"{\"type\":\"Point\",\"coordinates\":[46.7]}", "longitude and latitude"},
            {"{\"type\":\"Point\",\"coordinates\":[]}", "longitude and latitude"},
            {"{\"type\":\"Point\",\"coordinates\":[46.7,39.7,1200,5]}", "4 numbers"},
            {"{\"type\":\"Point\",\"coordinates\":[46.7,39.7,1200]}", "elevation"},
            {"{\"type\":\"Point\",\"coordinates\":[\"46.7\",39.7]}", "not a number"},
            {"{\"type\":\"LineString\",\"coordinates\":[[46.7,39.7],[46.8]]}", "longitude and latitude"},
            {"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0,3],[1,1],[0,0]]]}", "elevation"},
            {"{\"type\":\"Point\",\"coordinates\":46.7}", "position"}
        }) {
            assertThatThrownBy(() -> GeoJsonModule.read("geometry", c[0]))
                    .as(c[0])
                    .isInstanceOfSatisfying(GeometryRejected.class, e -> {
                        assertThat(e.field()).isEqualTo("geometry");
                        assertThat(e.reason()).contains(c[1]);
                    });
        }
    }

    @Test
    void refusesADeclaredCrsOtherThanCrs84NamingIt() {
        String mercator = "{\"type\":\"Point\",\"coordinates\":[5200000,4800000],"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}}";
        assertThatThrownBy(() -> GeoJsonModule.read("geometry", mercator))
                .isInstanceOfSatisfying(
                        GeometryRejected.class, e -> assertThat(e.reason()).contains("EPSG:3857"));
        for (String name :
                java.util.List.of("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326")) {
            Geometry point = GeoJsonModule.read(
                    "geometry",
                    "{\"type\":\"Point\",\"coordinates\":[46.7,39.7],\"crs\":{\"type\":\"name\","
                            + "\"properties\":{\"name\":\"" + name + "\"}}}");
            assertThat(point.getCoordinate().x).isEqualTo(46.7);
        }
    }
}
