package org.custodian.humanitarian;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A humanitarian notification: the parties are told of a movement (a convoy, an evacuation) or of a static
 * site, so that they can avoid harming it. It informs; it asks no permission, so it has no approval, only
 * each party's acknowledgement of receipt.
 */
@Entity
@Table(name = "humanitarian_notification")
public class Notification {

    public enum Kind {
        MOVEMENT,
        STATIC_SITE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String reference;
    private String regionCode;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String subject;
    private Geometry location;
    private Instant startsAt;
    private @Nullable Instant endsAt;
    private Instant sentAt;
    private String sentBy;
    private @Nullable Long convoyId;
    private @Nullable Long evacuationId;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "humanitarian_notification_party", joinColumns = @JoinColumn(name = "notification_id"))
    @OrderBy("party")
    private List<PartyNotice> parties = new ArrayList<>();

    protected Notification() {
        this.reference = "";
        this.regionCode = "";
        this.kind = Kind.MOVEMENT;
        this.subject = "";
        this.location = Wgs84.FACTORY.createPoint();
        this.startsAt = Instant.EPOCH;
        this.sentAt = Instant.EPOCH;
        this.sentBy = "";
    }

    Notification(String reference, Notifications.Draft d, String by, Instant sentAt) {
        this();
        this.reference = reference;
        this.regionCode = d.regionCode();
        this.kind = d.kind();
        this.subject = d.subject().strip();
        this.location = d.location();
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.sentAt = sentAt;
        this.sentBy = by;
        this.convoyId = d.convoyId();
        this.evacuationId = d.evacuationId();
        d.parties().stream()
                .map(String::strip)
                .distinct()
                .forEach(p -> parties.add(new PartyNotice(p, null, null, null)));
    }

    /** Records that a party acknowledged receipt; once per party. */
    void acknowledge(String party, String by, @Nullable String note, Instant at) {
        for (int i = 0; i < parties.size(); i++) {
            PartyNotice p = parties.get(i);
            if (p.party().equalsIgnoreCase(party.strip())) {
                if (p.acknowledged()) {
                    throw new ConflictWithState(Refusals.ACKNOWLEDGED_NOTIFICATION_ALREADY, p.party());
                }
                if (at.isBefore(sentAt)) {
                    throw new RuleViolated("at", Refusals.ACKNOWLEDGEMENT_COMES_AFTER_NOTIFICATION_SENT);
                }
                parties.set(
                        i, new PartyNotice(p.party(), at, by.strip(), note == null || note.isBlank() ? null : note));
                return;
            }
        }
        throw new RuleViolated("party", Refusals.NOTIFICATION_NOT_SENT_TO, party);
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

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public Geometry location() {
        return location;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public @Nullable Instant endsAt() {
        return endsAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String sentBy() {
        return sentBy;
    }

    public @Nullable Long convoyId() {
        return convoyId;
    }

    public @Nullable Long evacuationId() {
        return evacuationId;
    }

    public List<PartyNotice> parties() {
        return List.copyOf(parties);
    }

    public long acknowledgedCount() {
        return parties.stream().filter(PartyNotice::acknowledged).count();
    }
}
