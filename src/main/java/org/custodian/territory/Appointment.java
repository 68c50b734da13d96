package org.custodian.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person appointed to a position in an administration by an agency, from a date, until it ends. */
@Embeddable
public record Appointment(
        @Column(name = "person_name") String personName,
        @Column(name = "position") String position,
        @Column(name = "appointed_by") long appointedBy,
        @Column(name = "appointed_on") LocalDate appointedOn,
        @Column(name = "ended_on") @Nullable LocalDate endedOn) {

    /** The position that heads an administration. */
    public static final String DIRECTOR = "Director";

    public boolean current() {
        return endedOn == null;
    }
}
