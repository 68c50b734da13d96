package org.custodian.platform.security;

import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and changes accounts, for the API and the account pages alike, so both keep the same rules: a free
 * username of lower-case letters, digits, '.', '_' and '-'; passwords by {@link PasswordRules}; the first
 * administrator stays an enabled administrator; a changed account's sessions and tokens follow the change.
 */
@Service
class AccountRegister {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordRules passwords;
    private final TokenKeeper tokens;
    private final CurrentAccounts current;
    private final CredentialNotices notices;

    AccountRegister(
            Accounts accounts,
            PasswordEncoder encoder,
            PasswordRules passwords,
            TokenKeeper tokens,
            CurrentAccounts current,
            CredentialNotices notices) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.passwords = passwords;
        this.tokens = tokens;
        this.current = current;
        this.notices = notices;
    }

    /** Who an account is and where it may act. */
    record Particulars(
            String displayName,
            Role role,
            boolean allRegions,
            Set<String> regions,
            @Nullable Long agencyId) {}

    @Transactional
    Account open(String username, Particulars particulars, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new RuleViolated("username", Refusals.USERNAME_1_64_LOWER_CASE);
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new ConflictWithState(Refusals.USERNAME_TAKEN, username);
        }
        requireName(particulars);
        passwords.check(password);
        Account account =
                new Account(username, particulars.displayName().strip(), encoder.encode(password), particulars.role());
        account.scopeTo(particulars.allRegions(), particulars.regions(), particulars.agencyId());
        return accounts.save(account);
    }

    /** Changes the account's particulars and whether it is enabled, and its password if one is given. */
    @Transactional
    Account change(String username, Particulars particulars, boolean enabled, @Nullable String password) {
        Account account = account(username);
        if (account.username().equals("admin") && (particulars.role() != Role.ADMIN || !enabled)) {
            throw new ConflictWithState(Refusals.FIRST_ADMINISTRATOR_KEEPS_ADMIN_ROLE);
        }
        requireName(particulars);
        if (password != null) {
            passwords.check(password);
            account.changePassword(encoder.encode(password));
        }
        account.rename(particulars.displayName().strip());
        account.changeRole(particulars.role());
        account.scopeTo(particulars.allRegions(), particulars.regions(), particulars.agencyId());
        account.enable(enabled);
        followed(account);
        return account;
    }

    /** Gives the account a new password, its owner to be told it; their sessions end. */
    @Transactional
    Account resetPassword(String username, String password) {
        Account account = account(username);
        passwords.check(password);
        account.changePassword(encoder.encode(password));
        followed(account);
        return account;
    }

    Account account(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new RecordNotFound(Refusals.NO_USER, username));
    }

    private static void requireName(Particulars particulars) {
        if (particulars.displayName().isBlank()) {
            throw new RuleViolated("displayName", Refusals.GIVE_PERSON_S_NAME);
        }
        if (particulars.displayName().length() > 200) {
            throw new RuleViolated("displayName", Refusals.NAME_MOST_200_CHARACTERS);
        }
    }

    /** Its tokens and signed-in sessions follow the change on their next request (or end, if disabled). */
    private void followed(Account account) {
        tokens.forgetResolved();
        current.forget(account.username());
        notices.changed(account.username());
    }
}
