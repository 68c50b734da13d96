package org.custodian.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A population figure for a settlement as one source gives it. Several estimates may disagree; all are
 * kept and shown side by side, none silently preferred.
 */
@Embeddable
public record PopulationEstimate(
        @Column(name = "population") long population,
        @Column(name = "as_of") @Nullable LocalDate asOf,
        @Column(name = "source_id") long sourceId,
        @Column(name = "note") @Nullable String note) {}
