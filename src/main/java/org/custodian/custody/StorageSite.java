package org.custodian.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Reason;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * A place where items are kept: a store, a magazine or a container at a point, optionally a registered
 * facility, with the agency that keeps it and how many items it may hold.
 */
@Entity
@Table(name = "custody_site")
public class StorageSite {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String name;
    private String regionCode;
    private @Nullable Long facilityId;
    private Point location;
    private int capacity;
    private long keeperAgencyId;

    /** How many items the site holds, kept by the database (a trigger on the items); never written from here. */
    @Column(insertable = false, updatable = false)
    private long heldItems;

    protected StorageSite() {
        this.name = "";
        this.regionCode = "";
        this.location = Wgs84.FACTORY.createPoint();
    }

    StorageSite(
            String name,
            String regionCode,
            @Nullable Long facilityId,
            Point location,
            int capacity,
            long keeperAgencyId) {
        this.name = name;
        this.regionCode = regionCode;
        this.facilityId = facilityId;
        this.location = location;
        this.capacity = capacity;
        this.keeperAgencyId = keeperAgencyId;
    }

    /** A site locked for a write that stores items, with how many it held when the lock was taken. */
    record Locked(StorageSite site, long held) {}

    /** One kind of hazardous item a site holds: its UN code and type, and one item's reference as example. */
    record HeldHazard(
            String reference, String hazardCode, @Nullable String typeModel) {}

    /**
     * Why the site may not take this item, given how many items it holds and the kinds of ammunition and
     * explosives among them, or empty when it may: its capacity, and the UN compatibility mixing rules.
     */
    Optional<Reason> refusal(CustodyItem item, long held, List<HeldHazard> hazards) {
        if (held >= capacity) {
            return Optional.of(Reason.of(Refusals.SITE_FULL, name, held));
        }
        HazardCode code = item.hazard();
        if (code == null) {
            return Optional.empty();
        }
        for (HeldHazard other : hazards) {
            HazardCode otherCode = HazardCode.parse(other.hazardCode());
            Optional<Reason> conflict = code.conflictWith(otherCode);
            if (conflict.isEmpty()
                    && (code.storedAlone() || otherCode.storedAlone())
                    && !Objects.equals(item.typeModel(), other.typeModel())) {
                conflict = Optional.of(
                        other.typeModel() == null
                                ? Reason.of(Refusals.GROUP_SAME_TYPE_ONLY_NO_TYPE, code.group(), other.reference())
                                : Reason.of(
                                        Refusals.GROUP_SAME_TYPE_ONLY,
                                        code.group(),
                                        other.reference(),
                                        other.typeModel()));
            }
            if (conflict.isPresent()) {
                return Optional.of(
                        Reason.of(Refusals.SITE_REFUSES, name, code, other.reference(), otherCode, conflict.get()));
            }
        }
        return Optional.empty();
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }

    public @Nullable Long facilityId() {
        return facilityId;
    }

    public Point location() {
        return location;
    }

    public int capacity() {
        return capacity;
    }

    public long keeperAgencyId() {
        return keeperAgencyId;
    }

    /**
     * How many items the site held when it was read; binding only as read with the site's lock ({@link
     * Locked}), as an entity read earlier in a transaction is not read again.
     */
    long heldItems() {
        return heldItems;
    }
}
