package org.custodian.fieldcollect;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A filled form's XML as ODK Collect sends it. Seeds in SubmissionFuzzTestsInputs. */
class SubmissionFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aSubmissionIsReadOrRefused(byte[] input) {
        answersOrRefuses(() -> SubmittedInstance.parse(input, 1_000_000));
    }
}
