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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** A station along a corridor: where it is, what it offers and how many people it can take. */
@Entity
@Table(name = "humanitarian_station")
public class Station {

    public enum Service {
        MEDICAL,
        FOOD,
        WATER,
        REGISTRATION,
        SHELTER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private @Nullable Long corridorId;
    private String name;
    private Point location;
    private @Nullable Integer capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_station_service", joinColumns = @JoinColumn(name = "station_id"))
    @Column(name = "service")
    @Enumerated(EnumType.STRING)
    private Set<Service> services = new HashSet<>();

    protected Station() {
        this.regionCode = "";
        this.name = "";
        this.location = Wgs84.FACTORY.createPoint();
    }

    Station(
            String regionCode,
            @Nullable Long corridorId,
            String name,
            Point location,
            Set<Service> services,
            @Nullable Integer capacity) {
        this();
        this.regionCode = regionCode;
        this.corridorId = corridorId;
        this.name = name;
        this.location = location;
        this.services = new HashSet<>(services);
        this.capacity = capacity;
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

    public @Nullable Long corridorId() {
        return corridorId;
    }

    public String name() {
        return name;
    }

    public Point location() {
        return location;
    }

    public @Nullable Integer capacity() {
        return capacity;
    }

    /** The services in their usual order. */
    public Set<Service> services() {
        return services.isEmpty() ? Set.of() : EnumSet.copyOf(services);
    }
}
