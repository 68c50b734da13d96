package org.custodian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.custodian.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and API. Pages sign in with a form and a session; API clients with HTTP Basic
 * or a bearer token. CSRF protection applies to every state-changing request that a session could sign in;
 * only a request that brings its own Basic or bearer credentials and has no signed-in session skips it
 * (such a request cannot be forged cross-site). The API description needs sign-in like the API it
 * describes. HSTS is sent on HTTPS requests (Spring Security's default; behind a TLS proxy set {@code
 * server.forward-headers-strategy} so they are seen as HTTPS).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths whose clients are programs: they get 401/403 problem details, never a login page. */
    static final RequestMatcher MACHINE_CLIENTS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.startsWith("/ogc")
                || path.startsWith("/tiles/")
                || path.startsWith("/openrosa")
                || path.startsWith("/cap/")
                || path.startsWith("/v3/")
                || path.startsWith("/actuator");
    };

    /**
     * No observation around each security filter: a span per filter per request cost about 4% of the CPU of
     * a map or OGC page under load, and nothing reads them (nor the measure of each request as a whole,
     * {@code http.server.requests}, off in the application's settings for the same reason).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * bcrypt, at a configurable cost (log2 of its rounds, 10 by default). Every sign-in and every HTTP Basic
     * request pays it; a stored hash keeps the cost it was made with, so changing it affects new passwords only.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${custodian.security.password-hash-cost:10}") int cost) {
        return new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }

    /** Only when serving: the command-line entries (such as the ledger verifier) have no HTTP to secure. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain filterChain(
            HttpSecurity http,
            TokenKeeper tokens,
            PasswordSignIn passwords,
            CurrentAccounts accounts,
            SignInHistory history,
            java.util.List<org.custodian.platform.PathCredentials> pathCredentials)
            throws Exception {
        AuthenticationEntryPoint problem401 = (request, response, e) -> {
            // The accounts could not be read (the database unreachable): not the caller's fault, and its
            // message names SQL. Thrown on, it is answered as the failure it is (503 while the database is away).
            if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                    && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e instanceof SignInThrottled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                writeProblem(
                        response, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts", e.getMessage(), request);
                return;
            }
            writeProblem(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required",
                    e.getMessage() == null ? "sign in with HTTP Basic or a bearer token" : e.getMessage(),
                    request);
        };
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        AccessDeniedHandler problem403 = (request, response, e) -> writeProblem(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                ExpiredForms.expired(e) ? ExpiredForms.DETAIL : "your role or scope does not allow this",
                request);

        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                // Warnings to civilians are public: CAP documents and their feed.
                                "/cap/**")
                        .permitAll()
                        // Beneficiaries are personal data: other roles are refused before a body is even read.
                        .requestMatchers("/api/beneficiaries", "/api/beneficiaries/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.OUTREACH_WORKER.name())
                        .anyRequest()
                        .authenticated())
                // This manager alone, with no parent: a parent would check a wrong password a second time.
                .authenticationManager(new ProviderManager(passwords))
                .addFilterAfter(new SignedInSessions(accounts, sessions), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(FormSignIn.succeeded(history))
                        .failureHandler(FormSignIn.failed()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problem401))
                .addFilterBefore(new BearerTokenFilter(tokens, problem401), BasicAuthenticationFilter.class)
                .addFilterBefore(new PathKeyFilter(pathCredentials, accounts), BasicAuthenticationFilter.class)
                .addFilterAfter(new ReadOnlyRoles(), AuthorizationFilter.class)
                .csrf(csrf ->
                        csrf.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                                && !bringsOwnCredentials(request, sessions)
                                // The key in the path is the whole credential: no session rides along.
                                && PathKeyFilter.of(pathCredentials, request).isEmpty()))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problem401, MACHINE_CLIENTS)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(problem403, MACHINE_CLIENTS)
                        .defaultAccessDeniedHandlerFor(ExpiredForms.pages(), request -> true))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(org.custodian.platform.ContentSecurity.POLICY)));
        return http.build();
    }

    /**
     * Whether a request authenticates by Basic or bearer credentials alone. Decided before those filters run,
     * and so cautiously: any other scheme (or none) needs the CSRF token, and so does any request while its
     * session is signed in (Basic for the session's own user would ride on the session unchecked).
     */
    private static boolean bringsOwnCredentials(
            HttpServletRequest request, HttpSessionSecurityContextRepository sessions) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean scheme = header != null
                && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
        return scheme && !sessions.containsContext(request);
    }

    static void writeProblem(
            jakarta.servlet.http.HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            HttpServletRequest request)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        boolean openRosa = request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/openrosa");
        if (openRosa) {
            // ODK Collect checks that even a challenge comes from an OpenRosa server.
            response.setHeader("X-OpenRosa-Version", "1.0");
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            // ODK Collect answers a Basic challenge (over HTTPS); it has no use for a bearer token.
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    openRosa ? "Basic realm=\"Custodian\"" : "Basic realm=\"Custodian\", Bearer");
        }
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI())
                        + "\"}");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
