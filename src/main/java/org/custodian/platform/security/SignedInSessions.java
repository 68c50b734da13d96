package org.custodian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in browser session true to its account: runs right after the session's sign-in is loaded,
 * before any other sign-in, so the user it finds came from the session. A session whose account was
 * disabled, removed or given a new password is ended (the request goes on unauthenticated and meets the
 * sign-in page or a 401); one whose role, scope or name changed goes on as the account is now. HTTP Basic
 * and tokens need none of this: they read the account on every request (tokens through a cache that a
 * change empties).
 */
class SignedInSessions extends OncePerRequestFilter {

    private final CurrentAccounts accounts;
    private final HttpSessionSecurityContextRepository sessions;

    SignedInSessions(CurrentAccounts accounts, HttpSessionSecurityContextRepository sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth =
                session == null ? null : SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            Optional<SignedInUser> now = accounts.of(user.getUsername());
            if (now.isEmpty() || !user.continuesAs(now.get())) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            } else if (user.differsFrom(now.get())) {
                SignedInUser fresh = now.get();
                fresh.eraseCredentials();
                UsernamePasswordAuthenticationToken updated =
                        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
                updated.setDetails(auth.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(updated);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
