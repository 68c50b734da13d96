package org.custodian.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What the sign-in form does after the password check. A sign-in takes the failed attempts against the
 * account since the last one and keeps them in the session, for the next page and {@code /api/users/me} to
 * tell the owner. A refusal goes back to the form: {@code ?error} for a wrong name or password, {@code
 * ?throttled=N} (minutes to wait) when too many attempts failed lately.
 */
final class FormSignIn {

    /** The session attribute holding the {@link SignInHistory.FailedSignIns} found at sign-in. */
    static final String FAILURES = FormSignIn.class.getName() + ".failures";
    /** Set while the failures have not yet been shown on a page. */
    static final String UNSHOWN = FormSignIn.class.getName() + ".unshown";

    private FormSignIn() {}

    static SavedRequestAwareAuthenticationSuccessHandler succeeded(SignInHistory history) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                history.signedIn(authentication.getName()).ifPresent(failures -> {
                    request.getSession().setAttribute(FAILURES, failures);
                    request.getSession().setAttribute(UNSHOWN, Boolean.TRUE);
                });
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    static AuthenticationFailureHandler failed() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                long minutes = (throttled.retryAfterSeconds() + 59) / 60;
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }
}
