package org.custodian.civil;

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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * A vulnerable person an outreach team serves, with the least personal data that serves: no name, no
 * birth date, no address; a reference code, the settlement, an age band, sex, needs, and when they consented.
 * Read only through {@link Beneficiaries}, which lets outreach roles alone see one and audits each read.
 */
@Entity
@Table(name = "civil_beneficiary")
public class Beneficiary {

    public enum AgeBand {
        CHILD,
        ADULT,
        OLDER
    }

    public enum Sex {
        FEMALE,
        MALE,
        UNDISCLOSED
    }

    public enum Need {
        MEDICAL,
        FOOD,
        FUEL,
        ELECTRICITY,
        CARE,
        OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String reference;
    private long settlementId;

    @Enumerated(EnumType.STRING)
    private AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_beneficiary_need", joinColumns = @JoinColumn(name = "beneficiary_id"))
    @Column(name = "need")
    @Enumerated(EnumType.STRING)
    private Set<Need> needs = new HashSet<>();

    private LocalDate consentOn;
    private String consentRecordedBy;
    private String note;
    private boolean illustrative;

    protected Beneficiary() {
        this.regionCode = "";
        this.reference = "";
        this.ageBand = AgeBand.ADULT;
        this.sex = Sex.UNDISCLOSED;
        this.consentOn = LocalDate.EPOCH;
        this.consentRecordedBy = "";
        this.note = "";
    }

    Beneficiary(
            String regionCode,
            String reference,
            long settlementId,
            AgeBand ageBand,
            Sex sex,
            Set<Need> needs,
            LocalDate consentOn,
            String consentRecordedBy,
            String note,
            boolean illustrative) {
        this();
        this.regionCode = regionCode;
        this.reference = reference;
        this.settlementId = settlementId;
        this.ageBand = ageBand;
        this.sex = sex;
        this.needs = needs.isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(needs);
        this.consentOn = consentOn;
        this.consentRecordedBy = consentRecordedBy;
        this.note = note;
        this.illustrative = illustrative;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String regionCode() {
        return regionCode;
    }

    public String reference() {
        return reference;
    }

    public long settlementId() {
        return settlementId;
    }

    public AgeBand ageBand() {
        return ageBand;
    }

    public Sex sex() {
        return sex;
    }

    public Set<Need> needs() {
        return needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs);
    }

    public LocalDate consentOn() {
        return consentOn;
    }

    public String consentRecordedBy() {
        return consentRecordedBy;
    }

    public String note() {
        return note;
    }

    public boolean illustrative() {
        return illustrative;
    }
}
