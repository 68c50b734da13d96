package org.custodian.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A write without its CSRF token is almost always a form left open past its session, not a matter of
 * rights: say so. Pages get the error page with that sentence ({@code formExpired}), programs a problem.
 */
final class ExpiredForms {

    static final String DETAIL = "the form expired or did not come from this site: reload the page and try again";

    private ExpiredForms() {}

    static boolean expired(AccessDeniedException e) {
        return e instanceof CsrfException;
    }

    /** For pages: the error page, saying the form expired when that is the reason. */
    static AccessDeniedHandler pages() {
        AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
            if (expired(e)) {
                request.setAttribute("formExpired", true);
            }
            try {
                errorPage.handle(request, response, e);
            } catch (ServletException failed) {
                throw new IOException(failed);
            }
        };
    }
}
