package org.custodian.platform.web;

import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the API as an RFC 9457 problem: a status, a title, a detail in plain words and, where a
 * field is at fault, {@code errors: [{field, reason}]}. Unexpected failures are logged and answered with a
 * 500 that reveals nothing internal.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends FrameworkProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(GeometryRejected.class)
    ProblemDetail geometry(GeometryRejected e) {
        return geometryProblem(e);
    }

    @ExceptionHandler(RuleViolated.class)
    ProblemDetail rule(RuleViolated e) {
        return ruleProblem(e);
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail parameter(InvalidParameter e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", e.parameter() + ": " + e.getMessage());
        p.setProperty("errors", List.of(fieldError(e.parameter(), e.getMessage())));
        return p;
    }

    @ExceptionHandler(ConflictWithState.class)
    ProblemDetail conflict(ConflictWithState e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, OptimisticLockException.class})
    ProblemDetail stale(Exception e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "the record was changed by someone else; reload and retry");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.debug("integrity violation", e);
        return problem(
                HttpStatus.CONFLICT,
                "Conflict",
                "the change conflicts with other records (a duplicate, or a record still referred to)");
    }

    /** A lock wait that timed out or a deadlock: another request held the same rows; trying again may pass. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ProblemDetail locked(org.springframework.dao.PessimisticLockingFailureException e) {
        log.debug("lock not acquired", e);
        return problem(HttpStatus.CONFLICT, "Conflict", "the records were being changed by another request; retry");
    }

    @ExceptionHandler(RecordNotFound.class)
    ProblemDetail notFound(RecordNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        // Spring Security's own denials say only "Access Denied"; the modules' say why.
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "your role or scope does not allow this"
                : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Authentication required", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return parameterMismatch(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletResponse response) {
        if (bodyTooLarge(e) != null) {
            return tooLargeProblem(bodyTooLarge(e));
        }
        if (Unavailable.databaseUnreachable(e)) {
            log.warn("the database cannot be reached: {}", e.getMessage());
            response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS);
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    org.custodian.platform.Reason.of(Refusals.DATABASE_UNREACHABLE)
                            .english());
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed; it has been logged");
    }
}
