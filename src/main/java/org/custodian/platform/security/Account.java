package org.custodian.platform.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;

/** A person or system that signs in: role, scope (regions, agency) and a hashed password. */
@Entity
@Table(name = "platform_account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String username;
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean allRegions;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_account_region", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "region_code")
    private Set<String> regions = new HashSet<>();

    private @Nullable Long agencyId;

    private boolean enabled = true;

    protected Account() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = Role.VIEWER;
    }

    Account(String username, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.allRegions = role == Role.ADMIN;
    }

    void scopeTo(boolean allRegions, Set<String> regions, @Nullable Long agencyId) {
        this.allRegions = allRegions || role == Role.ADMIN;
        this.regions = new HashSet<>(regions);
        this.agencyId = agencyId;
    }

    void changeRole(Role role) {
        this.role = role;
        if (role == Role.ADMIN) {
            this.allRegions = true;
        }
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public Scope scope() {
        return new Scope(username, role, allRegions, regions, agencyId);
    }
}
