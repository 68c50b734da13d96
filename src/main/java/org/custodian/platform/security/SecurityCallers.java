package org.custodian.platform.security;

import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityCallers implements Callers {

    @Override
    public Scope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return user.scope();
        }
        throw new AuthenticationCredentialsNotFoundException("no one is signed in");
    }
}
