package org.custodian.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.TopologyValidationError;

class GeometryRulesUnitTests {

    static final Set<String> POLYGONS = Set.of("Polygon", "MultiPolygon");

    static Geometry wkt(String text) throws ParseException {
        return new WKTReader(Wgs84.FACTORY).read(text);
    }

    @Test
    void acceptsAValidPolygonUnchanged() throws ParseException {
        Geometry square = wkt("POLYGON ((46 39, 47 39, 47 40, 46 40, 46 39))");
        assertThat((Object) GeometryRules.check("boundary", square, POLYGONS)).isSameAs(square);
    }

    @Test
    void refusesASelfIntersectingPolygonSayingWhere() throws ParseException {
        Geometry bowtie = wkt("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
        assertThatThrownBy(() -> GeometryRules.check("boundary", bowtie, POLYGONS))
                .isInstanceOfSatisfying(GeometryRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("boundary");
                    assertThat(e.reason()).contains("self-intersection");
                    assertThat(e.location()).isNotNull();
                    assertThat(e.location().x).isEqualTo(0.5);
                    // The place in the words too, latitude first with a decimal point, as the pages show places.
                    assertThat(e.reason()).isEqualTo("self-intersection at 0.50000, 0.50000");
                    assertThat(e.reason(Locale.forLanguageTag("ru")))
                            .isEqualTo("самопересечение в точке 0.50000, 0.50000");
                    assertThat(e.reason(Locale.forLanguageTag("hy"))).isEqualTo("ինքնահատում՝ 0.50000, 0.50000 կետում");
                    assertThat(e.reason(Locale.forLanguageTag("az")))
                            .isEqualTo("öz-özünü kəsişmə: 0.50000, 0.50000 nöqtəsində");
                });
    }

    @Test
    void everyKindOfJtsValidityErrorHasAConstantOfItsOwnNotJtsEnglish() {
        Set<Refusals> seen = new java.util.HashSet<>();
        for (int type = TopologyValidationError.REPEATED_POINT;
                type <= TopologyValidationError.RING_NOT_CLOSED;
                type++) {
            Refusals refusal = GeometryRules.validity(type);
            assertThat(refusal).as("type %d", type).isNotEqualTo(Refusals.INVALID);
            assertThat(seen.add(refusal)).as("type %d", type).isTrue();
            // Said in Russian, never in JTS's English.
            String english = new TopologyValidationError(type).getMessage();
            String russian = new GeometryRejected("geometry", refusal, null).reason(Locale.forLanguageTag("ru"));
            assertThat(russian).doesNotContainIgnoringCase(english).matches(".*\\p{IsCyrillic}.*");
        }
        assertThat(GeometryRules.validity(TopologyValidationError.ERROR)).isEqualTo(Refusals.INVALID);
    }

    @Test
    void aHoleOutsideItsShellIsSaidWithItsPlaceInEveryLanguage() throws ParseException {
        Geometry outside = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))");
        assertThatThrownBy(() -> GeometryRules.check("geometry", outside, POLYGONS))
                .isInstanceOfSatisfying(GeometryRejected.class, e -> {
                    assertThat(e.reason()).startsWith("hole lies outside shell at ");
                    assertThat(e.reason(Locale.forLanguageTag("ru")))
                            .startsWith("дыра лежит вне внешнего кольца в точке");
                    // A language without texts of its own reads English.
                    assertThat(e.reason(Locale.GERMAN)).isEqualTo(e.reason());
                });
    }

    @Test
    void refusesARingWithFewerThanThreeDistinctVertices() throws ParseException {
        Geometry flat = wkt("POLYGON ((0 0, 1 1, 1 1, 0 0))");
        assertThatThrownBy(() -> GeometryRules.check("boundary", flat, POLYGONS))
                .hasMessageContaining("fewer than three distinct vertices");
    }

    @Test
    void refusesCoordinatesOutsideTheWorld() throws ParseException {
        assertThatThrownBy(() -> GeometryRules.check("location", wkt("POINT (10 91)"), Set.of("Point")))
                .hasMessageContaining("latitude 91.0 is outside -90..90");
        assertThatThrownBy(() -> GeometryRules.check("location", wkt("POINT (181 10)"), Set.of("Point")))
                .hasMessageContaining("longitude 181.0");
    }

    @Test
    void refusesTheWrongKindOfGeometryAndTheWrongSrid() throws ParseException {
        assertThatThrownBy(() -> GeometryRules.check("boundary", wkt("POINT (1 1)"), POLYGONS))
                .hasMessageContaining("a Point is not accepted here");
        Geometry other = wkt("POINT (1 1)");
        other.setSRID(3857);
        assertThatThrownBy(() -> GeometryRules.check("location", other, Set.of("Point")))
                .hasMessageContaining("SRID 3857");
    }

    @Test
    void refusesAnEmptyGeometryAndADegenerateLine() throws ParseException {
        assertThatThrownBy(() -> GeometryRules.check("boundary", wkt("POLYGON EMPTY"), POLYGONS))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> GeometryRules.check("road", wkt("LINESTRING (1 1, 1 1)"), Set.of("LineString")))
                .hasMessageContaining("two distinct vertices");
    }

    @Test
    void refusesRepeatedVerticesAndLongGapsInSurveyPolygons() throws ParseException {
        Geometry repeated = wkt("POLYGON ((46 39, 46.01 39, 46.01 39, 46.01 39.01, 46 39))");
        assertThatThrownBy(() -> GeometryRules.checkSurveyVertices("area", repeated, 5_000))
                .hasMessageContaining("repeated");
        // 0.1 degree of longitude at 39 N is about 8.7 km.
        Geometry gap = wkt("POLYGON ((46 39, 46.1 39, 46.1 39.01, 46 39))");
        assertThatThrownBy(() -> GeometryRules.checkSurveyVertices("area", gap, 5_000))
                .hasMessageContaining("m apart, more than the 5000 m allowed");
        GeometryRules.checkSurveyVertices("area", gap, 10_000);
    }

    @Test
    void refusesAPolygonCoveringTheGlobeOrMoreThanAHemisphere() throws ParseException {
        Geometry globe = wkt("POLYGON ((-180 -90, 180 -90, 180 90, -180 90, -180 -90))");
        assertThatThrownBy(() -> GeometryRules.check("geometry", globe, POLYGONS))
                .isInstanceOfSatisfying(
                        GeometryRejected.class, e -> assertThat(e.reason()).contains("more than half the globe"));
        Geometry wide = wkt("POLYGON ((-100 0, 100 0, 100 10, -100 10, -100 0))");
        assertThatThrownBy(() -> GeometryRules.check("geometry", wide, POLYGONS))
                .hasMessageContaining("200");
        Geometry hemisphere = wkt("POLYGON ((-90 -90, 90 -90, 90 90, -90 90, -90 -90))");
        assertThat((Object) GeometryRules.check("geometry", hemisphere, POLYGONS))
                .isSameAs(hemisphere);
    }

    @Test
    void refusesAPolygonWhoseAreaIsZero() throws ParseException {
        // A triangle on the plane, but two of its corners are the north pole: on the earth, one meridian
        // walked there and back.
        Geometry sliver = wkt("POLYGON ((0 90, 10 90, 10 89, 0 90))");
        assertThatThrownBy(() -> GeometryRules.check("geometry", sliver, POLYGONS))
                .hasMessageContaining("area");
    }

    @Test
    void refusesMoreVerticesThanTheLimitSayingBoth() throws ParseException {
        Geometry square = wkt("POLYGON ((46 39, 47 39, 47 40, 46 40, 46 39))");
        assertThatThrownBy(() -> GeometryRules.check("geometry", square, POLYGONS, 4))
                .hasMessageContaining("5 vertices")
                .hasMessageContaining("at most 4");
        assertThat((Object) GeometryRules.check("geometry", square, POLYGONS, 5))
                .isSameAs(square);
    }
}
