package org.custodian.incidents;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of an incident's verification: to which status, by whom, why and when. */
@Embeddable
public record Review(
        @Enumerated(EnumType.STRING) Incident.Status status,
        String reviewer,
        @Nullable String reason,
        Instant at) {}
