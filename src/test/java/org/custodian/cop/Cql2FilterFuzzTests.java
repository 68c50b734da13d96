package org.custodian.cop;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A CQL2 filter of the OGC API, in text (with its WKT geometries) or JSON, the first byte choosing which.
 * Seeds in Cql2FilterFuzzTestsInputs.
 */
class Cql2FilterFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aFilterIsReadOrRefused(FuzzedDataProvider data) {
        boolean json = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        answersOrRefuses(
                () -> (json ? Cql2Json.parse(text) : Cql2Text.parse(text)).toString(), Cql2Text.Cql2Refused.class);
    }
}
