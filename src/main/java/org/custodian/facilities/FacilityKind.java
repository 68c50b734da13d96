package org.custodian.facilities;

/** What a facility is. The last six are the protected sites the administrations must guard. */
public enum FacilityKind {
    ROAD,
    BRIDGE,
    TELECOM,
    ENERGY,
    WATER_SUPPLY,
    WATER_TANK,
    HAZARDOUS_PRIVATE,
    ADMINISTRATIVE,
    SOCIAL,
    EDUCATIONAL,
    MEDICAL,
    RELIGIOUS,
    CULTURAL;

    public boolean protectedSite() {
        return ordinal() >= ADMINISTRATIVE.ordinal();
    }
}
