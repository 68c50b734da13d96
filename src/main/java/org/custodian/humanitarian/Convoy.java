package org.custodian.humanitarian;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * An aid convoy: who sends it, what it carries (its manifest), from where to where by which way, and its
 * status history. The convoy keeps its own rules of which status may follow which.
 */
@Entity
@Table(name = "humanitarian_convoy")
public class Convoy {

    public enum Status {
        PLANNED,
        WAITING,
        REFUSED,
        EN_ROUTE,
        DELIVERED,
        BLOCKED;

        /** Held up somewhere rather than moving: the days these last are the days waiting. */
        public boolean held() {
            return this == WAITING || this == REFUSED || this == BLOCKED;
        }
    }

    /** Which status may follow which: a delivered convoy's history is closed. */
    static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.PLANNED, EnumSet.of(Status.WAITING, Status.REFUSED, Status.EN_ROUTE, Status.BLOCKED),
            Status.WAITING, EnumSet.of(Status.REFUSED, Status.EN_ROUTE, Status.BLOCKED),
            Status.REFUSED, EnumSet.of(Status.WAITING, Status.EN_ROUTE, Status.BLOCKED),
            Status.BLOCKED, EnumSet.of(Status.WAITING, Status.REFUSED, Status.EN_ROUTE),
            Status.EN_ROUTE, EnumSet.of(Status.WAITING, Status.BLOCKED, Status.DELIVERED),
            Status.DELIVERED, EnumSet.noneOf(Status.class));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;
    private String organisation;
    private Point origin;
    private String originName;
    private Point destination;
    private String destinationName;
    private @Nullable LineString route;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PLANNED;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_convoy_status", joinColumns = @JoinColumn(name = "convoy_id"))
    @OrderBy("at")
    private List<StatusChange> history = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_convoy_line", joinColumns = @JoinColumn(name = "convoy_id"))
    @OrderColumn(name = "line_no")
    private List<ManifestLine> manifest = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_convoy_source", joinColumns = @JoinColumn(name = "convoy_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected Convoy() {
        this.reference = "";
        this.regionCode = "";
        this.organisation = "";
        this.origin = Wgs84.FACTORY.createPoint();
        this.originName = "";
        this.destination = Wgs84.FACTORY.createPoint();
        this.destinationName = "";
    }

    Convoy(String reference, Convoys.Draft d, @Nullable LineString route, String by, Instant at) {
        this();
        this.reference = reference;
        this.regionCode = d.regionCode();
        this.organisation = d.organisation().strip();
        this.origin = d.origin();
        this.originName = d.originName().strip();
        this.destination = d.destination();
        this.destinationName = d.destinationName().strip();
        this.route = route;
        this.sources = new HashSet<>(d.sources());
        d.manifest().forEach(this::load);
        StatusHistory.append(history, "", Status.PLANNED.name(), "recorded", by, at, Refusals.CONVOY_ALREADY, false);
    }

    /** Adds a line to the manifest; a delivered convoy's manifest is closed. */
    void load(ManifestLine line) {
        if (status == Status.DELIVERED) {
            throw new ConflictWithState(Refusals.CONVOY_DELIVERED_MANIFEST_CLOSED);
        }
        if (line.item().isBlank()) {
            throw new RuleViolated("item", Refusals.NAME_ITEM);
        }
        if (line.quantity().signum() <= 0) {
            throw new RuleViolated("quantity", Refusals.QUANTITY_MORE_ZERO);
        }
        manifest.add(new ManifestLine(line.item().strip(), line.quantity(), line.unit()));
    }

    /** Removes the manifest line at this position (from 0). */
    void unload(int index) {
        if (status == Status.DELIVERED) {
            throw new ConflictWithState(Refusals.CONVOY_DELIVERED_MANIFEST_CLOSED);
        }
        if (index < 0 || index >= manifest.size()) {
            throw new org.custodian.platform.RecordNotFound(Refusals.NO_MANIFEST_LINE, index);
        }
        manifest.remove(index);
    }

    /**
     * Moves the convoy to another status, with the reason; only the moves {@link #NEXT} allows: a delivered
     * convoy never waits again.
     */
    void changeStatus(Status to, String reason, String by, Instant at) {
        if (to != status && !NEXT.get(status).contains(to)) {
            throw new ConflictWithState(
                    status == Status.DELIVERED ? Refusals.CONVOY_CANNOT_BECOME_CLOSED : Refusals.CONVOY_CANNOT_BECOME,
                    StatusHistory.said(status.name()),
                    StatusHistory.said(to.name()));
        }
        StatusHistory.append(history, status.name(), to.name(), reason, by, at, Refusals.CONVOY_ALREADY, true);
        this.status = to;
    }

    /** Since when the convoy has been held up (waiting, refused or blocked, one after the other); null if moving. */
    public @Nullable Instant waitingSince() {
        if (!status.held()) {
            return null;
        }
        Instant since = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChange change = history.get(i);
            if (!Status.valueOf(change.status()).held()) {
                break;
            }
            since = change.at();
        }
        return since;
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

    public String organisation() {
        return organisation;
    }

    public Point origin() {
        return origin;
    }

    public String originName() {
        return originName;
    }

    public Point destination() {
        return destination;
    }

    public String destinationName() {
        return destinationName;
    }

    public @Nullable LineString route() {
        return route;
    }

    /** The planned route, else a straight line from origin to destination. */
    public LineString path() {
        return route != null
                ? route
                : Wgs84.FACTORY.createLineString(
                        new Coordinate[] {origin.getCoordinate(), destination.getCoordinate()});
    }

    public Status status() {
        return status;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public List<ManifestLine> manifest() {
        return List.copyOf(manifest);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }

    /** The manifest in words, for lists and exports: "Flour 40 tonnes; Water 2000 litres". */
    public String cargo() {
        return String.join(
                "; ",
                manifest.stream()
                        .map(l -> l.item() + " "
                                + l.quantity().stripTrailingZeros().toPlainString() + " "
                                + l.unit().name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }

    /** The total quantity when every line has the same unit, else null. */
    public @Nullable BigDecimal totalQuantity() {
        if (manifest.isEmpty()
                || manifest.stream().map(ManifestLine::unit).distinct().count() != 1) {
            return null;
        }
        return manifest.stream().map(ManifestLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
