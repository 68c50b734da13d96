package org.custodian.platform;

/**
 * A request that breaks a rule of the domain (a settlement outside its region, a figure below zero). Becomes
 * a 422 problem naming the field, in English; a page shows the {@link #reason()} in its own language. Thrown
 * before anything is written.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT)
public class RuleViolated extends RuntimeException {

    private final String field;
    private final Reason reason;

    public RuleViolated(String field, Refusal refusal, Object... arguments) {
        this(field, Reason.of(refusal, arguments));
    }

    public RuleViolated(String field, Reason reason) {
        super(reason.english());
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
