package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.custodian.platform.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A request that fails because the database cannot be reached is answered 503 with a Retry-After, as a problem
 * for programs and a short page in the page's language for people, never a stack trace. It runs before
 * anything that reads the database (the signed-in session, the account), so those failures are answered too;
 * once the database is back the next request simply succeeds, as the connection pool opens new connections.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Unavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final LocaleResolver languages;

    Unavailable(LocaleResolver languages) {
        this.languages = languages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("the database cannot be reached: {}", e.getMessage());
            response.reset();
            answer(request, response, Reason.of(Refusals.DATABASE_UNREACHABLE), languages);
        }
    }

    /** The failure, or one of its causes, is a connection to the database that could not be had or broke. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // A transaction that could not even be rolled back: its connection broke under it (the pool's closed
            // connection says so with no SQLSTATE, and the rollback's failure hides the one that caused it).
            if (t instanceof org.hibernate.TransactionException
                    || t instanceof org.springframework.transaction.TransactionSystemException) {
                return true;
            }
            // SQLSTATE class 08: connection exception.
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** 503 with the reason: a problem in English for programs, a page in the person's language otherwise. */
    static void answer(
            HttpServletRequest request, HttpServletResponse response, Reason reason, LocaleResolver languages)
            throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsPage(request)) {
            Locale language = languages.resolveLocale(request);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>503</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                            + "/css/custodian.css\"></head><body><main class=\"page\"><section class=\"card\"><h1>503</h1>"
                            + "<p class=\"error\">" + HtmlUtils.htmlEscape(reason.in(language)) + "</p>"
                            + "</section></main></body></html>");
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(JSON.writeValueAsString(FrameworkProblems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", reason.english())));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** A browser asking for a page: HTML accepted and not a program's path. */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html") && !isForPrograms(request);
    }

    private static boolean isForPrograms(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.startsWith("/ogc")
                || path.startsWith("/tiles/")
                || path.startsWith("/openrosa")
                || path.startsWith("/v3/")
                || path.startsWith("/actuator");
    }
}
