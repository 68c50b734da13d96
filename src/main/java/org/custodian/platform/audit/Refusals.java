package org.custodian.platform.audit;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    LIMIT_BETWEEN_1_AND_1000
}
