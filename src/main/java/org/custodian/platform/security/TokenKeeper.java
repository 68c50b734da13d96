package org.custodian.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, resolves and revokes personal API tokens. */
@Service
class TokenKeeper {

    /** Marks Custodian tokens so secret scanners and people recognise them. */
    static final String PREFIX = "cus_";

    private final SecureRandom random = new SecureRandom();
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final Clock clock = Clock.systemUTC();

    TokenKeeper(ApiTokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    record Issued(ApiToken token, String secret) {}

    @Transactional
    Issued issue(String username, String name, @Nullable Instant expiresAt) {
        if (name.isBlank()) {
            throw new RuleViolated("name", "name the token after the tool that will use it");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RuleViolated("expiresAt", "the expiry must be in the future");
        }
        Account account = accounts.findByUsername(username).orElseThrow(() -> new RecordNotFound("user", username));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(account.id(), name.strip(), hash(secret), now, expiresAt));
        return new Issued(token, secret);
    }

    @Transactional(readOnly = true)
    Optional<Account> resolve(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(secret))
                .filter(t -> t.usableAt(now))
                .flatMap(t -> accounts.findById(t.accountId()))
                .filter(Account::enabled);
    }

    @Transactional(readOnly = true)
    List<ApiToken> of(String username) {
        return accounts.findByUsername(username)
                .map(a -> tokens.findAllByAccountIdOrderByCreatedAtDesc(a.id()))
                .orElse(List.of());
    }

    @Transactional
    void revoke(String username, long tokenId) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> new RecordNotFound("user", username));
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.accountId() == account.id())
                .orElseThrow(() -> new RecordNotFound("token", tokenId));
        token.revoke(clock.instant());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
