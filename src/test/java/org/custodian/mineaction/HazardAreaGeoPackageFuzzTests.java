package org.custodian.mineaction;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A GeoPackage of hazard areas as the import receives it. Seeds in HazardAreaGeoPackageFuzzTestsInputs. */
class HazardAreaGeoPackageFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aFileIsReadOrRefused(byte[] input) {
        answersOrRefuses(() -> HazardAreaFiles.readAll("areas.gpkg", input));
    }
}
