package org.custodian.mineaction;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** A mine or explosive-ordnance accident: when, where, what device, doing what, and who was harmed. */
@Entity
@Table(name = "mine_accident")
public class Accident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private Instant occurredAt;

    @Column(name = "time_of_day_known")
    private boolean timeOfDayKnown = true;

    private Point location;

    @Enumerated(EnumType.STRING)
    private Contamination device;

    private String activity;
    private String description;
    private @Nullable Long hazardAreaId;

    /** The road it happened on, as the facilities module names it, when known. */
    private @Nullable String road;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "mine_accident_victim", joinColumns = @JoinColumn(name = "accident_id"))
    private List<Victim> victims = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "mine_accident_source", joinColumns = @JoinColumn(name = "accident_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new LinkedHashSet<>();

    protected Accident() {
        this.regionCode = "";
        this.occurredAt = Instant.EPOCH;
        this.location = Wgs84.FACTORY.createPoint();
        this.device = Contamination.AT_MINE;
        this.activity = "";
        this.description = "";
    }

    Accident(
            String regionCode,
            Instant occurredAt,
            boolean timeOfDayKnown,
            Point location,
            Contamination device,
            String activity,
            String description,
            @Nullable Long hazardAreaId,
            @Nullable String road,
            List<Victim> victims,
            Set<Long> sources) {
        this.regionCode = regionCode;
        this.occurredAt = occurredAt;
        this.timeOfDayKnown = timeOfDayKnown;
        this.location = location;
        this.device = device;
        this.activity = activity;
        this.description = description;
        this.hazardAreaId = hazardAreaId;
        this.road = road;
        this.victims = new ArrayList<>(victims);
        this.sources = new LinkedHashSet<>(sources);
    }

    AccidentRecorded recorded() {
        return new AccidentRecorded(
                id(), regionCode, location, occurredAt, timeOfDayKnown, victims, sources, description);
    }

    public int count(Victim.Outcome outcome) {
        return (int) victims.stream().filter(v -> v.outcome() == outcome).count();
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

    public Instant occurredAt() {
        return occurredAt;
    }

    /** False when the report gives the day only: {@link #occurredAt()} is then noon of that day in the region. */
    public boolean timeOfDayKnown() {
        return timeOfDayKnown;
    }

    public Point location() {
        return location;
    }

    public Contamination device() {
        return device;
    }

    public String activity() {
        return activity;
    }

    public String description() {
        return description;
    }

    public @Nullable Long hazardAreaId() {
        return hazardAreaId;
    }

    public @Nullable String road() {
        return road;
    }

    public List<Victim> victims() {
        return List.copyOf(victims);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
