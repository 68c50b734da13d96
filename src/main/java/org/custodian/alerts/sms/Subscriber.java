package org.custodian.alerts.sms;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/**
 * A person who asked to be warned by SMS: their number (kept only encrypted, with a keyed hash), language,
 * home point and their consent. An opt-out keeps the record and stops the messages; erasing removes the number
 * and the point and keeps only what the delivery history needs.
 */
@Entity
@Table(name = "alerts_sms_subscriber")
class Subscriber {

    public enum Status {
        ACTIVE,
        OPTED_OUT,
        ERASED
    }

    /** How the person gave (or withdrew) consent. */
    public enum Channel {
        FORM,
        SMS,
        PHONE,
        IN_PERSON
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private byte @Nullable [] phoneCipher;
    private @Nullable String phoneHash;
    private String language;
    private @Nullable Long settlementId;
    private @Nullable Point location;
    private Instant consentAt;

    @Enumerated(EnumType.STRING)
    private Channel consentChannel;

    @Enumerated(EnumType.STRING)
    private Status status;

    private @Nullable Instant optedOutAt;

    @Enumerated(EnumType.STRING)
    private @Nullable Channel optedOutVia;

    private Instant createdAt;
    private Instant changedAt;

    protected Subscriber() {
        this.regionCode = "";
        this.language = "en";
        this.consentAt = Instant.EPOCH;
        this.consentChannel = Channel.FORM;
        this.status = Status.ACTIVE;
        this.createdAt = Instant.EPOCH;
        this.changedAt = Instant.EPOCH;
        this.location = Wgs84.FACTORY.createPoint();
    }

    Subscriber(
            String regionCode,
            byte[] phoneCipher,
            String phoneHash,
            String language,
            @Nullable Long settlementId,
            Point location,
            Instant consentAt,
            Channel consentChannel,
            Instant now) {
        this();
        this.regionCode = regionCode;
        this.phoneCipher = phoneCipher;
        this.phoneHash = phoneHash;
        this.language = language;
        this.settlementId = settlementId;
        this.location = location;
        this.consentAt = consentAt;
        this.consentChannel = consentChannel;
        this.createdAt = now;
        this.changedAt = now;
    }

    /** Stops messages to this person; a second opt-out changes nothing. */
    boolean optOut(Channel via, Instant at) {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.OPTED_OUT;
        optedOutAt = at;
        optedOutVia = via;
        changedAt = at;
        return true;
    }

    /** Removes the personal data: the number, its hash and the point. */
    void erase(Instant at) {
        status = Status.ERASED;
        phoneCipher = null;
        phoneHash = null;
        location = null;
        settlementId = null;
        changedAt = at;
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

    public byte @Nullable [] phoneCipher() {
        return phoneCipher;
    }

    public String language() {
        return language;
    }

    public @Nullable Long settlementId() {
        return settlementId;
    }

    public @Nullable Point location() {
        return location;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public Channel consentChannel() {
        return consentChannel;
    }

    public Status status() {
        return status;
    }

    public @Nullable Instant optedOutAt() {
        return optedOutAt;
    }

    public @Nullable Channel optedOutVia() {
        return optedOutVia;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
