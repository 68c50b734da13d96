package org.custodian.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one username within the
 * window, that username is refused for the rest of the window, right password or not. Kept in memory: a
 * restart forgives, which is acceptable for one node and keeps the database out of the login path.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant firstAt) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String username) {
        Failures f = failures.get(key(username));
        if (f == null) {
            return false;
        }
        if (f.firstAt().plus(WINDOW).isBefore(clock.instant())) {
            failures.remove(key(username), f);
            return false;
        }
        return f.count() >= MAX_FAILURES;
    }

    void failed(String username) {
        Instant now = clock.instant();
        failures.merge(
                key(username),
                new Failures(1, now),
                (old, one) ->
                        old.firstAt().plus(WINDOW).isBefore(now) ? one : new Failures(old.count() + 1, old.firstAt()));
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String key(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
