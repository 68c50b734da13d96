package org.custodian.platform;

/**
 * A request that conflicts with the current state of the records (a second active administration in a
 * region, a stale version). Becomes a 409 problem.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictWithState extends RuntimeException {

    public ConflictWithState(String message) {
        super(message);
    }

    /** Refuses a change made to another version of {@code record} than the one kept now ({@code actual}). */
    public static void requireVersion(String record, long actual, long seen) {
        if (actual != seen) {
            throw new ConflictWithState(
                    record + " was changed by someone else (now version " + actual + "); reload and retry");
        }
    }
}
