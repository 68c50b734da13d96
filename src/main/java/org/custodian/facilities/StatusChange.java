package org.custodian.facilities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One entry of a facility's status history: from when, which status, why, and who said so. */
@Embeddable
public record StatusChange(
        @Column(name = "changed_at") Instant at,

        @Enumerated(EnumType.STRING) @Column(name = "status")
        Facility.Status status,

        @Column(name = "reason") String reason,
        @Column(name = "recorded_by") String recordedBy) {}
