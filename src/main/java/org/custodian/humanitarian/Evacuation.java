package org.custodian.humanitarian;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * People moved from a settlement or an area to a shelter or a place on a day. How many, by age band and sex,
 * is what each source reports: those are reported figures kept beside the evacuation, not columns of it.
 */
@Entity
@Table(name = "humanitarian_evacuation")
public class Evacuation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;
    private @Nullable Long fromSettlementId;
    private Geometry origin;
    private String originName;
    private @Nullable Long toShelterId;
    private Point destination;
    private String destinationName;
    private LocalDate evacuatedOn;
    private @Nullable String transport;
    private @Nullable Long corridorId;
    private @Nullable LineString route;

    protected Evacuation() {
        this.reference = "";
        this.regionCode = "";
        this.origin = Wgs84.FACTORY.createPoint();
        this.originName = "";
        this.destination = Wgs84.FACTORY.createPoint();
        this.destinationName = "";
        this.evacuatedOn = LocalDate.EPOCH;
    }

    Evacuation(String reference, Evacuations.Draft d, @Nullable LineString route) {
        this();
        this.reference = reference;
        this.regionCode = d.regionCode();
        this.fromSettlementId = d.fromSettlementId();
        this.origin = Objects.requireNonNull(d.origin());
        this.originName = Objects.requireNonNull(d.originName());
        this.toShelterId = d.toShelterId();
        this.destination = Objects.requireNonNull(d.destination());
        this.destinationName = Objects.requireNonNull(d.destinationName());
        this.evacuatedOn = d.evacuatedOn();
        this.transport = d.transport();
        this.corridorId = d.corridorId();
        this.route = route;
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

    public @Nullable Long fromSettlementId() {
        return fromSettlementId;
    }

    public Geometry origin() {
        return origin;
    }

    public String originName() {
        return originName;
    }

    public @Nullable Long toShelterId() {
        return toShelterId;
    }

    public Point destination() {
        return destination;
    }

    public String destinationName() {
        return destinationName;
    }

    public LocalDate evacuatedOn() {
        return evacuatedOn;
    }

    public @Nullable String transport() {
        return transport;
    }

    public @Nullable Long corridorId() {
        return corridorId;
    }

    public @Nullable LineString route() {
        return route;
    }

    /** The way taken if planned, else a straight line from where they left to where they went. */
    public LineString path() {
        if (route != null) {
            return route;
        }
        return Wgs84.FACTORY.createLineString(new org.locationtech.jts.geom.Coordinate[] {
            origin.getInteriorPoint().getCoordinate(), destination.getCoordinate()
        });
    }
}
