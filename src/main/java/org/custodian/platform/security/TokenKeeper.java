package org.custodian.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues, resolves and revokes personal API tokens. A resolved token is remembered for a few seconds, so a
 * tool paging through a layer does not cost two queries a request; revoking a token or changing an account
 * forgets them all once the change is committed.
 */
@Service
class TokenKeeper {

    /** Marks Custodian tokens so secret scanners and people recognise them. */
    static final String PREFIX = "cus_";

    private final SecureRandom random = new SecureRandom();
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final CredentialNotices notices;
    private final Clock clock = Clock.systemUTC();
    private final Cache<String, Resolved> resolved = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    /** A usable token's account as it was when the token was looked up, and when the token expires. */
    private record Resolved(SignedInUser user, @Nullable Instant expiresAt) {}

    TokenKeeper(ApiTokens tokens, Accounts accounts, CredentialNotices notices) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.notices = notices;
    }

    record Issued(ApiToken token, String secret) {}

    @Transactional
    Issued issue(String username, String name, @Nullable Instant expiresAt) {
        if (name.isBlank()) {
            throw new RuleViolated("name", Refusals.NAME_TOKEN_AFTER_TOOL_WILL);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RuleViolated("expiresAt", Refusals.EXPIRY_MUST_FUTURE);
        }
        Account account =
                accounts.findByUsername(username).orElseThrow(() -> new RecordNotFound(Refusals.NO_USER, username));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(account.id(), name.strip(), hash(secret), now, expiresAt));
        return new Issued(token, secret);
    }

    /** The signed-in user a token stands for, if it is known, unexpired, unrevoked and its account enabled. */
    Optional<SignedInUser> resolve(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        Resolved known = resolved.getIfPresent(hash);
        if (known != null && (known.expiresAt() == null || now.isBefore(known.expiresAt()))) {
            return Optional.of(known.user());
        }
        Optional<ApiToken> token = tokens.findByTokenHash(hash).filter(t -> t.usableAt(now));
        Optional<SignedInUser> user = token.flatMap(t -> accounts.findById(t.accountId()))
                .filter(Account::enabled)
                .map(SignedInUser::new);
        user.ifPresent(u -> resolved.put(hash, new Resolved(u, token.get().expiresAt())));
        return user;
    }

    /** Forgets every resolved token once the current transaction commits: an account or token changed. */
    void forgetResolved() {
        resolved.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    resolved.invalidateAll();
                }
            });
        }
    }

    /** Forgets every resolved token now: another node announced a change. */
    void forgetResolvedHere() {
        resolved.invalidateAll();
    }

    @Transactional(readOnly = true)
    List<ApiToken> of(String username) {
        return accounts.findByUsername(username)
                .map(a -> tokens.findAllByAccountIdOrderByCreatedAtDesc(a.id()))
                .orElse(List.of());
    }

    @Transactional
    void revoke(String username, long tokenId) {
        Account account =
                accounts.findByUsername(username).orElseThrow(() -> new RecordNotFound(Refusals.NO_USER, username));
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.accountId() == account.id())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_TOKEN, tokenId));
        token.revoke(clock.instant());
        forgetResolved();
        notices.changed(username);
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
