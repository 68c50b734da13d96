package org.custodian.platform.security;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    NAME_TOKEN_AFTER_TOOL_WILL,
    EXPIRY_MUST_FUTURE,
    NO_USER,
    NO_TOKEN,
    PASSWORD_NEEDS_LEAST_CHARACTERS,
    PASSWORD_MAY_MOST_BYTES_72,
    PASSWORD_TOO_EASY_GUESS_COMMON,
    GIVE_PERSON_S_NAME_ROLE,
    USERNAME_1_64_LOWER_CASE,
    USERNAME_TAKEN,
    FIRST_ADMINISTRATOR_KEEPS_ADMIN_ROLE,
    GIVE_PERSON_S_NAME,
    NAME_MOST_200_CHARACTERS
}
