package org.custodian.humanitarian;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** A shelter for evacuated people: where, how many it can take and how many it held over time. */
@Entity
@Table(name = "humanitarian_shelter")
public class Shelter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;
    private Point location;
    private int capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_shelter_occupancy", joinColumns = @JoinColumn(name = "shelter_id"))
    @OrderBy("on")
    private List<Occupancy> occupancy = new ArrayList<>();

    protected Shelter() {
        this.regionCode = "";
        this.name = "";
        this.location = Wgs84.FACTORY.createPoint();
    }

    Shelter(String regionCode, String name, Point location, int capacity) {
        this();
        this.regionCode = regionCode;
        this.name = name;
        this.location = location;
        this.capacity = capacity;
    }

    /** Records a count; one count a day (a later one for the same day replaces it). */
    void count(Occupancy count) {
        if (count.people() < 0) {
            throw new RuleViolated("people", CommonRefusals.NUMBER_PEOPLE_CANNOT_NEGATIVE);
        }
        if (count.on().isAfter(LocalDate.now().plusDays(1))) {
            throw new RuleViolated("on", Refusals.COUNT_DATED_FUTURE);
        }
        occupancy.removeIf(o -> o.on().equals(count.on()));
        occupancy.add(count);
        occupancy.sort(java.util.Comparator.comparing(Occupancy::on));
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

    public Point location() {
        return location;
    }

    public int capacity() {
        return capacity;
    }

    /** Counts, oldest first. */
    public List<Occupancy> occupancy() {
        return List.copyOf(occupancy);
    }

    /** The latest count, or null before the first. */
    public @Nullable Integer occupied() {
        return occupancy.isEmpty() ? null : occupancy.get(occupancy.size() - 1).people();
    }
}
