package org.custodian.alerts.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.custodian.platform.RuleViolated;

/** Subscribers' numbers: validated with libphonenumber and written in E.164 (+994501234567). */
final class PhoneNumbers {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * The number in E.164, read in international form or, without a leading +, as an Azerbaijani number.
     *
     * @throws RuleViolated naming {@code field} when it is not a valid number
     */
    static String e164(String field, String typed) {
        String text = typed.strip();
        if (text.isEmpty() || text.length() > 32) {
            throw new RuleViolated(field, Refusals.GIVE_PHONE_NUMBER_INTERNATIONAL_FORM);
        }
        try {
            PhoneNumber number = NUMBERS.parse(text, "AZ");
            if (!NUMBERS.isValidNumber(number)) {
                throw new RuleViolated(field, Refusals.NOT_A_VALID_PHONE_NUMBER, text);
            }
            return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new RuleViolated(field, Refusals.NOT_A_PHONE_NUMBER, text);
        }
    }

    /** The number as an SMSC reports a sender (digits, maybe without +), in E.164, or null if unreadable. */
    static @org.jspecify.annotations.Nullable String fromSmsc(String address) {
        String text = address.strip();
        try {
            PhoneNumber number = NUMBERS.parse(text.startsWith("+") ? text : "+" + text, "AZ");
            return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Shown to those who may not read numbers: the country code and the last two digits. */
    static String masked(String e164) {
        try {
            PhoneNumber number = NUMBERS.parse(e164, "AZ");
            String national = NUMBERS.getNationalSignificantNumber(number);
            String tail = national.length() > 2 ? national.substring(national.length() - 2) : "";
            return "+" + number.getCountryCode() + " " + "•".repeat(Math.max(0, national.length() - 2)) + tail;
        } catch (NumberParseException e) {
            return "•••";
        }
    }
}
