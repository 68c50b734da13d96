package org.custodian.platform.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for password sign-in, refusing usernames the throttle has blocked. */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountDetails(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (throttle.blocked(username)) {
            throw new LockedException("too many failed sign-ins for this user; try again in 15 minutes");
        }
        return accounts.findByUsername(username)
                .map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
