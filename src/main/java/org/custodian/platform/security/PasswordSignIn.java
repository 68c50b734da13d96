package org.custodian.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (the sign-in form and HTTP Basic), under the {@link LoginThrottle}: an
 * attempt it refuses is not checked at all, a wrong password counts against the address and the account
 * and is recorded for the account's owner ({@link SignInHistory}). Names and passwords longer than any that
 * can exist are refused as wrong before anything is looked up or kept.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    /** The longest username an account may have (the column's width). */
    static final int LONGEST_USERNAME = 64;
    /** bcrypt reads no further than 72 bytes; a longer password cannot be anyone's. */
    static final int LONGEST_PASSWORD_BYTES = 72;
    /** Addresses are kept at most this long (an IPv6 address with a zone fits). */
    private static final int LONGEST_ADDRESS = 64;

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SignInHistory history;

    PasswordSignIn(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle, SignInHistory history) {
        this.passwords = new DaoAuthenticationProvider(new AccountDetails(accounts));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.history = history;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = address(attempt);
        Object credentials = attempt.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (username.length() > LONGEST_USERNAME
                || password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
            throttle.failed("", address);
            throw new BadCredentialsException("wrong username or password");
        }
        Duration wait = throttle.refusedFor(username, address);
        if (!wait.isZero()) {
            throw new SignInThrottled(wait);
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return signedIn;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            history.failed(username, address);
            throw new BadCredentialsException("wrong username or password", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
        return address.length() > LONGEST_ADDRESS ? address.substring(0, LONGEST_ADDRESS) : address;
    }
}
