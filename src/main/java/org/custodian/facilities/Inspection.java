package org.custodian.facilities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** An inspection of a facility and what the inspector found. */
@Embeddable
public record Inspection(
        @Column(name = "inspected_on") LocalDate on,
        @Column(name = "inspector") String inspector,
        @Column(name = "findings") String findings) {}
