package org.custodian.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.Callers;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (admins only, but everyone may read themselves) and personal API tokens. */
@RestController
class AccountController {

    private final Accounts accounts;
    private final AccountRegister register;
    private final TokenKeeper tokens;
    private final Callers callers;
    private final SignInHistory history;

    AccountController(
            Accounts accounts, AccountRegister register, TokenKeeper tokens, Callers callers, SignInHistory history) {
        this.accounts = accounts;
        this.register = register;
        this.tokens = tokens;
        this.callers = callers;
        this.history = history;
    }

    /**
     * The caller's scope, and the failed sign-ins against their account since their last sign-in: those
     * found when this session signed in, or for Basic and token callers those not yet shown.
     */
    @GetMapping("/api/users/me")
    Me me(HttpServletRequest request) {
        Scope scope = callers.current();
        HttpSession session = request.getSession(false);
        Optional<SignInHistory.FailedSignIns> failures =
                session == null || !(session.getAttribute(FormSignIn.FAILURES) instanceof SignInHistory.FailedSignIns f)
                        ? history.pending(scope.username())
                        : Optional.of(f);
        return new Me(
                scope.username(),
                scope.role(),
                scope.allRegions(),
                scope.regions(),
                scope.agencyId(),
                failures.orElse(null));
    }

    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountView> list() {
        return accounts.findAllByOrderByUsername().stream().map(AccountView::of).toList();
    }

    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AccountView> create(@Valid @RequestBody NewAccount request) {
        Account account = register.open(
                request.username(),
                particulars(
                        request.displayName(),
                        request.role(),
                        request.allRegions(),
                        request.regions(),
                        request.agencyId()),
                request.password());
        return ResponseEntity.created(URI.create("/api/users/" + account.username()))
                .body(AccountView.of(account));
    }

    @PutMapping("/api/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView update(@PathVariable String username, @Valid @RequestBody AccountChange request) {
        return AccountView.of(register.change(
                username,
                particulars(
                        request.displayName(),
                        request.role(),
                        request.allRegions(),
                        request.regions(),
                        request.agencyId()),
                request.enabled(),
                request.password()));
    }

    private static AccountRegister.Particulars particulars(
            String displayName,
            Role role,
            @Nullable Boolean allRegions,
            @Nullable Set<String> regions,
            @Nullable Long agencyId) {
        return new AccountRegister.Particulars(
                displayName, role, Boolean.TRUE.equals(allRegions), regions == null ? Set.of() : regions, agencyId);
    }

    @GetMapping("/api/tokens")
    List<TokenView> myTokens() {
        return tokens.of(callers.current().username()).stream()
                .map(TokenView::of)
                .toList();
    }

    @PostMapping("/api/tokens")
    ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request) {
        TokenKeeper.Issued issued = tokens.issue(callers.current().username(), request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id()))
                .body(new IssuedToken(TokenView.of(issued.token()), issued.secret()));
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(callers.current().username(), id);
        return ResponseEntity.noContent().build();
    }

    record NewAccount(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "lower-case letters, digits, . _ -")
            String username,

            @NotBlank @Size(max = 200) String displayName,
            @NotBlank String password,
            @NotNull Role role,
            @Nullable Boolean allRegions,
            @Nullable Set<String> regions,
            @Nullable Long agencyId) {}

    record AccountChange(
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Role role,
            @Nullable Boolean allRegions,
            @Nullable Set<String> regions,
            @Nullable Long agencyId,
            boolean enabled,
            @Nullable String password) {}

    /** Who the caller is; {@code failedSignIns} is null when there were none. */
    record Me(
            String username,
            Role role,
            boolean allRegions,
            Set<String> regions,
            @Nullable Long agencyId,
            SignInHistory.@Nullable FailedSignIns failedSignIns) {}

    record AccountView(String username, String displayName, Scope scope, boolean enabled) {
        static AccountView of(Account a) {
            return new AccountView(a.username(), a.displayName(), a.scope(), a.enabled());
        }
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @Nullable Instant expiresAt) {}

    record TokenView(
            long id,
            String name,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt());
        }
    }

    /** The secret is in this response only; it is stored hashed. */
    record IssuedToken(TokenView token, String secret) {}
}
