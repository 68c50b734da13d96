package org.custodian.humanitarian;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A party a notification was sent to and, once it has, when and by whom it acknowledged receipt. */
@Embeddable
public record PartyNotice(
        @Column(name = "party") String party,
        @Column(name = "acknowledged_at") @Nullable Instant acknowledgedAt,
        @Column(name = "acknowledged_by") @Nullable String acknowledgedBy,
        @Column(name = "note") @Nullable String note) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
