package org.custodian.alerts.sms;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone was shown a subscriber's full number. Written as an entity so that the audit trail, which audits
 * every write, also records every read of a number in its hash chain.
 */
@Entity
@Table(name = "alerts_sms_number_read")
class NumberRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long subscriberId;
    private String readBy;
    private Instant readAt;
    private String purpose;

    protected NumberRead() {
        this.readBy = "";
        this.readAt = Instant.EPOCH;
        this.purpose = "";
    }

    NumberRead(long subscriberId, String readBy, Instant readAt, String purpose) {
        this.subscriberId = subscriberId;
        this.readBy = readBy;
        this.readAt = readAt;
        this.purpose = purpose;
    }
}
