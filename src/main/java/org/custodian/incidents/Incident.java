package org.custodian.incidents;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Something that happened in a region and was reported: what, when and where (each with its precision),
 * who was involved as reported, the casualties, who reported it and the sources, and how far it has been
 * verified.
 */
@Entity
@Table(name = "incident")
public class Incident {

    /** How exactly the time is known (ACLED time precision 1-3, and a month). */
    public enum TimePrecision {
        EXACT,
        DAY,
        WEEK,
        MONTH
    }

    /** How exactly the place is known (ACLED geo precision: the place, near it, the region). */
    public enum GeoPrecision {
        EXACT,
        NEAR,
        REGION
    }

    /** Verification: reported, under review, then verified, disputed or rejected. */
    public enum Status {
        REPORTED,
        UNDER_REVIEW,
        VERIFIED,
        DISPUTED,
        REJECTED;

        boolean concluded() {
            return this == VERIFIED || this == DISPUTED || this == REJECTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;

    @Enumerated(EnumType.STRING)
    private IncidentType type;

    private @Nullable String subType;
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private TimePrecision timePrecision;

    private Geometry location;

    @Enumerated(EnumType.STRING)
    private GeoPrecision geoPrecision;

    private @Nullable String actor1;
    private @Nullable String actor2;
    private String description;

    @Embedded
    private Casualties casualties = Casualties.NONE;

    private boolean ceasefireViolation;
    private @Nullable Long reportingAgencyId;
    private @Nullable Long accidentId;
    private @Nullable Long fieldSubmissionId;

    @Enumerated(EnumType.STRING)
    private Status status = Status.REPORTED;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "incident_source", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "incident_review", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderBy("at")
    private List<Review> reviews = new ArrayList<>();

    protected Incident() {
        this.reference = "";
        this.regionCode = "";
        this.type = IncidentType.OTHER;
        this.occurredAt = Instant.EPOCH;
        this.timePrecision = TimePrecision.EXACT;
        this.location = Wgs84.FACTORY.createPoint();
        this.geoPrecision = GeoPrecision.EXACT;
        this.description = "";
    }

    Incident(String reference, String regionCode) {
        this();
        this.reference = reference;
        this.regionCode = regionCode;
    }

    void describe(Incidents.IncidentDraft d) {
        this.type = d.type();
        this.subType = d.subType();
        this.occurredAt = d.occurredAt();
        this.timePrecision = d.timePrecision();
        this.location = d.location();
        this.geoPrecision = d.geoPrecision();
        this.actor1 = d.actor1();
        this.actor2 = d.actor2();
        this.description = d.description();
        this.casualties = d.casualties();
        this.ceasefireViolation = d.ceasefireViolation() || d.type() == IncidentType.CEASEFIRE_VIOLATION;
        this.reportingAgencyId = d.reportingAgencyId();
        this.sources = new HashSet<>(d.sources());
        if (status == Status.VERIFIED && sources.isEmpty()) {
            throw new RuleViolated("sources", Refusals.VERIFIED_INCIDENT_CITES_LEAST_SOURCE);
        }
    }

    void cite(long sourceId) {
        sources.add(sourceId);
    }

    void removeCitation(long sourceId) {
        if (!sources.contains(sourceId)) {
            throw new RuleViolated("sourceId", Refusals.INCIDENT_DOES_CITE_SOURCE, sourceId);
        }
        if (status == Status.VERIFIED && sources.size() == 1) {
            throw new RuleViolated("sourceId", Refusals.VERIFIED_INCIDENT_CITES_LEAST_SOURCE);
        }
        sources.remove(sourceId);
    }

    void linkFieldSubmission(long submissionId) {
        this.fieldSubmissionId = submissionId;
    }

    /** The field submission this incident was reported by, if it came from ODK Collect. */
    public @Nullable Long fieldSubmissionId() {
        return fieldSubmissionId;
    }

    void linkAccident(long accidentId) {
        this.accidentId = accidentId;
    }

    /**
     * Moves the verification one step: a reported incident goes under review first; only then is it
     * verified (with a source), disputed or rejected (with a reason). A concluded review may be reopened.
     */
    void review(Status to, String reviewer, @Nullable String reason, Instant at) {
        boolean allowed =
                switch (to) {
                    case REPORTED -> false;
                    case UNDER_REVIEW -> status == Status.REPORTED || status.concluded();
                    case VERIFIED, DISPUTED, REJECTED -> status == Status.UNDER_REVIEW;
                };
        if (!allowed) {
            throw new RuleViolated(
                    "status",
                    to.concluded() ? Refusals.INCIDENT_CANNOT_BE_REVIEW_FIRST : Refusals.INCIDENT_CANNOT_BE,
                    said(status),
                    said(to));
        }
        if (to == Status.VERIFIED && sources.isEmpty()) {
            throw new RuleViolated("status", Refusals.VERIFIED_INCIDENT_CITES_LEAST_SOURCE);
        }
        if ((to == Status.DISPUTED || to == Status.REJECTED) && (reason == null || reason.isBlank())) {
            throw new RuleViolated("reason", Refusals.SAY_WHY_INCIDENT, said(to));
        }
        if (status == to) {
            throw new ConflictWithState(Refusals.INCIDENT_ALREADY, said(to));
        }
        this.status = to;
        reviews.add(new Review(to, reviewer, reason == null || reason.isBlank() ? null : reason.strip(), at));
    }

    /** A status as a refusal names it, in the words of the page's language. */
    private static Reason said(Status s) {
        return Reason.of(
                switch (s) {
                    case REPORTED -> Refusals.STATUS_REPORTED;
                    case UNDER_REVIEW -> Refusals.STATUS_UNDER_REVIEW;
                    case VERIFIED -> Refusals.STATUS_VERIFIED;
                    case DISPUTED -> Refusals.STATUS_DISPUTED;
                    case REJECTED -> Refusals.STATUS_REJECTED;
                });
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String reference() {
        return reference;
    }

    public String regionCode() {
        return regionCode;
    }

    public IncidentType type() {
        return type;
    }

    public @Nullable String subType() {
        return subType;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public TimePrecision timePrecision() {
        return timePrecision;
    }

    public Geometry location() {
        return location;
    }

    public GeoPrecision geoPrecision() {
        return geoPrecision;
    }

    public @Nullable String actor1() {
        return actor1;
    }

    public @Nullable String actor2() {
        return actor2;
    }

    public String description() {
        return description;
    }

    public Casualties casualties() {
        return casualties;
    }

    public boolean ceasefireViolation() {
        return ceasefireViolation;
    }

    public @Nullable Long reportingAgencyId() {
        return reportingAgencyId;
    }

    public @Nullable Long accidentId() {
        return accidentId;
    }

    public Status status() {
        return status;
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }

    public List<Review> reviews() {
        return List.copyOf(reviews);
    }
}
