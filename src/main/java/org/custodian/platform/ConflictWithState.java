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
}
