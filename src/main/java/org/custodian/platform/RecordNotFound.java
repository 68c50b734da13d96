package org.custodian.platform;

/**
 * No such record, or none the caller may see: the two are deliberately indistinguishable. Becomes a 404
 * problem in English; a page shows the {@link #reason()} in its own language.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class RecordNotFound extends RuntimeException {

    private final Reason reason;

    /** {@code none} says there is no such record, naming it by {@code {0}}, the {@code id}. */
    public RecordNotFound(Refusal none, Object id) {
        this(Reason.of(none, id));
    }

    public RecordNotFound(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
