package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean the database cannot be reached (503), and which are the application's own (500). */
class UnavailableUnitTests {

    @Test
    void aConnectionThatBrokeOrCouldNotBeHadIsTheDatabaseUnreachable() {
        assertThat(Unavailable.databaseUnreachable(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(Unavailable.databaseUnreachable(
                        new RuntimeException(new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        // What a request whose pooled connection died in its transaction throws: the rollback's failure, over the
        // pool's "closed" with no SQLSTATE.
        assertThat(Unavailable.databaseUnreachable(new JpaSystemException(new TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .isTrue();
    }

    @Test
    void theApplicationsOwnFailuresAreNot() {
        assertThat(Unavailable.databaseUnreachable(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(Unavailable.databaseUnreachable(new IllegalStateException("a bug")))
                .isFalse();
    }
}
