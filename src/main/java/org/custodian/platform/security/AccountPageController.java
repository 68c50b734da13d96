package org.custodian.platform.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.ScopeChoices;
import org.custodian.platform.ViewerZone;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the accounts (administrators only), a new account, one account's role, scope, state and password;
 * and for everyone signed in, their own scope and personal API tokens.
 */
@Controller
class AccountPageController {

    private final AccountRegister register;
    private final Accounts accounts;
    private final TokenKeeper tokens;
    private final SignInHistory history;
    private final Callers callers;
    private final ObjectProvider<ScopeChoices> choices;
    private final ObjectProvider<ViewerZone> zones;

    AccountPageController(
            AccountRegister register,
            Accounts accounts,
            TokenKeeper tokens,
            SignInHistory history,
            Callers callers,
            ObjectProvider<ScopeChoices> choices,
            ObjectProvider<ViewerZone> zones) {
        this.register = register;
        this.accounts = accounts;
        this.tokens = tokens;
        this.history = history;
        this.callers = callers;
        this.choices = choices;
        this.zones = zones;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model, Locale locale) {
        model.addAttribute("accounts", accounts.findAllByOrderByUsername());
        model.addAttribute("failed", history.failedCounts());
        scopeChoices(model, locale);
        return "accounts/list";
    }

    /** What the account form holds; given back with the reason when it is refused. */
    record AccountForm(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable Role role,
            @Nullable Boolean allRegions,
            @Nullable Set<String> regions,
            @Nullable Long agencyId,
            @Nullable Boolean enabled,
            @Nullable String password)
            implements java.io.Serializable {

        static AccountForm of(Account a) {
            Scope s = a.scope();
            return new AccountForm(
                    a.username(),
                    a.displayName(),
                    a.role(),
                    s.allRegions(),
                    s.regions(),
                    s.agencyId(),
                    a.enabled(),
                    null);
        }

        AccountRegister.Particulars particulars() {
            if (displayName == null || role == null) {
                throw new RuleViolated("account", Refusals.GIVE_PERSON_S_NAME_ROLE);
            }
            return new AccountRegister.Particulars(
                    displayName, role, Boolean.TRUE.equals(allRegions), regions == null ? Set.of() : regions, agencyId);
        }

        /** Without the password: it is never sent back to the browser. */
        AccountForm typed() {
            return new AccountForm(username, displayName, role, allRegions, regions, agencyId, enabled, null);
        }
    }

    @GetMapping("/accounts/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newAccount(Model model, Locale locale) {
        if (!model.containsAttribute("account")) {
            model.addAttribute("account", new AccountForm(null, null, Role.OFFICER, false, Set.of(), null, true, null));
        }
        scopeChoices(model, locale);
        return "accounts/new";
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String open(AccountForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/accounts/new", redirect, "account", form.typed(), () -> {
            String username = form.username() == null ? "" : form.username().strip();
            register.open(username, form.particulars(), form.password() == null ? "" : form.password());
            return "/accounts/" + username;
        });
    }

    @GetMapping("/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String account(@PathVariable String username, Model model, Locale locale) {
        Account account = register.account(username);
        model.addAttribute("subject", account);
        model.addAttribute("failed", history.failedCounts().getOrDefault(username, 0));
        if (!model.containsAttribute("account")) {
            model.addAttribute("account", AccountForm.of(account));
        }
        scopeChoices(model, locale);
        return "accounts/account";
    }

    /** The account form: name, role, regions, agency and whether it may sign in. */
    @PostMapping("/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable String username, AccountForm form, RedirectAttributes redirect) {
        String page = "/accounts/" + username;
        return PageForms.attempt(page, redirect, "account", form.typed(), () -> {
            register.change(username, form.particulars(), Boolean.TRUE.equals(form.enabled()), null);
            return page;
        });
    }

    /** The password form: a new password, for its owner to be given; their sessions end. */
    @PostMapping("/accounts/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/accounts/" + username + "#password-form", redirect, () -> register.resetPassword(username, password));
    }

    private void scopeChoices(Model model, Locale locale) {
        ScopeChoices offered = choices.getIfAvailable();
        model.addAttribute("roles", Role.values());
        model.addAttribute("regionChoices", offered == null ? List.of() : offered.regions(locale));
        List<ScopeChoices.Choice> agencies = offered == null ? List.of() : offered.agencies();
        model.addAttribute("agencyChoices", agencies);
        model.addAttribute(
                "agencyNames",
                agencies.stream().collect(Collectors.toMap(a -> Long.valueOf(a.value()), ScopeChoices.Choice::label)));
    }

    @GetMapping("/tokens")
    String tokens(Model model, Locale locale) {
        Scope scope = callers.current();
        model.addAttribute("me", register.account(scope.username()));
        model.addAttribute("scope", scope);
        ZoneId zone = zone(scope);
        model.addAttribute("zoneName", ViewerZone.name(zone, Instant.now()));
        model.addAttribute(
                "tokens",
                tokens.of(scope.username()).stream()
                        .map(t -> TokenRow.of(t, zone))
                        .toList());
        scopeChoices(model, locale);
        return "accounts/tokens";
    }

    /** The zone the person reads times in: their regions' zone, UTC without territory. */
    private ZoneId zone(Scope scope) {
        ViewerZone viewer = zones.getIfAvailable();
        return viewer == null ? ZoneOffset.UTC : viewer.of(scope);
    }

    /** A token as its page lists it, times in the zone of the person's regions. */
    record TokenRow(
            long id,
            String name,
            String created,
            @Nullable String expires,
            @Nullable String revoked,
            boolean usable) {
        static TokenRow of(ApiToken t, ZoneId zone) {
            return new TokenRow(
                    t.id(),
                    t.name(),
                    ViewerZone.minute(t.createdAt(), zone),
                    t.expiresAt() == null ? null : ViewerZone.minute(t.expiresAt(), zone),
                    t.revokedAt() == null ? null : ViewerZone.minute(t.revokedAt(), zone),
                    t.usableAt(Instant.now()));
        }
    }

    /** Issues a token; its secret is shown on the next page only, and never again. */
    @PostMapping("/tokens")
    String issue(
            @RequestParam String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate validUntil,
            RedirectAttributes redirect) {
        return PageForms.attempt("/tokens", redirect, () -> {
            // Valid through the whole day chosen, as the day runs in the person's zone.
            Scope scope = callers.current();
            TokenKeeper.Issued issued = tokens.issue(
                    scope.username(),
                    name,
                    validUntil == null
                            ? null
                            : validUntil.plusDays(1).atStartOfDay(zone(scope)).toInstant());
            redirect.addFlashAttribute("issued", issued.token().name());
            redirect.addFlashAttribute("secret", issued.secret());
        });
    }

    @PostMapping("/tokens/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/tokens", redirect, () -> tokens.revoke(callers.current().username(), id));
    }
}
