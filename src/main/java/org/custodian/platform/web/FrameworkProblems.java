package org.custodian.platform.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The framework's own refusals (a body that does not read, a wrong method, a type, an upload too large,
 * a field that fails validation) as problems in the product's words: what is wrong with which field and,
 * for a choice, the allowed values; never a Java type, a library name or a setting.
 */
abstract class FrameworkProblems extends ResponseEntityExceptionHandler {

    @Value("${spring.servlet.multipart.max-file-size:1MB}")
    private DataSize maxFileSize;

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimit.@Nullable BodyTooLarge tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLargeProblem(tooLarge));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GeometryRejected g) {
                return ResponseEntity.unprocessableContent().body(geometryProblem(g));
            }
            // A value object that checks itself while the body is read (casualties below zero).
            if (t instanceof RuleViolated r) {
                return ResponseEntity.unprocessableContent().body(ruleProblem(r));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                String field = d.getPath().stream()
                        .map(r -> r.getPropertyName() == null ? "[" + r.getIndex() + "]" : r.getPropertyName())
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                String reason = reason(d);
                ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", field + ": " + reason);
                p.setProperty("errors", List.of(fieldError(field, reason)));
                return ResponseEntity.badRequest().body(p);
            }
            if (t instanceof ValueInstantiationException v
                    && v.getCause() instanceof IllegalArgumentException a
                    && a.getMessage() != null) {
                // The body as a whole refused by its own constructor ("type" must be "Feature").
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request", a.getMessage()));
            }
            if (t instanceof StreamReadException r) {
                String where = r.getLocation() == null
                        ? ""
                        : " (line " + r.getLocation().getLineNr() + ", column "
                                + r.getLocation().getColumnNr() + ")";
                return ResponseEntity.badRequest()
                        .body(problem(HttpStatus.BAD_REQUEST, "Bad request", "the body is not valid JSON" + where));
            }
            if (t instanceof MismatchedInputException m) {
                return ResponseEntity.badRequest()
                        .body(problem(
                                HttpStatus.BAD_REQUEST,
                                "Bad request",
                                m.getTargetType() == null
                                        ? "the body is empty or not what this request takes"
                                        : "the body must be " + describe(m.getTargetType())));
            }
        }
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Bad request", "the request needs a JSON body"));
    }

    /** The reason a value at a path was refused, in words. */
    private static String reason(DatabindException d) {
        if (d instanceof PlainTextJson.TextRefused) {
            return d.getOriginalMessage();
        }
        if (d instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (d instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not " + describe(f.getTargetType());
        }
        if (d instanceof InvalidNullException) {
            return "a value is required";
        }
        if (d instanceof ValueInstantiationException v
                && v.getCause() instanceof IllegalArgumentException a
                && a.getMessage() != null) {
            return a.getMessage();
        }
        if (d instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + describe(m.getTargetType());
        }
        return "not a valid value here";
    }

    /** A type as a person filling the field thinks of it; for a choice, the choices. */
    static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == float.class
                || type == Double.class
                || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time with its offset (such as 2024-05-01T10:00:00Z)";
        }
        if (type == LocalDateTime.class) {
            return "a date and time (such as 2024-05-01T10:00:00)";
        }
        if (type == LocalTime.class) {
            return "a time of day (such as 10:00)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (org.locationtech.jts.geom.Geometry.class.isAssignableFrom(type)) {
            return "a GeoJSON geometry";
        }
        return "an object";
    }

    /** A query or path parameter that is not of its type. */
    static ProblemDetail parameterMismatch(TypeMismatchException e) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        if (e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
            name = m.getName();
        }
        String reason = e.getMostSpecificCause() instanceof PlainTextForms.TextRefused refused
                ? refused.getMessage()
                : "'" + e.getValue() + "' is not " + describe(e.getRequiredType());
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", name + ": " + reason);
        p.setProperty("errors", List.of(fieldError(name, reason)));
        return p;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(parameterMismatch(e));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldsProblem(e.getBindingResult().getFieldErrors().stream()
                .map(f -> fieldError(f.getField(), reason(f)))
                .toList());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldsProblem(e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(error -> fieldError(
                                String.valueOf(r.getMethodParameter().getParameterName()),
                                error.getDefaultMessage() == null ? "not a valid value" : error.getDefaultMessage())))
                .toList());
    }

    /** A 400 listing each field at fault with its reason, the detail joining them. */
    private static ResponseEntity<Object> fieldsProblem(List<Map<String, String>> errors) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                errors.stream()
                        .map(m -> m.get("field") + ": " + m.get("reason"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("the request is not valid"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = e.getSupportedMethods() == null
                ? ""
                : "; this address takes " + String.join(", ", e.getSupportedMethods());
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .body(problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "Method not allowed",
                        e.getMethod() + " is not accepted here" + allowed));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() == null
                ? "no content type"
                : e.getContentType().toString();
        String takes = e.getSupportedMediaTypes().isEmpty()
                ? ""
                : "; it takes "
                        + e.getSupportedMediaTypes().stream()
                                .map(Object::toString)
                                .distinct()
                                .collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .headers(headers)
                .body(problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported media type",
                        "this request does not take " + sent + takes));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return complete(problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Upload too large",
                "the upload is larger than the " + RequestBodyLimit.inWords(maxFileSize) + " accepted for a file"));
    }

    /** An upload the server could not take apart: a file name with a NUL in it, or a cut-off body. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableUpload(MultipartException e) {
        String detail = e.getMostSpecificCause() instanceof InvalidFileNameException
                ? "a file name holds a character that is not accepted (a NUL); rename the file and send it again"
                : "the upload could not be read as multipart/form-data";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
        p.setProperty("errors", List.of(fieldError("file", detail)));
        return complete(p);
    }

    /**
     * The problem as bytes with their length. An upload refused part-way has not been read to its end,
     * and the server closes the connection after answering: a response of known length arrives whole,
     * where a chunked one could be cut off.
     */
    private ResponseEntity<Object> complete(ProblemDetail p) {
        byte[] body = JSON.writeValueAsBytes(p);
        return ResponseEntity.status(p.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .contentLength(body.length)
                .header(HttpHeaders.CONNECTION, "close")
                .body(body);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A person who followed a wrong link sees the error page in their language, not a problem document.
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                && servlet.getResponse() != null
                && wantsPage(servlet.getRequest())) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
            } catch (java.io.IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
            return null;
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Not found", "there is nothing at /" + e.getResourcePath()));
    }

    /** Every other refusal of the framework keeps its status, with a detail of our own. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail p) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String phrase = known == null ? "Error" : known.getReasonPhrase();
            p.setType(URI.create("about:blank"));
            p.setTitle(phrase);
            if (p.getDetail() == null || mentionsInternals(p.getDetail())) {
                p.setDetail(phrase.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** A browser asking for a page: not a program's path, and HTML accepted. */
    private static boolean wantsPage(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains("text/html")
                && !path.startsWith("/api/")
                && !path.startsWith("/ogc")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator");
    }

    private static boolean mentionsInternals(String detail) {
        return detail.contains("java") || detail.contains("Exception") || detail.contains("org.");
    }

    static RequestBodyLimit.@Nullable BodyTooLarge bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.BodyTooLarge b) {
                return b;
            }
        }
        return null;
    }

    static ProblemDetail tooLargeProblem(RequestBodyLimit.BodyTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", e.getMessage());
    }

    static ProblemDetail geometryProblem(GeometryRejected e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid geometry", e.field() + ": " + e.reason());
        p.setProperty("errors", List.of(fieldError(e.field(), e.reason())));
        if (e.location() != null) {
            p.setProperty("location", List.of(e.location().x, e.location().y));
        }
        return p;
    }

    static ProblemDetail ruleProblem(RuleViolated e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", e.field() + ": " + e.getMessage());
        p.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return p;
    }

    private static String reason(FieldError f) {
        if (f.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = f.unwrap(TypeMismatchException.class);
            return mismatch.getMostSpecificCause() instanceof PlainTextForms.TextRefused refused
                    ? refused.getMessage()
                    : "not " + describe(mismatch.getRequiredType());
        }
        return f.getDefaultMessage() == null ? "not a valid value" : f.getDefaultMessage();
    }

    static Map<String, String> fieldError(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
