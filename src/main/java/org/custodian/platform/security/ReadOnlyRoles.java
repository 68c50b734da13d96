package org.custodian.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Viewers and partners may never change a record, so their POST, PUT, PATCH or DELETE to the API is
 * refused as soon as they are known, before the body is read: reading it first let a read-only account
 * make the server parse any body it liked. Their own tokens ({@code /api/tokens}) they still manage.
 * Every other role is judged per endpoint and per record, after the body is read.
 */
class ReadOnlyRoles extends OncePerRequestFilter {

    private static final Set<String> READ_ONLY = Set.of("ROLE_VIEWER", "ROLE_PARTNER");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WRITES.contains(request.getMethod()) && recordEndpoint(request) && readOnly()) {
            SecurityConfiguration.writeProblem(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "your role is read-only: it may not change records",
                    request);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean recordEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !path.equals("/api/tokens") && !path.startsWith("/api/tokens/");
    }

    private static boolean readOnly() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(READ_ONLY::contains);
    }
}
