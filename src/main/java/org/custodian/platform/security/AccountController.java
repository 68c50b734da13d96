package org.custodian.platform.security;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(
            summary = "Read my account",
            description =
                    "The caller's own account and scope (role, regions, agency) and the failed sign-ins against it since their last sign-in. Anyone signed in may call it.")
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

    @Operation(
            summary = "List accounts",
            description =
                    "Every account with its role, scope and whether it may sign in; never a password. Administrators only; anyone else is refused with 403.")
    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountView> list() {
        return accounts.findAllByOrderByUsername().stream().map(AccountView::of).toList();
    }

    @Operation(
            summary = "Open an account",
            description =
                    "Opens an account with its name, role, regions or all regions, agency and first password. Administrators only; anyone else is refused with 403. A taken user name answers 409; a password too short, too long or too easy to guess, or an unknown region or agency, 422.")
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

    @Operation(
            summary = "Change an account",
            description =
                    "Changes an account's name, role, scope and whether it may sign in, and optionally sets a new password; the person's sessions and tokens end when it is disabled or its password changes. Administrators only; anyone else is refused with 403. The first administrator keeps the admin role and stays enabled (409); a weak password is refused with 422.")
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

    @Operation(
            summary = "List my tokens",
            description =
                    "The caller's own personal API tokens: name, dates and state, never the secret. Anyone signed in may call it.")
    @GetMapping("/api/tokens")
    List<TokenView> myTokens() {
        return tokens.of(callers.current().username()).stream()
                .map(TokenView::of)
                .toList();
    }

    @Operation(
            summary = "Make a personal token",
            description =
                    "Makes a bearer token that acts as the caller, with their role and scope, until the date given or until revoked. The secret is in this answer only and is never shown again. Anyone signed in may call it; a past expiry is refused with 422.")
    @PostMapping("/api/tokens")
    ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request) {
        TokenKeeper.Issued issued = tokens.issue(callers.current().username(), request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id()))
                .body(new IssuedToken(TokenView.of(issued.token()), issued.secret()));
    }

    @Operation(
            summary = "Revoke one of my tokens",
            description =
                    "Revokes one of the caller's own tokens at once. Anyone signed in may call it for their own tokens; another's token answers 404.")
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
