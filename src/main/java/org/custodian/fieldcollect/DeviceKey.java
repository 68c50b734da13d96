package org.custodian.fieldcollect;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A device key, as ODK Central's app users have: a secret in the server URL that a phone keeps, acting for
 * one account with that account's role and regions as they are at each request. Only the SHA-256 of the
 * secret is stored (in {@code tokenHash}, which the audit trail redacts); revoking is for good. Public for
 * the pages' templates only; other modules have no use for it.
 */
@Entity
@Table(name = "fieldcollect_device_key")
public class DeviceKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;
    private String name;
    private String tokenHash;
    private Instant createdAt;
    private String createdBy;
    private @Nullable Instant revokedAt;

    protected DeviceKey() {
        this.username = "";
        this.name = "";
        this.tokenHash = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    DeviceKey(String username, String name, String tokenHash, Instant createdAt, String createdBy) {
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public boolean usable() {
        return revokedAt == null;
    }

    public long id() {
        return Objects.requireNonNull(id);
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }
}
