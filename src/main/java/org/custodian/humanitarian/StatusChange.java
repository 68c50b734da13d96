package org.custodian.humanitarian;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * One entry of a corridor's or a convoy's status history: from when, which status (its code), why, and who
 * recorded it.
 */
@Embeddable
public record StatusChange(
        @Column(name = "changed_at") Instant at,
        @Column(name = "status") String status,
        @Column(name = "reason") String reason,
        @Column(name = "recorded_by") String recordedBy) {}
