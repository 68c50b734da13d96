package org.custodian.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.GeometryRules;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** A region under one temporary administration: a code, names and a boundary. */
@Entity
@Table(name = "territory_region")
public class Region {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String code;

    @Embedded
    private Names names;

    private MultiPolygon boundary;

    /** Why the boundary should be read with care, for example "illustrative, generated". */
    private @Nullable String boundaryNote;

    @Column(name = "time_zone")
    private String timeZone;

    protected Region() {
        this.code = "";
        this.names = new Names("", null, null, null);
        this.boundary = Wgs84.FACTORY.createMultiPolygon();
        this.timeZone = "UTC";
    }

    Region(String code, Names names, Geometry boundary, @Nullable String boundaryNote, ZoneId zone) {
        this.code = code;
        this.names = names;
        this.boundary = asMultiPolygon(boundary);
        this.boundaryNote = boundaryNote;
        this.timeZone = zone.getId();
    }

    void describe(Names names, Geometry boundary, @Nullable String boundaryNote, ZoneId zone) {
        this.names = names;
        this.boundary = asMultiPolygon(boundary);
        this.boundaryNote = boundaryNote;
        this.timeZone = zone.getId();
    }

    /** Whether the point lies inside the boundary or on it. */
    public boolean covers(Point point) {
        return boundary.covers(point);
    }

    /**
     * Refuses a record's geometry that does not lie in the region. A point lies in it when it is inside or
     * on the boundary; an area when at least half of it is (measured on the ellipsoid), so an area drawn
     * across a border belongs to the region that holds most of it, and one drawn around a region belongs
     * to none. A line (a road, a corridor) lies in it when it passes through it: such lines run from one
     * region to the next, and belong to the administration that keeps them.
     *
     * @throws RuleViolated naming {@code field}, for "the {@code what} lies outside region ..."
     */
    public void requireHolds(String field, Refusal what, Geometry geometry) {
        if (!boundary.intersects(geometry)) {
            throw new RuleViolated(field, Refusals.LIES_OUTSIDE_REGION, Reason.of(what), code);
        }
        if (geometry.getDimension() == 0 && !boundary.covers(geometry)) {
            throw new RuleViolated(field, Refusals.LIES_PARTLY_OUTSIDE_REGION, Reason.of(what), code);
        }
        if (geometry.getDimension() == 2) {
            double share = GeodesicMeasure.areaSquareMetres(boundary.intersection(geometry))
                    / GeodesicMeasure.areaSquareMetres(geometry);
            if (!(share >= 0.5)) {
                throw new RuleViolated(
                        field, Refusals.ONLY_SHARE_INSIDE_REGION, Math.round(100 * share), Reason.of(what), code);
            }
        }
    }

    private static MultiPolygon asMultiPolygon(Geometry boundary) {
        GeometryRules.check("geometry", boundary, Set.of("Polygon", "MultiPolygon"));
        return boundary instanceof Polygon p
                ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
                : (MultiPolygon) boundary;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String code() {
        return code;
    }

    public Names names() {
        return names;
    }

    public MultiPolygon boundary() {
        return boundary;
    }

    public @Nullable String boundaryNote() {
        return boundaryNote;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
