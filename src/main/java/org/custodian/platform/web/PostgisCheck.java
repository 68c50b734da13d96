package org.custodian.platform.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Before migrating a PostgreSQL database, checks that PostGIS can be used, so that a missing extension
 * gives one clear startup error instead of a failing migration deep in a stack trace.
 */
@Component
class PostgisCheck implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return;
            }
            try (Statement st = connection.createStatement()) {
                if (exists(st, "select 1 from pg_extension where extname = 'postgis'")) {
                    return;
                }
                if (!exists(st, "select 1 from pg_available_extensions where name = 'postgis'")) {
                    throw new PostgisUnavailable("PostGIS is not installed on this PostgreSQL server. Install it"
                            + " (Debian: apt-get install postgresql-<version>-postgis-3), then run"
                            + " 'CREATE EXTENSION postgis;' in the database as a superuser.");
                }
                if (!exists(st, "select 1 from pg_roles where rolname = current_user and rolsuper")) {
                    throw new PostgisUnavailable("PostGIS is installed but not enabled in this database, and"
                            + " the user '" + connection.getMetaData().getUserName() + "' may not enable it. As a"
                            + " superuser, run 'CREATE EXTENSION postgis;' in this database, then start again.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check for PostGIS: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    /** PostGIS cannot be used in the configured database; the message says what to do. */
    static final class PostgisUnavailable extends IllegalStateException {
        PostgisUnavailable(String message) {
            super(message);
        }
    }

    /** Turns a missing PostGIS into Boot's short "APPLICATION FAILED TO START" report. */
    static final class PostgisFailureAnalyzer
            extends org.springframework.boot.diagnostics.AbstractFailureAnalyzer<PostgisUnavailable> {
        @Override
        protected org.springframework.boot.diagnostics.FailureAnalysis analyze(
                Throwable rootFailure, PostgisUnavailable cause) {
            return new org.springframework.boot.diagnostics.FailureAnalysis(
                    "Custodian needs PostGIS in the configured PostgreSQL database.", cause.getMessage(), cause);
        }
    }

    @Override
    public String getCallbackName() {
        return "postgis-check";
    }
}
