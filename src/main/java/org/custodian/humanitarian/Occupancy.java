package org.custodian.humanitarian;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** How many people a shelter held on a day, as counted or reported (with the source, when one says so). */
@Embeddable
public record Occupancy(
        @Column(name = "counted_on") LocalDate on,
        @Column(name = "people") int people,
        @Column(name = "source_id") @Nullable Long sourceId,
        @Column(name = "recorded_by") String recordedBy) {}
