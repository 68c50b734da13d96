package org.custodian.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a request that wrote until its audit entries are in the chain, so that whoever made a change finds it
 * on the audit page and in verification as soon as they are answered. It waits after the request's
 * transactions have ended, when it holds no database connection.
 */
@Component
class AuditSealWait extends OncePerRequestFilter {

    private final AuditSeal seal;

    AuditSealWait(AuditSeal seal) {
        this.seal = seal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            seal.awaitOwed();
        }
    }
}
