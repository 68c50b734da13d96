package org.custodian.platform.figures;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    MEASURE_LOWER_CASE_NAME_SUCH,
    REPORTED_FIGURE_CANNOT_NEGATIVE,
    COUNTED_WHOLE_NUMBERS,
    REPORT_DATED_FUTURE,
    NO_REPORTED_FIGURE
}
