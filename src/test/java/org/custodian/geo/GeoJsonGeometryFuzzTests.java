package org.custodian.geo;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON geometry as the API and the forms receive it: read, then held to the rules every record applies.
 * Seeds in GeoJsonGeometryFuzzTestsInputs.
 */
class GeoJsonGeometryFuzzTests {

    private static final Set<String> ANY =
            Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");

    @FuzzTest(maxDuration = "15s")
    void aGeometryIsReadOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        answersOrRefuses(() -> {
            Geometry g = GeoJsonModule.read("geometry", text);
            GeometryRules.check("geometry", g, ANY);
            GeoJsonModule.write(g);
        });
    }
}
