package org.custodian.platform;

/**
 * A query parameter that is unknown or malformed. Becomes a 400 problem naming the parameter, in English; a
 * page shows the {@link #reason()} in its own language.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final Reason reason;

    public InvalidParameter(String parameter, Refusal refusal, Object... arguments) {
        this(parameter, Reason.of(refusal, arguments));
    }

    public InvalidParameter(String parameter, Reason reason) {
        super(reason.english());
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public Reason reason() {
        return reason;
    }
}
