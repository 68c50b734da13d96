package org.custodian.routing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;

/**
 * A road closed to traffic along a line, for a reason, from a moment until another (or until reopened).
 * Routes keep clear of it while it is in force.
 */
@Entity
@Table(name = "routing_closed_road")
public class ClosedRoad {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;
    private LineString line;
    private String reason;
    private Instant closedFrom;
    private @Nullable Instant closedUntil;
    private @Nullable Instant reopenedAt;
    private String closedBy;

    protected ClosedRoad() {
        this.regionCode = "";
        this.name = "";
        this.line = Wgs84.FACTORY.createLineString();
        this.reason = "";
        this.closedFrom = Instant.EPOCH;
        this.closedBy = "";
    }

    ClosedRoad(
            String regionCode,
            String name,
            LineString line,
            String reason,
            Instant closedFrom,
            @Nullable Instant closedUntil,
            String closedBy) {
        if (closedUntil != null && !closedUntil.isAfter(closedFrom)) {
            throw new RuleViolated("closedUntil", Refusals.CLOSURE_ENDS_BEFORE_STARTS);
        }
        this.regionCode = regionCode;
        this.name = name;
        this.line = line;
        this.reason = reason;
        this.closedFrom = closedFrom;
        this.closedUntil = closedUntil;
        this.closedBy = closedBy;
    }

    /** Reopens the road at {@code at}: the closure then ends there. */
    void reopen(Instant at) {
        if (reopenedAt != null) {
            throw new ConflictWithState(Refusals.ROAD_REOPENED_ALREADY, reopenedAt);
        }
        if (closedUntil != null && !at.isBefore(closedUntil)) {
            throw new ConflictWithState(Refusals.CLOSURE_ALREADY_ENDED, closedUntil);
        }
        this.reopenedAt = at;
        this.closedUntil = at.isBefore(closedFrom) ? closedFrom : at;
    }

    AreasToAvoid.Closure closure() {
        return new AreasToAvoid.Closure(id(), name, regionCode, line, closedFrom, closedUntil);
    }

    public boolean inForceAt(Instant at) {
        return closure().inForceAt(at);
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

    public LineString line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    public Instant closedFrom() {
        return closedFrom;
    }

    public @Nullable Instant closedUntil() {
        return closedUntil;
    }

    public @Nullable Instant reopenedAt() {
        return reopenedAt;
    }

    public String closedBy() {
        return closedBy;
    }
}
