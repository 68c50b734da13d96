package org.custodian.territory;

import jakarta.persistence.CollectionTable;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.geo.Wgs84;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** A city, town or village inside a region, with the population estimates sources give for it. */
@Entity
@Table(name = "territory_settlement")
public class Settlement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;

    @Embedded
    private Names names;

    @Enumerated(EnumType.STRING)
    private SettlementKind kind;

    private Point location;

    private @Nullable LocalDate underAdministrationSince;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "territory_population_estimate", joinColumns = @JoinColumn(name = "settlement_id"))
    @OrderBy("asOf desc")
    private List<PopulationEstimate> populationEstimates = new ArrayList<>();

    protected Settlement() {
        this.region = new Region();
        this.names = new Names("", null, null, null);
        this.kind = SettlementKind.SETTLEMENT;
        this.location = Wgs84.FACTORY.createPoint();
    }

    Settlement(
            Region region,
            Names names,
            SettlementKind kind,
            Point location,
            @Nullable LocalDate underAdministrationSince,
            List<PopulationEstimate> estimates) {
        this();
        describe(region, names, kind, location, underAdministrationSince, estimates);
    }

    /** Replaces what is known of the settlement, checking that it lies inside its region. */
    void describe(
            Region region,
            Names names,
            SettlementKind kind,
            Point location,
            @Nullable LocalDate underAdministrationSince,
            List<PopulationEstimate> estimates) {
        GeometryRules.check("geometry", location, Set.of("Point"));
        if (!region.covers(location)) {
            throw new RuleViolated(
                    "geometry",
                    Refusals.SETTLEMENT_LIES_OUTSIDE_REGION,
                    region.code(),
                    location.getY(),
                    location.getX());
        }
        for (int i = 0; i < estimates.size(); i++) {
            PopulationEstimate e = estimates.get(i);
            if (e.population() < 0) {
                throw new RuleViolated(
                        "populationEstimates[" + i + "].population", Refusals.POPULATION_CANNOT_NEGATIVE);
            }
            if (e.asOf() != null && e.asOf().isAfter(LocalDate.now(region.zone()))) {
                throw new RuleViolated("populationEstimates[" + i + "].asOf", CommonRefusals.DATE_IN_FUTURE);
            }
        }
        this.region = region;
        this.names = names;
        this.kind = kind;
        this.location = location;
        this.underAdministrationSince = underAdministrationSince;
        this.populationEstimates.clear();
        this.populationEstimates.addAll(estimates);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public Region region() {
        return region;
    }

    public Names names() {
        return names;
    }

    public SettlementKind kind() {
        return kind;
    }

    public Point location() {
        return location;
    }

    public @Nullable LocalDate underAdministrationSince() {
        return underAdministrationSince;
    }

    public List<PopulationEstimate> populationEstimates() {
        return List.copyOf(populationEstimates);
    }
}
