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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;

/**
 * A humanitarian corridor: the way people and aid may pass, its status and how it came to be so, the
 * agencies that guarantee it and the sources that describe it.
 */
@Entity
@Table(name = "humanitarian_corridor")
public class Corridor {

    public enum Status {
        PLANNED,
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;
    private LineString line;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PLANNED;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_corridor_status", joinColumns = @JoinColumn(name = "corridor_id"))
    @OrderBy("at")
    private List<StatusChange> history = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_corridor_guarantor", joinColumns = @JoinColumn(name = "corridor_id"))
    @Column(name = "agency_id")
    private Set<Long> guarantors = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_corridor_source", joinColumns = @JoinColumn(name = "corridor_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected Corridor() {
        this.regionCode = "";
        this.name = "";
        this.line = Wgs84.FACTORY.createLineString();
    }

    Corridor(String regionCode, String name, LineString line, Set<Long> guarantors, Set<Long> sources) {
        this();
        this.regionCode = regionCode;
        this.name = name;
        this.line = line;
        this.guarantors = new HashSet<>(guarantors);
        this.sources = new HashSet<>(sources);
    }

    /** Records a new status with its reason, no earlier than the last one; an unchanged status is no change. */
    void changeStatus(Status to, String reason, String by, Instant at) {
        StatusHistory.append(
                history, status.name(), to.name(), reason, by, at, Refusals.CORRIDOR_ALREADY, !history.isEmpty());
        this.status = to;
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

    public Status status() {
        return status;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public Set<Long> guarantors() {
        return Set.copyOf(guarantors);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
