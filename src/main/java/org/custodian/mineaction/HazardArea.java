package org.custodian.mineaction;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A suspected (SHA) or confirmed (CHA) hazardous area and the land released from it. The area keeps the
 * IMAS arithmetic honest: each release lies inside the area, releases do not overlap, and no more is
 * released than the area holds.
 */
@Entity
@Table(name = "mine_hazard_area")
public class HazardArea {

    /** Whether contamination is suspected from indirect evidence or confirmed by direct evidence. */
    public enum Classification {
        SHA,
        CHA
    }

    public enum Status {
        SUSPECTED,
        CONFIRMED,
        IN_CLEARANCE,
        RELEASED
    }

    public enum Priority {
        HIGH,
        MEDIUM,
        LOW
    }

    /** Share of a release allowed outside its area or overlapping another, for digitising noise. */
    static final double TOLERANCE = 0.001;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String name;
    private String regionCode;

    @Enumerated(EnumType.STRING)
    private Classification classification;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "mine_hazard_contamination", joinColumns = @JoinColumn(name = "hazard_area_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "contamination")
    private Set<Contamination> contamination = EnumSet.noneOf(Contamination.class);

    private MultiPolygon area;
    private double areaSquareMetres;
    private double releasedSquareMetres;
    private LocalDate recordedOn;

    /** The content hash of the imported feature it was made from; null when it was recorded by hand. */
    private @Nullable String importHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "mine_hazard_area_source", joinColumns = @JoinColumn(name = "hazard_area_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "hazard_area_id", nullable = false)
    @OrderBy("completedOn")
    private List<LandRelease> releases = new ArrayList<>();

    protected HazardArea() {
        this.reference = "";
        this.name = "";
        this.regionCode = "";
        this.classification = Classification.SHA;
        this.status = Status.SUSPECTED;
        this.priority = Priority.MEDIUM;
        this.area = Wgs84.FACTORY.createMultiPolygon();
        this.recordedOn = LocalDate.EPOCH;
    }

    HazardArea(String reference, String regionCode, LocalDate recordedOn) {
        this();
        this.reference = reference;
        this.regionCode = regionCode;
        this.recordedOn = recordedOn;
    }

    /** Describes the area; its polygon may change only while nothing has been released from it. */
    void describe(
            String name,
            Classification classification,
            Priority priority,
            Set<Contamination> contamination,
            Geometry polygon,
            Set<Long> sources) {
        if (contamination.isEmpty()) {
            throw new RuleViolated("contamination", Refusals.NAME_LEAST_CONTAMINATION_CATEGORY);
        }
        MultiPolygon area = polygon instanceof Polygon p
                ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
                : (MultiPolygon) polygon;
        if (!releases.isEmpty() && !area.equalsExact(this.area)) {
            throw new ConflictWithState(Refusals.LAND_BEEN_RELEASED_AREA_POLYGON);
        }
        this.name = name;
        this.classification = classification;
        this.priority = priority;
        this.contamination = EnumSet.copyOf(contamination);
        this.area = area;
        this.areaSquareMetres = GeodesicMeasure.areaSquareMetres(area);
        this.sources = new LinkedHashSet<>(sources);
        if (status == Status.SUSPECTED || status == Status.CONFIRMED) {
            this.status = classification == Classification.CHA ? Status.CONFIRMED : Status.SUSPECTED;
        }
    }

    /** Records land released; the release must lie inside the area and not overlap earlier releases. */
    LandRelease release(
            long organisationId, ReleaseMethod method, LocalDate startedOn, LocalDate completedOn, Geometry polygon) {
        if (status == Status.RELEASED) {
            throw new ConflictWithState(Refusals.ALL_HAZARD_AREA_ALREADY_RELEASED, reference);
        }
        if (completedOn.isBefore(startedOn)) {
            throw new RuleViolated("completedOn", Refusals.TASK_COMPLETES_BEFORE_STARTS);
        }
        if (startedOn.isBefore(recordedOn)) {
            throw new RuleViolated("startedOn", Refusals.TASK_STARTS_BEFORE_HAZARD_AREA, recordedOn);
        }
        MultiPolygon released = polygon instanceof Polygon p
                ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
                : (MultiPolygon) polygon;
        double releasedArea = GeodesicMeasure.areaSquareMetres(released);
        double outside = GeodesicMeasure.areaSquareMetres(released.difference(area));
        if (outside > TOLERANCE * releasedArea) {
            throw new RuleViolated("geometry", Refusals.RELEASED_OUTSIDE_AREA, Math.round(outside), reference);
        }
        for (LandRelease earlier : releases) {
            double overlap = GeodesicMeasure.areaSquareMetres(released.intersection(earlier.area()));
            if (overlap > TOLERANCE * releasedArea) {
                throw new RuleViolated(
                        "geometry", Refusals.RELEASED_ALREADY_ON, Math.round(overlap), earlier.completedOn());
            }
        }
        if (releasedSquareMetres + releasedArea > areaSquareMetres * (1 + TOLERANCE)) {
            throw new RuleViolated(
                    "geometry",
                    Refusals.RELEASE_EXCEEDS_AREA,
                    Math.round(releasedArea),
                    Math.round(remainingSquareMetres()),
                    Math.round(areaSquareMetres));
        }
        LandRelease release = new LandRelease(organisationId, method, startedOn, completedOn, released, releasedArea);
        releases.add(release);
        releasedSquareMetres += releasedArea;
        status = remainingSquareMetres() <= areaSquareMetres * TOLERANCE ? Status.RELEASED : Status.IN_CLEARANCE;
        return release;
    }

    /** Marks the area as made from an imported feature with this content hash (see HazardAreaImport). */
    void importedAs(String contentHash) {
        this.importHash = contentHash;
    }

    /** The part of the area not yet released (the area less every release), WGS 84. */
    public Geometry remainingArea() {
        Geometry remaining = area;
        for (LandRelease r : releases) {
            remaining = remaining.difference(r.area());
        }
        remaining.setSRID(Wgs84.SRID);
        return remaining;
    }

    public double remainingSquareMetres() {
        return Math.max(0, areaSquareMetres - releasedSquareMetres);
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

    public String name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }

    public Classification classification() {
        return classification;
    }

    public Status status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public Set<Contamination> contamination() {
        return contamination.isEmpty() ? Set.of() : EnumSet.copyOf(contamination);
    }

    public MultiPolygon area() {
        return area;
    }

    public double areaSquareMetres() {
        return areaSquareMetres;
    }

    public double releasedSquareMetres() {
        return releasedSquareMetres;
    }

    public LocalDate recordedOn() {
        return recordedOn;
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }

    public List<LandRelease> releases() {
        return List.copyOf(releases);
    }
}
