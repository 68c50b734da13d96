package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleUnitTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAfterFiveFailuresUntilTheWindowPasses() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("Officer");
        }
        assertThat(throttle.blocked("officer")).isFalse();
        throttle.failed("officer");
        assertThat(throttle.blocked("OFFICER")).isTrue();
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("officer")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < 4; i++) {
            throttle.failed("director");
        }
        throttle.succeeded("director");
        throttle.failed("director");
        assertThat(throttle.blocked("director")).isFalse();
    }
}
