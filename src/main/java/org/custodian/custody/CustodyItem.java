package org.custodian.custody;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * One item in custody: a weapon, a lot of ammunition, a piece of equipment or a quantity of explosive or
 * toxic material, described and marked as found, and where it is now. Its changes are custody events in the
 * ledger; the fields here are the current state those events lead to.
 */
@Entity
@Table(name = "custody_item")
public class CustodyItem {

    public enum Category {
        WEAPON,
        AMMUNITION,
        MILITARY_EQUIPMENT,
        EXPLOSIVE,
        TOXIC_MATERIAL,
        OTHER
    }

    public enum Unit {
        PIECES,
        ROUNDS,
        KG,
        LITRES
    }

    public enum Origin {
        FIND,
        SURRENDER,
        SEIZURE,
        ORDNANCE_FIND
    }

    public enum Condition {
        SERVICEABLE,
        UNSERVICEABLE,
        DAMAGED,
        UNSAFE,
        UNKNOWN
    }

    public enum Status {
        IN_CUSTODY,
        IN_TRANSIT,
        TRANSFERRED_OUT,
        DESTROYED,
        RELEASED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String description;
    private @Nullable String typeModel;
    private @Nullable String manufacturer;
    private @Nullable String countryOfManufacture;
    private @Nullable String calibre;
    private @Nullable String serialNumber;
    private @Nullable String markings;
    private @Nullable String lot;
    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    private Unit unit;

    private @Nullable String hazardCode;

    @Enumerated(EnumType.STRING)
    private Condition itemCondition;

    private Point foundAt;
    private Instant foundTime;
    private boolean foundTimeKnown = true;
    private String foundBy;

    @Enumerated(EnumType.STRING)
    private Origin origin;

    private @Nullable Long ordnanceFindId;
    private @Nullable Long batchId;
    private @Nullable Long siteId;
    private @Nullable Long holderAgencyId;

    @Enumerated(EnumType.STRING)
    private Status status = Status.IN_CUSTODY;

    protected CustodyItem() {
        this.reference = "";
        this.regionCode = "";
        this.category = Category.OTHER;
        this.description = "";
        this.quantity = BigDecimal.ONE;
        this.unit = Unit.PIECES;
        this.itemCondition = Condition.UNKNOWN;
        this.foundAt = Wgs84.FACTORY.createPoint();
        this.foundTime = Instant.EPOCH;
        this.foundBy = "";
        this.origin = Origin.FIND;
    }

    CustodyItem(String reference, String regionCode, Custody.ItemDraft d, Origin origin, long siteId) {
        this.reference = reference;
        this.regionCode = regionCode;
        this.category = d.category();
        this.description = d.description();
        this.typeModel = d.typeModel();
        this.manufacturer = d.manufacturer();
        this.countryOfManufacture = d.countryOfManufacture();
        this.calibre = d.calibre();
        this.serialNumber = d.serialNumber();
        this.markings = d.markings();
        this.lot = d.lot();
        this.quantity = d.quantity();
        this.unit = d.unit();
        this.hazardCode = d.hazardCode() == null ? null : d.hazardCode().toString();
        this.itemCondition = d.condition() == null ? Condition.UNKNOWN : d.condition();
        this.foundAt = d.foundAt();
        this.foundTime = d.foundTime();
        this.foundTimeKnown = d.foundTimeKnown();
        this.foundBy = d.foundBy();
        this.origin = origin;
        this.siteId = siteId;
    }

    void fromBatch(long batchId) {
        this.batchId = batchId;
    }

    void fromOrdnanceFind(long findId) {
        this.ordnanceFindId = findId;
    }

    /** The first step of a transfer: the item leaves its site. */
    void dispatch() {
        requireInCustody(Refusals.ACTION_DISPATCHED);
        this.status = Status.IN_TRANSIT;
    }

    /** The second step: received at a site (possibly in another region) or by another agency. */
    void receiveAt(StorageSite site) {
        requireStatus(Status.IN_TRANSIT, Refusals.ACTION_RECEIVED);
        this.status = Status.IN_CUSTODY;
        this.siteId = site.id();
        this.regionCode = site.regionCode();
    }

    void handOver(long agencyId) {
        requireStatus(Status.IN_TRANSIT, Refusals.ACTION_HANDED_OVER);
        this.status = Status.TRANSFERRED_OUT;
        this.siteId = null;
        this.holderAgencyId = agencyId;
    }

    void destroy() {
        requireInCustody(Refusals.ACTION_DESTROYED);
        this.status = Status.DESTROYED;
        this.siteId = null;
    }

    void release() {
        requireInCustody(Refusals.ACTION_RELEASED);
        this.status = Status.RELEASED;
        this.siteId = null;
    }

    private void requireInCustody(Refusals what) {
        requireStatus(Status.IN_CUSTODY, what);
    }

    private void requireStatus(Status expected, Refusals what) {
        if (status != expected) {
            throw new ConflictWithState(
                    Refusals.ITEM_CANNOT_BE,
                    reference,
                    Reason.of(
                            switch (status) {
                                case IN_CUSTODY -> Refusals.STATUS_IN_CUSTODY;
                                case IN_TRANSIT -> Refusals.STATUS_IN_TRANSIT;
                                case TRANSFERRED_OUT -> Refusals.STATUS_TRANSFERRED_OUT;
                                case DESTROYED -> Refusals.STATUS_DESTROYED;
                                case RELEASED -> Refusals.STATUS_RELEASED;
                            }),
                    Reason.of(what));
        }
    }

    public @Nullable HazardCode hazard() {
        return hazardCode == null ? null : HazardCode.parse(hazardCode);
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

    public Category category() {
        return category;
    }

    public String description() {
        return description;
    }

    public @Nullable String typeModel() {
        return typeModel;
    }

    public @Nullable String manufacturer() {
        return manufacturer;
    }

    public @Nullable String countryOfManufacture() {
        return countryOfManufacture;
    }

    public @Nullable String calibre() {
        return calibre;
    }

    public @Nullable String serialNumber() {
        return serialNumber;
    }

    public @Nullable String markings() {
        return markings;
    }

    public @Nullable String lot() {
        return lot;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Unit unit() {
        return unit;
    }

    public @Nullable String hazardCode() {
        return hazardCode;
    }

    public Condition condition() {
        return itemCondition;
    }

    public Point foundAt() {
        return foundAt;
    }

    public Instant foundTime() {
        return foundTime;
    }

    /** False when only the day of the find is known; {@link #foundTime()} is then noon of it in the region. */
    public boolean foundTimeKnown() {
        return foundTimeKnown;
    }

    public String foundBy() {
        return foundBy;
    }

    public Origin origin() {
        return origin;
    }

    public @Nullable Long ordnanceFindId() {
        return ordnanceFindId;
    }

    public @Nullable Long batchId() {
        return batchId;
    }

    public @Nullable Long siteId() {
        return siteId;
    }

    public @Nullable Long holderAgencyId() {
        return holderAgencyId;
    }

    public Status status() {
        return status;
    }
}
