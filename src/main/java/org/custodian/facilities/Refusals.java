package org.custodian.facilities;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    NO_FACILITY,
    FACILITY_CHANGED,
    FACILITY_NEEDS_NAME,
    INSPECTION_DATED_FUTURE,
    FACILITY_ALREADY,
    INSPECTION_RECORDS_FINDINGS,
    ASSIGNMENT_ENDS_BEFORE_STARTS,
    WHAT_FACILITY,
    FACILITY_IN_OTHER_REGION
}
