package org.custodian.platform.web;

import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem: a status, a title, a detail in plain words and, where a
 * field is at fault, {@code errors: [{field, reason}]}. Unexpected failures are logged and answered with a
 * 500 that reveals nothing internal.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(GeometryRejected.class)
    ProblemDetail geometry(GeometryRejected e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid geometry", e.field() + ": " + e.reason());
        p.setProperty("errors", List.of(fieldError(e.field(), e.reason())));
        if (e.location() != null) {
            p.setProperty("location", List.of(e.location().x, e.location().y));
        }
        return p;
    }

    @ExceptionHandler(RuleViolated.class)
    ProblemDetail rule(RuleViolated e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return p;
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
        String reason = "'" + e.getValue() + "' is not a valid value";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", e.getName() + ": " + reason);
        p.setProperty("errors", List.of(fieldError(e.getName(), reason)));
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed; it has been logged");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GeometryRejected g) {
                return ResponseEntity.unprocessableContent().body(geometry(g));
            }
            // A value object that checks itself while the body is read (casualties below zero).
            if (t instanceof RuleViolated r) {
                return ResponseEntity.unprocessableContent().body(rule(r));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException u) {
                String field = u.getPropertyName();
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", field + ": unknown field");
                p.setProperty("errors", List.of(fieldError(field, "unknown field")));
                return ResponseEntity.badRequest().body(p);
            }
            if (t instanceof tools.jackson.databind.DatabindException d
                    && !d.getPath().isEmpty()) {
                String field = d.getPath().stream()
                        .map(r -> r.getPropertyName() == null ? "[" + r.getIndex() + "]" : r.getPropertyName())
                        .reduce((a, b) -> a + "." + b)
                        .orElse("body");
                String reason = d.getOriginalMessage() == null ? "invalid value" : firstLine(d.getOriginalMessage());
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", field + ": " + reason);
                p.setProperty("errors", List.of(fieldError(field, reason)));
                return ResponseEntity.badRequest().body(p);
            }
        }
        String reason = e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Bad request",
                        "the body is not valid JSON for this request: " + firstLine(String.valueOf(reason))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> fieldError(f.getField(), reason(f)))
                .toList();
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                errors.stream()
                        .map(m -> m.get("field") + ": " + m.get("reason"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid request"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Bad request", firstLine(String.valueOf(e.getMessage()))));
    }

    private static String reason(FieldError f) {
        return f.getDefaultMessage() == null ? "invalid value" : f.getDefaultMessage();
    }

    private static Map<String, String> fieldError(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
