package org.custodian.alerts.sms;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    CONSENT_CANNOT_DATED_FUTURE,
    SETTLEMENT_NOT_IN_REGION,
    GIVE_HOME_SETTLEMENT_POINT,
    NUMBER_ALREADY_REGISTERED,
    PAGE_STARTS_0,
    SUBSCRIBER_ERASED,
    NO_SUBSCRIBER,
    LANGUAGE_MUST_AZ_HY_RU,
    CONSENT_CHANNEL_MUST_FORM_SMS,
    GIVE_PHONE_NUMBER_INTERNATIONAL_FORM,
    NOT_A_VALID_PHONE_NUMBER,
    NOT_A_PHONE_NUMBER,
    NO_ALERT,
    WHAT_SUBSCRIBER_HOME
}
