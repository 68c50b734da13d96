package org.custodian.civil;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/** A member of an outreach team: who, what they do, and the agency or party they come from. */
@Embeddable
public record TeamMember(
        @Column(name = "name") String name,

        @Column(name = "speciality") @Enumerated(EnumType.STRING)
        Speciality speciality,

        @Column(name = "agency_id") @Nullable Long agencyId,
        @Column(name = "party") @Nullable String party) {

    public enum Speciality {
        DOCTOR,
        NURSE,
        SOCIAL_WORKER,
        INTERPRETER,
        DRIVER,
        LOGISTICIAN,
        OTHER
    }
}
