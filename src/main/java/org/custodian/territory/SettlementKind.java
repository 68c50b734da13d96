package org.custodian.territory;

/** What kind of place a settlement is. */
public enum SettlementKind {
    CAPITAL,
    CITY,
    DISTRICT_CENTRE,
    TOWN,
    VILLAGE,
    SETTLEMENT
}
