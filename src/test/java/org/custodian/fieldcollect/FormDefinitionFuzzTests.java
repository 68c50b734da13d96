package org.custodian.fieldcollect;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** An XForm definition as an administrator uploads it. Seeds in FormDefinitionFuzzTestsInputs. */
class FormDefinitionFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aFormIsReadOrRefused(byte[] input) {
        answersOrRefuses(() -> FormDefinition.read("form.xml", input));
    }
}
