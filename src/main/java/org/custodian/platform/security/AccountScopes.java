package org.custodian.platform.security;

import java.util.Optional;
import org.custodian.platform.Scope;
import org.custodian.platform.Staff;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts' scopes, by username, for other modules. */
@Component
class AccountScopes implements Staff {

    private final Accounts accounts;

    AccountScopes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Scope> scopeOf(String username) {
        return accounts.findByUsername(username).filter(Account::enabled).map(Account::scope);
    }
}
