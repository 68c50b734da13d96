package org.custodian.mineaction;

/** Explosive-ordnance categories as IMAS records them. */
public enum Contamination {
    AP_MINE,
    AT_MINE,
    UXO,
    AXO,
    CLUSTER_MUNITION,
    IED,
    BOOBY_TRAP,
    /** The report does not say what kind of device it was. */
    UNKNOWN
}
