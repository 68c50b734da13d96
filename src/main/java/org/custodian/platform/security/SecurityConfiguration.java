package org.custodian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and API. Pages sign in with a form and a session; API clients with HTTP Basic
 * or a bearer token. CSRF protection applies to every state-changing request that rides on a session
 * cookie; requests that carry their own Authorization header cannot be forged cross-site and skip it.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths whose clients are programs: they get 401/403 problem details, never a login page. */
    static final RequestMatcher MACHINE_CLIENTS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.startsWith("/ogc")
                || path.startsWith("/openrosa")
                || path.startsWith("/cap/")
                || path.startsWith("/v3/")
                || path.startsWith("/actuator");
    };

    /**
     * No observation around each security filter: a span per filter per request cost about 4% of the CPU of
     * a map or OGC page under load, and nothing reads them; requests are still measured as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Only when serving: the command-line entries (such as the ledger verifier) have no HTTP to secure. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain filterChain(HttpSecurity http, TokenKeeper tokens) throws Exception {
        AuthenticationEntryPoint problem401 = (request, response, e) -> writeProblem(
                response,
                HttpStatus.UNAUTHORIZED,
                "Authentication required",
                e.getMessage() == null ? "sign in with HTTP Basic or a bearer token" : e.getMessage(),
                request);
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
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problem401))
                .addFilterBefore(new BearerTokenFilter(tokens, problem401), BasicAuthenticationFilter.class)
                .addFilterAfter(new ReadOnlyRoles(), AuthorizationFilter.class)
                .csrf(csrf ->
                        csrf.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                                && request.getHeader(HttpHeaders.AUTHORIZATION) == null))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problem401, MACHINE_CLIENTS)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(problem403, MACHINE_CLIENTS)
                        .defaultAccessDeniedHandlerFor(ExpiredForms.pages(), request -> true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
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
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Custodian\", Bearer");
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
