package org.custodian.custody;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * Weapons and equipment handed in by a party or armed formation at one place and time, received by an
 * officer before witnesses; the receipt lists every item with its serial.
 */
@Entity
@Table(name = "custody_batch")
public class SurrenderBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;
    private String party;
    private Point place;
    private Instant receivedAt;
    private String receivingOfficer;
    /** One witness per line. */
    private String witnesses;

    private long siteId;

    protected SurrenderBatch() {
        this.reference = "";
        this.regionCode = "";
        this.party = "";
        this.place = Wgs84.FACTORY.createPoint();
        this.receivedAt = Instant.EPOCH;
        this.receivingOfficer = "";
        this.witnesses = "";
    }

    SurrenderBatch(
            String reference,
            String regionCode,
            String party,
            Point place,
            Instant receivedAt,
            String receivingOfficer,
            List<String> witnesses,
            long siteId) {
        this.reference = reference;
        this.regionCode = regionCode;
        this.party = party;
        this.place = place;
        this.receivedAt = receivedAt;
        this.receivingOfficer = receivingOfficer;
        this.witnesses = String.join("\n", witnesses);
        this.siteId = siteId;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String reference() {
        return reference;
    }

    public String regionCode() {
        return regionCode;
    }

    public String party() {
        return party;
    }

    public Point place() {
        return place;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivingOfficer() {
        return receivingOfficer;
    }

    public List<String> witnesses() {
        return witnesses.isEmpty() ? List.of() : List.of(witnesses.split("\n"));
    }

    public long siteId() {
        return siteId;
    }
}
