package org.custodian.civil;

import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;

/** A code sent as text (a status, a service, a unit) read into its enum, or refused naming those allowed. */
final class Codes {

    private Codes() {}

    static <E extends Enum<E>> E read(String field, Class<E> type, @Nullable String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(code)) {
                return value;
            }
        }
        throw new RuleViolated(
                field,
                Refusals.UNKNOWN_CODE,
                field,
                text,
                EnumSet.allOf(type).stream().map(Enum::name).collect(Collectors.joining(" / ")));
    }

    static String required(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            throw new RuleViolated(field, Refusals.IS_MISSING, field);
        }
        if (text.strip().length() > max) {
            throw new RuleViolated(field, Refusals.LONGER_THAN, field, max);
        }
        return text.strip();
    }

    /** Optional text: stripped, refused when too long. */
    static String limited(String field, String text, int max) {
        if (text.strip().length() > max) {
            throw new RuleViolated(field, Refusals.LONGER_THAN, field, max);
        }
        return text.strip();
    }
}
