package org.custodian.platform;

/**
 * A request that conflicts with the current state of the records (a second active administration in a
 * region, a stale version). Becomes a 409 problem in English; a page shows the {@link #reason()} in its own
 * language.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictWithState extends RuntimeException {

    private final Reason reason;

    public ConflictWithState(Refusal refusal, Object... arguments) {
        this(Reason.of(refusal, arguments));
    }

    public ConflictWithState(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Refuses a change made to another version of a record than the one kept now ({@code actual});
     * {@code changed} names the record by {@code record} and the version now kept by {@code {1}}.
     */
    public static void requireVersion(Refusal changed, Object record, long actual, long seen) {
        if (actual != seen) {
            throw new ConflictWithState(changed, record, actual);
        }
    }
}
