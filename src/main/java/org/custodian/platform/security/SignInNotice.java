package org.custodian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.custodian.platform.Callers;
import org.custodian.platform.ViewerZone;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the failed sign-ins found at sign-in on the first page after it ({@code signInNotice} in the model,
 * shown by the page header): the count, the last attempt's address and time. Shown once per sign-in.
 */
@ControllerAdvice(annotations = Controller.class)
class SignInNotice {

    private final Callers callers;
    private final ObjectProvider<ViewerZone> zones;

    SignInNotice(Callers callers, ObjectProvider<ViewerZone> zones) {
        this.callers = callers;
        this.zones = zones;
    }

    @ModelAttribute("signInNotice")
    @Nullable
    List<Object> notice(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        // API calls from a page do not count as showing it.
        if (session == null
                || SecurityConfiguration.MACHINE_CLIENTS.matches(request)
                || session.getAttribute(FormSignIn.UNSHOWN) == null
                || !(session.getAttribute(FormSignIn.FAILURES) instanceof SignInHistory.FailedSignIns failures)) {
            return null;
        }
        session.removeAttribute(FormSignIn.UNSHOWN);
        return List.of(
                failures.count(),
                failures.lastFrom() == null ? "?" : failures.lastFrom(),
                failures.lastAt() == null ? "?" : when(failures.lastAt()));
    }

    /** In the zone of the person's regions, with the zone named. */
    private String when(Instant at) {
        ViewerZone viewer = zones.getIfAvailable();
        ZoneId zone = viewer == null ? ZoneOffset.UTC : viewer.of(callers.current());
        return ViewerZone.named(at, zone);
    }
}
