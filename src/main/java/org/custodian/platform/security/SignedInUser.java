package org.custodian.platform.security;

import java.util.Collection;
import java.util.List;
import org.custodian.platform.Scope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of an authenticated request: who, with which role and scope. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final String displayName;
    private final Scope scope;
    private final boolean enabled;
    /** Tells whether the password changed since sign-in, without keeping its hash in the session. */
    private final String passwordStamp;

    private String passwordHash;

    SignedInUser(Account account) {
        this.displayName = account.displayName();
        this.scope = account.scope();
        this.enabled = account.enabled();
        this.passwordHash = account.passwordHash();
        this.passwordStamp = TokenKeeper.hash(account.passwordHash());
    }

    public Scope scope() {
        return scope;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether a session signed in as this user may go on as {@code now}, the account as it is: the same
     * account, still enabled, with the same password.
     */
    boolean continuesAs(SignedInUser now) {
        return now.enabled && now.getUsername().equals(getUsername()) && now.passwordStamp.equals(passwordStamp);
    }

    /** Whether the account's role, scope or name differ from this user's. */
    boolean differsFrom(SignedInUser now) {
        return !now.scope.equals(scope) || !now.displayName.equals(displayName);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return scope.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = "";
    }
}
