package org.custodian.platform.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token. Only the SHA-256 of the secret is stored: a stolen database does not yield usable
 * tokens, and the secret is shown once, when the token is made.
 */
@Entity
@Table(name = "platform_api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long accountId;
    private String name;
    private String tokenHash;
    private Instant createdAt;
    private @Nullable Instant expiresAt;
    private @Nullable Instant revokedAt;

    protected ApiToken() {
        this.name = "";
        this.tokenHash = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiToken(long accountId, String name, String tokenHash, Instant createdAt, @Nullable Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    long id() {
        return Objects.requireNonNull(id);
    }

    long accountId() {
        return accountId;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant expiresAt() {
        return expiresAt;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }
}
