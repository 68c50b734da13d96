package org.custodian.mineaction;

/** How land is released, and what IMAS calls the result. */
public enum ReleaseMethod {
    /** Non-technical survey: the land is cancelled. */
    NON_TECHNICAL_SURVEY("cancelled"),
    /** Technical survey: the land is reduced. */
    TECHNICAL_SURVEY("reduced"),
    /** Clearance: the land is cleared. */
    CLEARANCE("cleared");

    private final String outcome;

    ReleaseMethod(String outcome) {
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }
}
