package org.custodian.fieldcollect;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every OpenRosa response, errors and authentication challenges included, says {@code X-OpenRosa-Version:
 * 1.0} and how large a submission may be; a submission announced larger than that is refused with 413
 * before it is read, ahead of authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OpenRosaHeaders extends OncePerRequestFilter {

    static final String VERSION = "X-OpenRosa-Version";
    static final String ACCEPT_LENGTH = "X-OpenRosa-Accept-Content-Length";

    private final FieldCollection collection;

    OpenRosaHeaders(FieldCollection collection) {
        this.collection = collection;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/openrosa/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(VERSION, "1.0");
        response.setHeader(ACCEPT_LENGTH, Long.toString(collection.maxBytes()));
        response.setDateHeader("Date", System.currentTimeMillis());
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > collection.maxBytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Connection", "close");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Submission too large\",\"status\":413,"
                            + "\"detail\":\"the submission is larger than the " + collection.maxBytes()
                            + " bytes accepted; send its files in several POSTs\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
