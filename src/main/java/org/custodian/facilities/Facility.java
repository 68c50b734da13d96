package org.custodian.facilities;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A piece of infrastructure or a protected site: where it is, its status and how it came to be so, how it is
 * guarded, what inspections found, and whether it is flagged hazardous (a road near a mine accident).
 */
@Entity
@Table(name = "facility")
public class Facility {

    public enum Status {
        OPERATIONAL,
        DAMAGED,
        DESTROYED,
        UNKNOWN
    }

    public enum Posture {
        UNGUARDED,
        GUARDED,
        RESTRICTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;

    @Enumerated(EnumType.STRING)
    private FacilityKind kind;

    private Geometry geometry;

    @Enumerated(EnumType.STRING)
    private Status status = Status.UNKNOWN;

    @Enumerated(EnumType.STRING)
    private Posture posture = Posture.UNGUARDED;

    private @Nullable String hazard;
    private @Nullable Instant hazardSince;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "facility_status_change", joinColumns = @JoinColumn(name = "facility_id"))
    @OrderBy("at")
    private List<StatusChange> history = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "facility_inspection", joinColumns = @JoinColumn(name = "facility_id"))
    @OrderBy("on")
    private List<Inspection> inspections = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "facility_guard", joinColumns = @JoinColumn(name = "facility_id"))
    @OrderBy("from")
    private List<GuardAssignment> guards = new ArrayList<>();

    protected Facility() {
        this.regionCode = "";
        this.name = "";
        this.kind = FacilityKind.ROAD;
        this.geometry = Wgs84.FACTORY.createPoint();
    }

    Facility(
            String regionCode,
            String name,
            FacilityKind kind,
            Geometry geometry,
            Status status,
            String by,
            Instant at) {
        this();
        this.regionCode = regionCode;
        this.name = name;
        this.kind = kind;
        this.geometry = geometry;
        changeStatus(status, "recorded", by, at);
    }

    /** Corrects what the facility is and where; its status and history stay. */
    void describe(String regionCode, String name, FacilityKind kind, Geometry geometry) {
        this.regionCode = regionCode;
        this.name = name;
        this.kind = kind;
        this.geometry = geometry;
    }

    /** Records a new status with the reason; an unchanged status is not a change. */
    void changeStatus(Status status, String reason, String by, Instant at) {
        if (reason.isBlank()) {
            throw new RuleViolated("reason", CommonRefusals.SAY_WHY_STATUS_CHANGES);
        }
        if (!history.isEmpty() && status == this.status) {
            throw new ConflictWithState(Refusals.FACILITY_ALREADY, status.name().toLowerCase());
        }
        this.status = status;
        history.add(new StatusChange(at, status, reason, by));
    }

    /** Records an inspection; when it finds another status, the status changes with the findings as reason. */
    void inspect(Inspection inspection, @Nullable Status found, String by, Instant at) {
        if (inspection.findings().isBlank()) {
            throw new RuleViolated("findings", Refusals.INSPECTION_RECORDS_FINDINGS);
        }
        inspections.add(inspection);
        if (found != null && found != status) {
            changeStatus(found, "inspection on " + inspection.on() + ": " + inspection.findings(), by, at);
        }
    }

    /** Assigns a guard; the posture becomes guarded unless the site is restricted. */
    void assignGuard(GuardAssignment assignment, LocalDate today) {
        if (assignment.to() != null && assignment.to().isBefore(assignment.from())) {
            throw new RuleViolated("to", Refusals.ASSIGNMENT_ENDS_BEFORE_STARTS);
        }
        guards.add(assignment);
        if (posture == Posture.UNGUARDED
                && (assignment.to() == null || !assignment.to().isBefore(today))) {
            posture = Posture.GUARDED;
        }
    }

    void restrict(Posture posture) {
        this.posture = posture;
    }

    /** Flags the facility hazardous; the first flag's time is kept, the latest reason shown. */
    void flagHazardous(String reason, Instant at) {
        if (hazardSince == null || at.isBefore(hazardSince)) {
            hazardSince = at;
        }
        hazard = reason;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String regionCode() {
        return regionCode;
    }

    public String name() {
        return name;
    }

    public FacilityKind kind() {
        return kind;
    }

    public Geometry geometry() {
        return geometry;
    }

    public Status status() {
        return status;
    }

    public Posture posture() {
        return posture;
    }

    public @Nullable String hazard() {
        return hazard;
    }

    public @Nullable Instant hazardSince() {
        return hazardSince;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public List<Inspection> inspections() {
        return List.copyOf(inspections);
    }

    public List<GuardAssignment> guards() {
        return List.copyOf(guards);
    }
}
