package org.custodian.assets;

import jakarta.persistence.CascadeType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * An inventoried asset: a land parcel or building, a cultural heritage site, a mineral deposit or another
 * natural resource, with the attributes its kind needs and the history of its condition.
 */
@Entity
@Table(name = "asset")
public class Asset {

    public enum Kind {
        LAND_PARCEL,
        REAL_ESTATE,
        CULTURAL_HERITAGE,
        MINERAL_DEPOSIT,
        NATURAL_RESOURCE
    }

    /** What the record says about the asset beyond its place; each kind uses its own fields. */
    public record Particulars(
            @Nullable String cadastralReference,
            @Nullable String use,
            @Nullable String ownershipNotes,
            @Nullable String heritageType,
            @Nullable String period,
            @Nullable String protection,
            @Nullable String resourceType,
            @Nullable Double reserves,
            @Nullable String reservesUnit,
            @Nullable Long reservesSourceId)
            implements java.io.Serializable {

        public static final Particulars NONE =
                new Particulars(null, null, null, null, null, null, null, null, null, null);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Geometry geometry;
    private double areaSquareMetres;

    private @Nullable String cadastralReference;
    private @Nullable String landUse;
    private @Nullable String ownershipNotes;
    private @Nullable String heritageType;
    private @Nullable String period;
    private @Nullable String protection;
    private @Nullable String resourceType;
    private @Nullable Double reserves;
    private @Nullable String reservesUnit;
    private @Nullable Long reservesSourceId;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "asset_id", nullable = false)
    @OrderBy("assessedOn")
    private List<Assessment> assessments = new ArrayList<>();

    protected Asset() {
        this.regionCode = "";
        this.name = "";
        this.kind = Kind.LAND_PARCEL;
        this.geometry = Wgs84.FACTORY.createPoint();
    }

    Asset(String regionCode, Kind kind, String name, Geometry geometry, Particulars particulars) {
        this();
        describe(regionCode, kind, name, geometry, particulars);
    }

    /** Says what the asset is and where; its assessments stay. */
    void describe(String regionCode, Kind kind, String name, Geometry geometry, Particulars p) {
        if (p.reserves() != null) {
            if (p.reserves() < 0) {
                throw new RuleViolated("reserves", Refusals.RESERVES_CANNOT_NEGATIVE);
            }
            if (given(p.reservesUnit()) == null) {
                throw new RuleViolated("reservesUnit", Refusals.ESTIMATE_RESERVES_NEEDS_UNIT);
            }
            if (p.reservesSourceId() == null) {
                throw new RuleViolated("reservesSourceId", Refusals.ESTIMATE_RESERVES_CITES_SOURCE);
            }
        }
        this.regionCode = regionCode;
        this.kind = kind;
        this.name = name;
        this.geometry = geometry;
        this.areaSquareMetres = GeodesicMeasure.areaSquareMetres(geometry);
        this.cadastralReference = given(p.cadastralReference());
        this.landUse = given(p.use());
        this.ownershipNotes = given(p.ownershipNotes());
        this.heritageType = given(p.heritageType());
        this.period = given(p.period());
        this.protection = given(p.protection());
        this.resourceType = given(p.resourceType());
        this.reserves = p.reserves();
        this.reservesUnit = given(p.reservesUnit());
        this.reservesSourceId = p.reservesSourceId();
    }

    /** A particular left blank says nothing: it is not kept as an empty text. */
    private static @Nullable String given(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Assessment assess(Assessment assessment) {
        assessments.add(assessment);
        return assessment;
    }

    /** The condition found by the latest assessment, or UNKNOWN. */
    public Assessment.Condition condition() {
        return assessments.isEmpty()
                ? Assessment.Condition.UNKNOWN
                : assessments.getLast().condition();
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

    public Kind kind() {
        return kind;
    }

    public Geometry geometry() {
        return geometry;
    }

    public double areaSquareMetres() {
        return areaSquareMetres;
    }

    public Particulars particulars() {
        return new Particulars(
                cadastralReference,
                landUse,
                ownershipNotes,
                heritageType,
                period,
                protection,
                resourceType,
                reserves,
                reservesUnit,
                reservesSourceId);
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }
}
