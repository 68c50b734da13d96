package org.custodian.platform.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import org.custodian.platform.RuleViolated;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least {@value #SHORTEST} characters, at most {@value
 * PasswordSignIn#LONGEST_PASSWORD_BYTES} bytes in UTF-8 (bcrypt ignores the rest, so a longer one would be
 * accepted but not fully checked), and not easy to guess: zxcvbn's estimate, which knows the common
 * passwords, words, names, keyboard walks, repeats and sequences, must reach 10<sup>8</sup> guesses.
 */
@Component
class PasswordRules {

    static final int SHORTEST = 12;
    /** zxcvbn's score 3: "safely unguessable", at least 10^8 guesses. */
    static final int WEAKEST_SCORE = 3;

    private final Zxcvbn strength = new Zxcvbn();

    void check(String password) {
        if (password.length() < SHORTEST) {
            throw new RuleViolated("password", Refusals.PASSWORD_NEEDS_LEAST_CHARACTERS, SHORTEST);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordSignIn.LONGEST_PASSWORD_BYTES) {
            throw new RuleViolated(
                    "password", Refusals.PASSWORD_MAY_MOST_BYTES_72, PasswordSignIn.LONGEST_PASSWORD_BYTES);
        }
        if (strength.measure(password).getScore() < WEAKEST_SCORE) {
            throw new RuleViolated("password", Refusals.PASSWORD_TOO_EASY_GUESS_COMMON);
        }
    }
}
