package org.custodian.facilities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An agency assigned to guard a facility, from a date, until it ends. */
@Embeddable
public record GuardAssignment(
        @Column(name = "agency_id") long agencyId,
        @Column(name = "from_date") LocalDate from,
        @Column(name = "to_date") @Nullable LocalDate to) {}
