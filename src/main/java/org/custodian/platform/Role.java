package org.custodian.platform;

/** What a user may do, from most to least. Scope (regions, agency) narrows where. */
public enum Role {
    /** Everything everywhere, including accounts. */
    ADMIN,
    /** Director of a regional administration: reads and writes the records of their regions. */
    DIRECTOR,
    /** Officer of an administration: reads and writes the operational records of their regions. */
    OFFICER,
    /** Field team member: submits from the field, reads their regions. */
    FIELD,
    /** Partner agency: limited, read-only views within their scope. */
    PARTNER,
    /** Read-only within their scope. */
    VIEWER,
    /**
     * Alert officer of an administration: composes and approves warnings to civilians and keeps the register of
     * their subscribers, the one role besides administrators that sees subscribers' phone numbers.
     */
    ALERT_OFFICER,
    /**
     * Outreach worker: records outreach teams and visits in their regions, and is the one role besides
     * administrators that sees the beneficiaries of outreach (every read of one is audited).
     */
    OUTREACH_WORKER;

    public boolean writesRecords() {
        return this == ADMIN || this == DIRECTOR || this == OFFICER;
    }
}
