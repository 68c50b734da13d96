package org.custodian.platform;

/**
 * No such record, or none the caller may see: the two are deliberately indistinguishable. Becomes a 404
 * problem.
 */
// Pages get the status too (REST answers get problem details from ProblemAdvice).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String kind, Object id) {
        super("no " + kind + " " + id);
    }
}
