package org.custodian.territory;

/** What kind of body an agency is. */
public enum AgencyKind {
    MINISTRY,
    SERVICE,
    INTERNATIONAL_ORGANISATION,
    NGO,
    PEACEKEEPING,
    MONITORING_CENTRE
}
