package org.custodian.mineaction;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A GeoJSON file of hazard areas as the import receives it. Seeds in HazardAreaGeoJsonFuzzTestsInputs. */
class HazardAreaGeoJsonFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aFileIsReadOrRefused(byte[] input) {
        answersOrRefuses(() -> HazardAreaFiles.readAll("areas.geojson", input));
    }
}
