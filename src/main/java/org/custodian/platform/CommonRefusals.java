package org.custodian.platform;

/** Reasons for refusing that several modules give in the same words; their texts are in {@code i18n/refusals}. */
public enum CommonRefusals implements Refusal {
    GIVE_NAME_REGION_KIND_GEOMETRY,
    FORM_LOST_VERSION_CHANGES_RELOAD,
    GIVE_VERSION_YOU_CHANGING,
    NUMBER_PEOPLE_CANNOT_NEGATIVE,
    CHOOSE_REGION,
    NO_SETTLEMENT,
    NO_AGENCY,
    SAY_WHY_STATUS_CHANGES,
    NO_REGION,
    PLACE_FIND_MAP_GIVE_LONGITUDE,
    DATE_IN_FUTURE,
    NO_AGENCY_IS_REGISTERED,
    GEOMETRY_REFUSED,
    TICK_TO_CONFIRM_REMOVAL
}
