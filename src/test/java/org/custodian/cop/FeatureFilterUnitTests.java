package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.cop.Cql2Text.Cql2Refused;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.FeatureLayer.PropertyType;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class FeatureFilterUnitTests {

    private static final Map<String, PropertyType> SCHEMA = FeatureLayer.columns(
            "name", PropertyType.TEXT,
            "population", PropertyType.INTEGER,
            "protected_site", PropertyType.BOOLEAN,
            "recorded_on", PropertyType.DATE,
            "occurred_at", PropertyType.DATETIME);

    private static final FeatureLayer.Feature KHANKENDI =
            feature("Khankendi", 25000, true, "2024-06-02", "2024-06-02T10:15:00Z", 46.75, 39.82);
    private static final FeatureLayer.Feature SHUSHA =
            feature("Shusha", null, false, "2023-01-15", "2023-01-15T08:00:00Z", 46.75, 39.76);

    @Test
    void comparesTextNumbersBooleansAndNulls() {
        assertThat(matches("name = 'Khankendi'")).containsExactly("Khankendi");
        assertThat(matches("name <> 'Khankendi'")).containsExactly("Shusha");
        assertThat(matches("population >= 20000")).containsExactly("Khankendi");
        assertThat(matches("population < 20000"))
                .as("a null compares as unknown")
                .isEmpty();
        assertThat(matches("NOT (population < 20000)"))
                .as("NOT of unknown stays unknown")
                .containsExactly("Khankendi");
        assertThat(matches("population IS NULL")).containsExactly("Shusha");
        assertThat(matches("population IS NOT NULL")).containsExactly("Khankendi");
        assertThat(matches("protected_site = TRUE")).containsExactly("Khankendi");
        assertThat(matches("protected_site")).containsExactly("Khankendi");
        assertThat(matches("\"name\" = 'Shusha' OR population > 1")).containsExactly("Khankendi", "Shusha");
    }

    @Test
    void readsLikeBetweenAndIn() {
        assertThat(matches("name LIKE 'Kh%'")).containsExactly("Khankendi");
        assertThat(matches("name LIKE 'Sh_sha'")).containsExactly("Shusha");
        assertThat(matches("name NOT LIKE 'Kh%'")).containsExactly("Shusha");
        assertThat(matches("name ILIKE 'kh%'")).containsExactly("Khankendi");
        assertThat(matches("population BETWEEN 1000 AND 30000")).containsExactly("Khankendi");
        assertThat(matches("population NOT BETWEEN 1000 AND 3000")).containsExactly("Khankendi");
        assertThat(matches("name IN ('Shusha', 'Lachin')")).containsExactly("Shusha");
        assertThat(matches("name NOT IN ('Shusha', 'Lachin')")).containsExactly("Khankendi");
    }

    @Test
    void readsSpatialFunctionsWithBoxesAndWkt() {
        assertThat(matches("S_INTERSECTS(geometry, BBOX(46.7, 39.8, 46.8, 39.9))"))
                .containsExactly("Khankendi");
        assertThat(matches("s_within(geometry, POLYGON((46.7 39.7, 46.8 39.7, 46.8 39.79, 46.7 39.79, 46.7 39.7)))"))
                .containsExactly("Shusha");
        assertThat(matches("S_DISJOINT(geometry, POINT(46.75 39.82))")).containsExactly("Shusha");
        assertThat(matches("S_EQUALS(geometry, POINT(46.75 39.82))")).containsExactly("Khankendi");
        assertThat(matches("S_CONTAINS(POLYGON((46 39, 47 39, 47 40, 46 40, 46 39)), geometry)"))
                .containsExactly("Khankendi", "Shusha");
    }

    @Test
    void readsFiltersGivenInAnotherCrs() {
        // EPSG:4326 puts latitude first.
        FeatureFilter filter = FeatureFilter.of(
                "S_INTERSECTS(geometry, BBOX(39.8, 46.7, 39.9, 46.8))", "cql2-text", OutputCrs.EPSG_4326, SCHEMA);
        assertThat(filter.test(KHANKENDI)).isTrue();
        assertThat(filter.test(SHUSHA)).isFalse();
    }

    @Test
    void readsTemporalFunctionsOnDatesAndTimestamps() {
        assertThat(matches("T_INTERSECTS(occurred_at, INTERVAL('2024-01-01', '..'))"))
                .containsExactly("Khankendi");
        assertThat(matches("T_BEFORE(occurred_at, TIMESTAMP('2024-01-01T00:00:00Z'))"))
                .containsExactly("Shusha");
        assertThat(matches("T_AFTER(recorded_on, DATE('2023-01-15'))")).containsExactly("Khankendi");
        assertThat(matches("T_INTERSECTS(recorded_on, DATE('2023-01-15'))")).containsExactly("Shusha");
        assertThat(matches("T_DURING(occurred_at, INTERVAL('2024-06-02', '2024-06-03'))"))
                .containsExactly("Khankendi");
        assertThat(matches("occurred_at > TIMESTAMP('2024-01-01T00:00:00Z')")).containsExactly("Khankendi");
        assertThat(matches("recorded_on = '2023-01-15'"))
                .as("a date written as text, as GDAL does")
                .containsExactly("Shusha");
    }

    @Test
    void readsCql2Json() {
        assertThat(matchesJson("{\"op\":\"and\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"K%\"]},"
                        + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                        + "{\"type\":\"Point\",\"coordinates\":[46.75,39.82]}]}]}"))
                .containsExactly("Khankendi");
        assertThat(matchesJson("{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"Shusha\",\"Lachin\"]]}"))
                .containsExactly("Shusha");
        assertThat(matchesJson("{\"op\":\"t_after\",\"args\":[{\"property\":\"occurred_at\"},"
                        + "{\"timestamp\":\"2024-01-01T00:00:00Z\"}]}"))
                .containsExactly("Khankendi");
        assertThat(matchesJson("{\"op\":\"isNull\",\"args\":[{\"property\":\"population\"}]}"))
                .containsExactly("Shusha");
    }

    @Test
    void refusesUnknownPropertiesBadSyntaxAndTypeMismatches() {
        assertThatThrownBy(() -> matches("height > 3"))
                .isInstanceOf(Cql2Refused.class)
                .hasMessageContaining("unknown property 'height'")
                .hasMessageContaining("name");
        assertThatThrownBy(() -> matches("name = 'open")).hasMessageContaining("quote is not closed");
        assertThatThrownBy(() -> matches("name = 'a' AND")).hasMessageContaining("value or property was expected");
        assertThatThrownBy(() -> matches("population = 'many'"))
                .hasMessageContaining("type mismatch")
                .hasMessageContaining("number");
        assertThatThrownBy(() -> matches("name LIKE 3")).hasMessageContaining("type mismatch");
        assertThatThrownBy(() -> matches("S_INTERSECTS(name, POINT(1 2))")).hasMessageContaining("type mismatch");
        assertThatThrownBy(() -> matches("T_AFTER(population, DATE('2024-01-01'))"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> matches("recorded_on = 'yesterday'")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> matches("S_INTERSECTS(geometry, POINT(1))")).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> matches("A_CONTAINS(name, 'x')")).isInstanceOf(Cql2Refused.class);
        assertThatThrownBy(() -> matchesJson("{\"op\":\"=\",\"args\":[{\"property\":\"name\"}]}"))
                .hasMessageContaining("takes 2 arguments");
        assertThatThrownBy(() -> matchesJson("{\"op\":")).hasMessageContaining("not JSON");
    }

    private static List<String> matches(String text) {
        return matching(FeatureFilter.of(text, "cql2-text", OutputCrs.CRS84, SCHEMA));
    }

    private static List<String> matchesJson(String json) {
        return matching(FeatureFilter.of(json, "cql2-json", OutputCrs.CRS84, SCHEMA));
    }

    private static List<String> matching(FeatureFilter filter) {
        return List.of(KHANKENDI, SHUSHA).stream()
                .filter(filter::test)
                .map(f -> (String) f.properties().get("name"))
                .toList();
    }

    private static FeatureLayer.Feature feature(
            String name,
            @Nullable Integer population,
            boolean protectedSite,
            String recordedOn,
            String occurredAt,
            double x,
            double y) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("name", name);
        p.put("population", population);
        p.put("protected_site", protectedSite);
        p.put("recorded_on", java.time.LocalDate.parse(recordedOn));
        p.put("occurred_at", occurredAt);
        return new FeatureLayer.Feature(name, Wgs84.FACTORY.createPoint(new Coordinate(x, y)), p);
    }
}
