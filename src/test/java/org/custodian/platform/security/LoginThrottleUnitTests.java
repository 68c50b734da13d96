package org.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
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

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }

    @Test
    void oneAddressGuessingOneAccountWaitsLongerAfterEachFailure() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
            throttle.failed("Officer", "10.0.0.9");
        }
        assertThat(throttle.refusedFor("officer", "10.0.0.9")).isZero();
        throttle.failed("officer", "10.0.0.9");
        assertThat(throttle.refusedFor("OFFICER", "10.0.0.9")).isEqualTo(LoginThrottle.FIRST_DELAY);

        clock.now = clock.now.plus(LoginThrottle.FIRST_DELAY);
        assertThat(throttle.refusedFor("officer", "10.0.0.9")).isZero();
        throttle.failed("officer", "10.0.0.9");
        assertThat(throttle.refusedFor("officer", "10.0.0.9")).isEqualTo(LoginThrottle.FIRST_DELAY.multipliedBy(2));

        for (int i = 0; i < 20; i++) {
            throttle.failed("officer", "10.0.0.9");
        }
        assertThat(throttle.refusedFor("officer", "10.0.0.9")).isEqualTo(LoginThrottle.LONGEST_DELAY);
    }

    /** The attacker's failures do not lock the owner out: the owner signs in from an address of their own. */
    @Test
    void failuresFromOneAddressDoNotRefuseTheAccountElsewhere() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS + 3; i++) {
            throttle.failed("admin", "203.0.113.7");
        }
        assertThat(throttle.refusedFor("admin", "203.0.113.7")).isPositive();
        assertThat(throttle.refusedFor("admin", "10.1.1.1")).isZero();
    }

    @Test
    void anAddressSprayingManyAccountsIsRefusedForEveryAccount() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "198.51.100.4");
        }
        assertThat(throttle.refusedFor("someone-else", "198.51.100.4")).isPositive();
        assertThat(throttle.refusedFor("someone-else", "198.51.100.5")).isZero();
    }

    /** Guessing spread over many addresses: new addresses wait; the owner's usual address does not. */
    @Test
    void anAccountGuessedFromEverywhereStillLetsItsOwnerInFromTheirUsualAddress() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        throttle.succeeded("director", "10.2.2.2");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed("director", "192.0.2." + i);
        }
        assertThat(throttle.refusedFor("director", "192.0.2.200")).isPositive();
        assertThat(throttle.refusedFor("director", "10.2.2.2")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS + 5; i++) {
            throttle.failed("user" + i, "198.51.100.4");
        }
        clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER).plus(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("user", "198.51.100.4")).isZero();
        assertThat(throttle.tracked()).isZero();
    }

    @Test
    void aSuccessfulSignInForgivesTheOwnersTypingAtThatAddress() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
            throttle.failed("director", "10.2.2.2");
        }
        throttle.succeeded("director", "10.2.2.2");
        throttle.failed("director", "10.2.2.2");
        assertThat(throttle.refusedFor("director", "10.2.2.2")).isZero();
    }

    /**
     * A flood of distinct, huge usernames keeps neither the names (only fixed-size hashes) nor more than a
     * bounded number of keys: 60 names of a million characters each were kept whole, 60 MB and more.
     */
    @Test
    void aFloodOfLongDistinctUsernamesKeepsLittleMemory() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        long before = usedAfterGc();
        for (int i = 0; i < 60; i++) {
            throttle.failed(Character.toString('a' + i % 26).repeat(1_000_000) + i, "198.51.100." + i);
        }
        assertThat(usedAfterGc() - before).isLessThan(20_000_000L);

        for (int i = 0; i < LoginThrottle.MOST_TRACKED + 5_000; i++) {
            throttle.failed("name" + i, "198.51.100.9");
        }
        // Three tallies of failures (address, account and address, account) and the known addresses.
        assertThat(throttle.tracked()).isLessThanOrEqualTo(3L * LoginThrottle.MOST_TRACKED + 1);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
