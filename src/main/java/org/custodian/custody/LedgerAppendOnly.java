package org.custodian.custody;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded database's guard of the custody ledger: refuses every update and delete of an event.
 * Public because H2 instantiates it by name (see the H2 migration that creates the trigger).
 */
public final class LedgerAppendOnly implements org.h2.api.Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("custody events are append-only: change of event " + oldRow[0] + " refused");
    }
}
