package org.custodian.platform.sources;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    NO_ATTACHMENT_OF_SOURCE,
    NO_SOURCE_IS_REGISTERED,
    NO_SOURCE,
    SOURCE_CHANGED,
    ATTACHED_FILE_EMPTY,
    ATTACHED_FILE_LARGER_20_MB,
    NOT_A_MEDIA_TYPE,
    DOCUMENTS_TYPE_ACCEPTED_SEND_PDF,
    SOURCE_NEEDS_PUBLISHER,
    SOURCE_NEEDS_TITLE,
    LINK_MUST_HTTP_HTTPS_ADDRESS,
    GIVE_PUBLISHER_TITLE,
    FORM_LOST_VERSION_CORRECTS_RELOAD,
    SOURCE_REGISTERED_ALREADY,
    SOURCE_CORRECTED,
    SOURCE_CITED_KEPT,
    SOURCE_CORRECTED_KEPT
}
