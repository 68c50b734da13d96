package org.custodian.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins against each account, so its owner learns of them: counted until the owner next signs in
 * with the form, which takes the count as a {@link FailedSignIns} notice and starts again. Plain updates,
 * not entity changes: they neither change the account's version (an administrator's edit in progress stays
 * valid) nor add to the audit trail (which anyone could otherwise grow by guessing).
 */
@Component
class SignInHistory {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    SignInHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Failed sign-ins since the owner's last sign-in, the last one's time and client address. */
    record FailedSignIns(
            int count, @Nullable Instant lastAt, @Nullable String lastFrom) implements java.io.Serializable {}

    /** Counts a wrong password against the account, if there is one of that name. */
    void failed(String username, String address) {
        jdbc.sql("update platform_account set failed_sign_ins = failed_sign_ins + 1,"
                        + " last_failed_sign_in_at = ?, last_failed_sign_in_from = ? where username = ?")
                .params(Timestamp.from(clock.instant()), address, username)
                .update();
    }

    /** The failures not yet shown to the owner, without forgetting them. */
    Optional<FailedSignIns> pending(String username) {
        return jdbc.sql("select failed_sign_ins, last_failed_sign_in_at, last_failed_sign_in_from"
                        + " from platform_account where username = ?")
                .param(username)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    return new FailedSignIns(rs.getInt(1), at == null ? null : at.toInstant(), rs.getString(3));
                })
                .optional()
                .filter(f -> f.count() > 0);
    }

    /** For each account with failed sign-ins since its owner's last sign-in, how many. */
    Map<String, Integer> failedCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select username, failed_sign_ins from platform_account where failed_sign_ins > 0")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** The owner signed in: the failures since their last sign-in, now shown to them and started again. */
    @Transactional
    Optional<FailedSignIns> signedIn(String username) {
        Optional<FailedSignIns> failures = pending(username);
        jdbc.sql("update platform_account set failed_sign_ins = 0, last_signed_in_at = ? where username = ?")
                .params(Timestamp.from(clock.instant()), username)
                .update();
        return failures;
    }
}
