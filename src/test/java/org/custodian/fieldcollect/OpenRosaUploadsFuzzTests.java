package org.custodian.fieldcollect;

import static org.custodian.OutsideInput.answersOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A submission's multipart body as a device sends it, taken apart by {@link OpenRosaUploads}: whatever the bytes,
 * its parts or nothing (which the controller answers with a 400), never an exception.
 */
class OpenRosaUploadsFuzzTests {

    @FuzzTest(maxDuration = "15s")
    void aBodyIsTakenApartOrLeftWhole(byte[] input) {
        answersOrRefuses(() -> OpenRosaUploads.parts(new MockHttpServletRequest(), input, "boundary"));
    }
}
