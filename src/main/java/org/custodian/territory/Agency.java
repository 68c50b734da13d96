package org.custodian.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A ministry, service, organisation or contingent the administrations work with. */
@Entity
@Table(name = "territory_agency")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String name;
    private @Nullable String shortName;

    @Enumerated(EnumType.STRING)
    private AgencyKind kind;

    private @Nullable String country;

    protected Agency() {
        this.name = "";
        this.kind = AgencyKind.SERVICE;
    }

    Agency(String name, @Nullable String shortName, AgencyKind kind, @Nullable String country) {
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.country = country;
    }

    void describe(String name, @Nullable String shortName, AgencyKind kind, @Nullable String country) {
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.country = country;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public @Nullable String shortName() {
        return shortName;
    }

    public AgencyKind kind() {
        return kind;
    }

    public @Nullable String country() {
        return country;
    }
}
