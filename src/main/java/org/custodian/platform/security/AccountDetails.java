package org.custodian.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts for password sign-in. Not a bean of its own: only {@link PasswordSignIn} may check
 * passwords, so no second, unthrottled path exists.
 */
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
