package org.custodian.assets;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    NO_ASSET,
    ASSET_CHANGED,
    IS_A_POLYGON,
    ASSET_NEEDS_NAME,
    ASSESSMENT_DATED_FUTURE,
    NAME_ASSESSED,
    NO_ASSESSMENT,
    PHOTO_BETWEEN_1_BYTE_10,
    ONLY_JPEG_PNG_PHOTOS_ACCEPTED,
    NO_PHOTO,
    GIVE_DATE_ASSESSED_CONDITION_FOUND,
    RESERVES_CANNOT_NEGATIVE,
    ESTIMATE_RESERVES_NEEDS_UNIT,
    ESTIMATE_RESERVES_CITES_SOURCE,
    WHAT_ASSET
}
