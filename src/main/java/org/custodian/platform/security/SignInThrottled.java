package org.custodian.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A password attempt refused unchecked, because too many failed lately; says when to try again. */
class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins from this address or for this account; try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, as the Retry-After header gives them. */
    long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }
}
