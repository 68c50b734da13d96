package org.custodian.facilities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An inspection of a facility and what the inspector found; {@code sourceId} is the source it cites when it
 * came from a field submission (ODK Collect), else null.
 */
@Embeddable
public record Inspection(
        @Column(name = "inspected_on") LocalDate on,
        @Column(name = "inspector") String inspector,
        @Column(name = "findings") String findings,
        @Column(name = "source_id") @Nullable Long sourceId) {

    /** An inspection recorded by hand, citing no source. */
    public Inspection(LocalDate on, String inspector, String findings) {
        this(on, inspector, findings, null);
    }
}
