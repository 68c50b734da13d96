package org.custodian.mineaction;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * Explosive ordnance found in the field, and what became of it: awaiting disposal, destroyed where it lay,
 * or moved to custody (which the custody module takes up).
 */
@Entity
@Table(name = "mine_ordnance_find")
public class OrdnanceFind {

    public enum Disposition {
        AWAITING,
        DESTROYED_IN_SITU,
        MOVED_TO_CUSTODY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private Point location;

    @Enumerated(EnumType.STRING)
    private Contamination category;

    private String description;
    private int quantity;
    private LocalDate foundOn;

    @Enumerated(EnumType.STRING)
    private Disposition disposition = Disposition.AWAITING;

    private @Nullable LocalDate disposedOn;

    /** The source the find cites when it came from a field submission, and that submission. */
    private @Nullable Long sourceId;

    private @Nullable Long fieldSubmissionId;

    protected OrdnanceFind() {
        this.regionCode = "";
        this.location = Wgs84.FACTORY.createPoint();
        this.category = Contamination.UXO;
        this.description = "";
        this.foundOn = LocalDate.EPOCH;
    }

    OrdnanceFind(
            String regionCode,
            Point location,
            Contamination category,
            String description,
            int quantity,
            LocalDate foundOn) {
        this.regionCode = regionCode;
        this.location = location;
        this.category = category;
        this.description = description;
        this.quantity = quantity;
        this.foundOn = foundOn;
    }

    /** Marks the find as made from an accepted field submission, which it cites as its source. */
    void reportedFromField(long submissionId, long sourceId) {
        this.fieldSubmissionId = submissionId;
        this.sourceId = sourceId;
    }

    public @Nullable Long sourceId() {
        return sourceId;
    }

    public @Nullable Long fieldSubmissionId() {
        return fieldSubmissionId;
    }

    /** Records what became of the find; a find is disposed of once. */
    void dispose(Disposition disposition, LocalDate on) {
        if (this.disposition != Disposition.AWAITING) {
            throw new ConflictWithState(
                    this.disposition == Disposition.DESTROYED_IN_SITU
                            ? Refusals.FIND_ALREADY_DESTROYED_IN_SITU
                            : Refusals.FIND_ALREADY_MOVED_TO_CUSTODY);
        }
        if (disposition == Disposition.AWAITING) {
            throw new org.custodian.platform.RuleViolated("disposition", Refusals.SAY_WHAT_BECAME_OF_FIND);
        }
        if (on.isBefore(foundOn)) {
            throw new org.custodian.platform.RuleViolated("disposedOn", Refusals.DISPOSED_BEFORE_FOUND);
        }
        this.disposition = disposition;
        this.disposedOn = on;
    }

    OrdnanceMovedToCustody movedToCustody() {
        return new OrdnanceMovedToCustody(id(), regionCode, location, category, description, quantity, foundOn);
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

    public Point location() {
        return location;
    }

    public Contamination category() {
        return category;
    }

    public String description() {
        return description;
    }

    public int quantity() {
        return quantity;
    }

    public LocalDate foundOn() {
        return foundOn;
    }

    public Disposition disposition() {
        return disposition;
    }

    public @Nullable LocalDate disposedOn() {
        return disposedOn;
    }
}
