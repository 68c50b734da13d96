package org.custodian.mineaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One person harmed in a mine accident, as the GICHD minimum data requirements describe victims. */
@Embeddable
public record Victim(
        @Enumerated(EnumType.STRING) @Column(name = "outcome")
        Outcome outcome,

        @Enumerated(EnumType.STRING) @Column(name = "victim_group")
        Group group,

        @Enumerated(EnumType.STRING) @Column(name = "sex") Sex sex,

        @Enumerated(EnumType.STRING) @Column(name = "age_band")
        AgeBand ageBand) {

    public enum Outcome {
        KILLED,
        INJURED
    }

    public enum Group {
        CIVILIAN,
        POLICE,
        MILITARY,
        DEMINER
    }

    public enum Sex {
        FEMALE,
        MALE,
        UNKNOWN
    }

    /** UNHCR age bands; UNKNOWN when the report does not say. */
    public enum AgeBand {
        AGE_0_4,
        AGE_5_11,
        AGE_12_17,
        AGE_18_59,
        AGE_60_PLUS,
        UNKNOWN
    }
}
