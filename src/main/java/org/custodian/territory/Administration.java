package org.custodian.territory;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * The temporary administration of one region: when and by which decree it was established, who directs
 * it and who appointed them, the agencies it coordinates with, and when it was dissolved.
 */
@Entity
@Table(name = "territory_administration")
public class Administration {

    /** Whether an administration is in charge. */
    public enum Status {
        ACTIVE,
        DISSOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;

    private String name;
    private LocalDate establishedOn;
    private @Nullable String decreeReference;

    @Enumerated(EnumType.STRING)
    private Status status = Status.ACTIVE;

    private @Nullable LocalDate dissolvedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "territory_appointment", joinColumns = @JoinColumn(name = "administration_id"))
    private List<Appointment> appointments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "territory_coordination", joinColumns = @JoinColumn(name = "administration_id"))
    private List<CoordinationLink> coordination = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "territory_administration_source", joinColumns = @JoinColumn(name = "administration_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new LinkedHashSet<>();

    protected Administration() {
        this.region = new Region();
        this.name = "";
        this.establishedOn = LocalDate.EPOCH;
    }

    Administration(Region region, String name, LocalDate establishedOn, @Nullable String decreeReference) {
        this();
        this.region = region;
        describe(name, establishedOn, decreeReference);
    }

    void describe(String name, LocalDate establishedOn, @Nullable String decreeReference) {
        if (establishedOn.isAfter(LocalDate.now(region.zone()))) {
            throw new RuleViolated("establishedOn", CommonRefusals.DATE_IN_FUTURE);
        }
        if (dissolvedOn != null && dissolvedOn.isBefore(establishedOn)) {
            throw new RuleViolated("establishedOn", Refusals.ADMINISTRATION_CANNOT_ESTABLISHED_AFTER_DISSOLUTION);
        }
        this.name = name;
        this.establishedOn = establishedOn;
        this.decreeReference = decreeReference;
    }

    void cite(Set<Long> sourceIds) {
        this.sources = new LinkedHashSet<>(sourceIds);
    }

    void coordinateWith(List<CoordinationLink> links) {
        this.coordination = new ArrayList<>(links);
    }

    /** Appoints a person; a new director ends the current director's appointment on the same day. */
    void appoint(Appointment appointment) {
        if (status == Status.DISSOLVED) {
            throw new ConflictWithState(Refusals.ADMINISTRATION_DISSOLVED);
        }
        if (appointment.appointedOn().isBefore(establishedOn)) {
            throw new RuleViolated("appointedOn", Refusals.APPOINTMENT_PREDATES_ADMINISTRATION);
        }
        if (appointment.position().equals(Appointment.DIRECTOR)) {
            director().ifPresent(current -> {
                appointments.remove(current);
                appointments.add(new Appointment(
                        current.personName(),
                        current.position(),
                        current.appointedBy(),
                        current.appointedOn(),
                        appointment.appointedOn()));
            });
        }
        appointments.add(appointment);
    }

    void dissolve(LocalDate on) {
        if (status == Status.DISSOLVED) {
            throw new ConflictWithState(Refusals.ADMINISTRATION_ALREADY_DISSOLVED);
        }
        if (on.isBefore(establishedOn)) {
            throw new RuleViolated("dissolvedOn", Refusals.DISSOLUTION_PREDATES_ESTABLISHMENT);
        }
        this.status = Status.DISSOLVED;
        this.dissolvedOn = on;
        List<Appointment> ended = appointments.stream()
                .map(a -> a.current()
                        ? new Appointment(a.personName(), a.position(), a.appointedBy(), a.appointedOn(), on)
                        : a)
                .toList();
        appointments.clear();
        appointments.addAll(ended);
    }

    /** The current director, if one is appointed. */
    public Optional<Appointment> director() {
        return appointments.stream()
                .filter(a -> a.current() && a.position().equals(Appointment.DIRECTOR))
                .findFirst();
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public Region region() {
        return region;
    }

    public String name() {
        return name;
    }

    public LocalDate establishedOn() {
        return establishedOn;
    }

    public @Nullable String decreeReference() {
        return decreeReference;
    }

    public Status status() {
        return status;
    }

    public @Nullable LocalDate dissolvedOn() {
        return dissolvedOn;
    }

    public List<Appointment> appointments() {
        return List.copyOf(appointments);
    }

    public List<CoordinationLink> coordination() {
        return List.copyOf(coordination);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
