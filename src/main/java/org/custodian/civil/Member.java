package org.custodian.civil;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A member of a working group: a person or delegation, by the agency or the party they speak for. */
@Embeddable
public record Member(
        @Column(name = "name") String name,
        @Column(name = "agency_id") @Nullable Long agencyId,
        @Column(name = "party") @Nullable String party) {}
