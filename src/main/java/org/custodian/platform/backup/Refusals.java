package org.custodian.platform.backup;

import org.custodian.platform.Refusal;

/** Why this package refuses a request; the texts are in {@code i18n/refusals} (English) and its translations. */
enum Refusals implements Refusal {
    NO_POSTGRESQL_DUMP,
    NO_EMBEDDED_DATABASE,
    ONLY_FILE_DATABASE_CAN_RESTORED,
    RESTORE_INTO_EMPTY_DATABASE_POSTGRESQL,
    NOT_A_BACKUP,
    NOT_A_BACKUP_NO_DATABASE,
    NO_BACKUP,
    NO_BACKUP_FILE
}
