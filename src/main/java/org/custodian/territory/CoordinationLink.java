package org.custodian.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An agency an administration coordinates with, and on what. */
@Embeddable
public record CoordinationLink(
        @Column(name = "agency_id") long agencyId,
        @Column(name = "subject") String subject) {}
