package org.custodian.civil;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One step of a proposal's history: when, to which status (its code), why, and who recorded it. */
@Embeddable
public record StatusStep(
        @Column(name = "changed_at") Instant at,
        @Column(name = "status") String status,
        @Column(name = "reason") String reason,
        @Column(name = "recorded_by") String recordedBy) {}
