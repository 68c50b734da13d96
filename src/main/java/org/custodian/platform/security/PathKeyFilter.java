package org.custodian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.PathCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests whose path carries a key ({@link PathCredentials}) as the key's account, as it is
 * now. An unknown or revoked key, or one whose account is disabled, is refused with 403 before anything else.
 */
class PathKeyFilter extends OncePerRequestFilter {

    private final List<PathCredentials> credentials;
    private final CurrentAccounts accounts;

    PathKeyFilter(List<PathCredentials> credentials, CurrentAccounts accounts) {
        this.credentials = credentials;
        this.accounts = accounts;
    }

    /** The credentials whose prefix the request's path starts with, if any. */
    static Optional<PathCredentials> of(List<PathCredentials> credentials, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return credentials.stream().filter(c -> path.startsWith(c.prefix())).findFirst();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PathCredentials> keyed = of(credentials, request);
        if (keyed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.substring(keyed.get().prefix().length());
        int slash = rest.indexOf('/');
        String key = slash < 0 ? rest : rest.substring(0, slash);
        Optional<SignedInUser> user = key.isEmpty()
                ? Optional.empty()
                : keyed.get().resolve(key).flatMap(accounts::of).filter(SignedInUser::isEnabled);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            SecurityConfiguration.writeProblem(
                    response, HttpStatus.FORBIDDEN, "Forbidden", "the key is unknown or revoked", request);
            return;
        }
        BearerTokenFilter.proceedAs(user.get(), request, response, chain);
    }
}
