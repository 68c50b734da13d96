package org.custodian;

import java.util.List;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RuleViolated;

/**
 * The property every fuzz test holds a parser of outside input to: whatever the bytes, it answers or refuses
 * with one of the product's refusals (which the API turns into a 4xx problem); any other exception, which
 * would be a 500, fails. Hangs and runaway memory are Jazzer's to catch (its time limit per input, the
 * fork's heap).
 */
public final class OutsideInput {

    private static final List<Class<? extends RuntimeException>> REFUSALS =
            List.of(RuleViolated.class, GeometryRejected.class, InvalidParameter.class);

    private OutsideInput() {}

    /** Runs {@code parse}; a refusal of the product, or of one of {@code alsoRefusals}, passes. */
    @SafeVarargs
    public static void answersOrRefuses(Runnable parse, Class<? extends RuntimeException>... alsoRefusals) {
        try {
            parse.run();
        } catch (RuntimeException e) {
            if (REFUSALS.stream().anyMatch(r -> r.isInstance(e))) {
                return;
            }
            for (Class<? extends RuntimeException> r : alsoRefusals) {
                if (r.isInstance(e)) {
                    return;
                }
            }
            throw new AssertionError("outside input got " + e + " instead of a refusal", e);
        }
    }
}
