package org.custodian.platform;

/**
 * A request that breaks a rule of the domain (a settlement outside its region, a figure below zero). Becomes
 * a 422 problem naming the field; thrown before anything is written.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT)
public class RuleViolated extends RuntimeException {

    private final String field;

    public RuleViolated(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
