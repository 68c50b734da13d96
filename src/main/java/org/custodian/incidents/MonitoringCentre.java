package org.custodian.incidents;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A joint centre that monitors a ceasefire: when its memorandum was signed, since when it operates (with a
 * note when the sources disagree), and the parties that staff it.
 */
@Entity
@Table(name = "incident_monitoring_centre")
public class MonitoringCentre {

    /** A party contributing staff; counts are as reported, and may be unknown. */
    @Embeddable
    public record Party(
            String party,
            @Nullable Integer generals,
            @Nullable Integer staff,
            @Nullable String note) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String name;
    private LocalDate memorandumSignedOn;
    private LocalDate operatingFrom;
    private @Nullable String operatingFromNote;
    private LocalDate ceasefireOf;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_monitoring_party", joinColumns = @JoinColumn(name = "centre_id"))
    private List<Party> parties = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_monitoring_source", joinColumns = @JoinColumn(name = "centre_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected MonitoringCentre() {
        this.name = "";
        this.memorandumSignedOn = LocalDate.EPOCH;
        this.operatingFrom = LocalDate.EPOCH;
        this.ceasefireOf = LocalDate.EPOCH;
    }

    MonitoringCentre(
            String name,
            LocalDate memorandumSignedOn,
            LocalDate operatingFrom,
            @Nullable String operatingFromNote,
            LocalDate ceasefireOf,
            List<Party> parties,
            Set<Long> sources) {
        this.name = name;
        this.memorandumSignedOn = memorandumSignedOn;
        this.operatingFrom = operatingFrom;
        this.operatingFromNote = operatingFromNote;
        this.ceasefireOf = ceasefireOf;
        this.parties = new ArrayList<>(parties);
        this.sources = new HashSet<>(sources);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String name() {
        return name;
    }

    public LocalDate memorandumSignedOn() {
        return memorandumSignedOn;
    }

    public LocalDate operatingFrom() {
        return operatingFrom;
    }

    public @Nullable String operatingFromNote() {
        return operatingFromNote;
    }

    public LocalDate ceasefireOf() {
        return ceasefireOf;
    }

    public List<Party> parties() {
        return List.copyOf(parties);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
