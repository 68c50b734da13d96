package org.custodian.humanitarian;

import java.util.Arrays;
import java.util.Locale;
import org.custodian.platform.RuleViolated;

/** Codes sent as text (a status, a unit), refused with the codes allowed when unknown. */
final class Codes {

    private Codes() {}

    static <E extends Enum<E>> E of(String field, Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new RuleViolated(
                    field,
                    Refusals.NO_SUCH_CODE,
                    field,
                    code,
                    String.join(
                            ", ",
                            Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .toList()));
        }
    }
}
