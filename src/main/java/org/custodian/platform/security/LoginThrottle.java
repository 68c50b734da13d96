package org.custodian.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock an account's owner out. Failed passwords are counted
 * three ways, and after a few free ones each further failure doubles the wait before the next attempt of
 * that kind is even checked (from {@link #FIRST_DELAY} up to {@link #LONGEST_DELAY}):
 *
 * <ul>
 *   <li>per client address, whatever the account: stops a sprayer trying many accounts;
 *   <li>per account and address: stops one address guessing one account;
 *   <li>per account from everywhere: stops guessing spread over many addresses, but only for addresses that
 *       have not signed in to the account lately, so the owner at their usual address still gets in.
 * </ul>
 *
 * Kept in memory, bounded in size, keyed by a hash of the username (never the name itself, which may be
 * megabytes long), and forgotten after {@link #FORGET_AFTER} without failures: a restart forgives, which
 * is acceptable because the waits are minutes, and it keeps the database out of the path of every guess.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES_PER_ADDRESS = 10;
    static final int FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FREE_FAILURES_PER_ACCOUNT = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** How long an address that signed in to an account is trusted to be its owner's. */
    static final Duration KNOWN_ADDRESS_KEPT = Duration.ofDays(30);
    /**
     * Each tally holds at most this many keys, about 250 bytes each with the cache's own: some 40 MB at
     * worst for the three, under a flood from tens of thousands of addresses (one address is held back after
     * {@value #FREE_FAILURES_PER_ADDRESS} failures, so it adds no more).
     */
    static final int MOST_TRACKED = 50_000;

    private record Failures(int count, Instant lastAt) {

        Failures next(Instant now) {
            return new Failures(count + 1, now);
        }

        /** When the next attempt may be checked, given how many failures are free. */
        Instant refusedUntil(int free) {
            if (count < free) {
                return Instant.MIN;
            }
            int doublings = Math.min(count - free, 20);
            Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
            return lastAt.plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
        }
    }

    private final Clock clock;
    private final Cache<String, Failures> byAddress;
    private final Cache<String, Failures> byAccountAndAddress;
    private final Cache<String, Failures> byAccount;
    private final Cache<String, Set<String>> knownAddresses;

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
        this.byAddress = tally(clock, FORGET_AFTER);
        this.byAccountAndAddress = tally(clock, FORGET_AFTER);
        this.byAccount = tally(clock, FORGET_AFTER);
        this.knownAddresses = tally(clock, KNOWN_ADDRESS_KEPT);
    }

    private static <V> Cache<String, V> tally(Clock clock, Duration keep) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        return Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(keep)
                .maximumSize(MOST_TRACKED)
                .executor(Runnable::run)
                .build();
    }

    /** How long an attempt for this username from this address must still wait; zero if it may be checked. */
    Duration refusedFor(String username, String address) {
        Instant now = clock.instant();
        String account = key(username);
        Instant until = later(
                until(byAddress, address, FREE_FAILURES_PER_ADDRESS),
                until(byAccountAndAddress, account + " " + address, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS));
        if (!knownTo(account, address)) {
            until = later(until, until(byAccount, account, FREE_FAILURES_PER_ACCOUNT));
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        String account = key(username);
        count(byAddress, address, now);
        count(byAccountAndAddress, account + " " + address, now);
        count(byAccount, account, now);
    }

    /** The owner signed in from this address: it is theirs, and their own typing errors are forgiven. */
    void succeeded(String username, String address) {
        String account = key(username);
        byAccountAndAddress.invalidate(account + " " + address);
        Set<String> known = knownAddresses.get(account, k -> ConcurrentHashMap.newKeySet());
        if (known.size() < 20) {
            known.add(address);
        }
        // Written again so it is kept for as long as the owner keeps signing in.
        knownAddresses.put(account, known);
    }

    /** How many keys the throttle holds now (for tests and metrics). */
    long tracked() {
        byAddress.cleanUp();
        byAccountAndAddress.cleanUp();
        byAccount.cleanUp();
        knownAddresses.cleanUp();
        return byAddress.estimatedSize()
                + byAccountAndAddress.estimatedSize()
                + byAccount.estimatedSize()
                + knownAddresses.estimatedSize();
    }

    private boolean knownTo(String account, String address) {
        Set<String> known = knownAddresses.getIfPresent(account);
        return known != null && known.contains(address);
    }

    private static Instant until(Cache<String, Failures> tally, String key, int free) {
        Failures f = tally.getIfPresent(key);
        return f == null ? Instant.MIN : f.refusedUntil(free);
    }

    private static void count(Cache<String, Failures> tally, String key, Instant now) {
        tally.asMap().merge(key, new Failures(1, now), (old, one) -> old.next(now));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A fixed-size key: the username may be any length when it reaches us. */
    static String key(String username) {
        return TokenKeeper.hash(username.strip().toLowerCase(Locale.ROOT));
    }
}
