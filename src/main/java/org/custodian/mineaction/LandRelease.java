package org.custodian.mineaction;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.MultiPolygon;

/** Land released from a hazard area by one task: who, how, when, which polygon and how many m². */
@Entity
@Table(name = "mine_land_release")
public class LandRelease {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long organisationId;

    @Enumerated(EnumType.STRING)
    private ReleaseMethod method;

    private LocalDate startedOn;
    private LocalDate completedOn;
    private MultiPolygon area;
    private double areaSquareMetres;

    protected LandRelease() {
        this.method = ReleaseMethod.CLEARANCE;
        this.startedOn = LocalDate.EPOCH;
        this.completedOn = LocalDate.EPOCH;
        this.area = Wgs84.FACTORY.createMultiPolygon();
    }

    LandRelease(
            long organisationId,
            ReleaseMethod method,
            LocalDate startedOn,
            LocalDate completedOn,
            MultiPolygon area,
            double areaSquareMetres) {
        this.organisationId = organisationId;
        this.method = method;
        this.startedOn = startedOn;
        this.completedOn = completedOn;
        this.area = area;
        this.areaSquareMetres = areaSquareMetres;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long organisationId() {
        return organisationId;
    }

    public ReleaseMethod method() {
        return method;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate completedOn() {
        return completedOn;
    }

    public MultiPolygon area() {
        return area;
    }

    public double areaSquareMetres() {
        return areaSquareMetres;
    }
}
