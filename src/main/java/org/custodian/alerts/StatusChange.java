package org.custodian.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One entry of an alert's status history: when, which status, why, and who. */
@Embeddable
public record StatusChange(
        @Column(name = "changed_at") Instant at,

        @Column(name = "status") @Enumerated(EnumType.STRING)
        Alert.Status status,

        @Column(name = "reason") String reason,
        @Column(name = "recorded_by") String recordedBy) {}
