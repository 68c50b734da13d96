package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.custodian.platform.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An upload is refused with 503 before a byte of it is read while the attachments folder cannot take it (full
 * below its floor, not writable, missing): nothing half-received is left, no record names a file it lacks.
 * It runs before sign-in checks, because reading a page form's CSRF token already receives the upload.
 */
@Component
@Order(-101)
class UploadsReceived extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadsReceived.class);

    private final AttachmentsFolder folder;
    private final LocaleResolver languages;

    UploadsReceived(AttachmentsFolder folder, LocaleResolver languages) {
        this.folder = folder;
        this.languages = languages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> fault = folder.fault();
        if (fault.isPresent()) {
            log.warn("an upload to {} was refused: {}", request.getRequestURI(), fault.get());
            // The unread body would otherwise be drained or mistaken for the next request.
            response.setHeader("Connection", "close");
            Unavailable.answer(request, response, Reason.of(Refusals.UPLOADS_NOT_RECEIVED), languages);
            return;
        }
        chain.doFilter(request, response);
    }
}
