package org.custodian.platform.security;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every node sharing a PostgreSQL database that an account or its tokens changed, so that each forgets
 * what it remembers of them ({@link CredentialNoticeListener}). The notice is sent inside the changing
 * transaction: PostgreSQL delivers it when, and only if, that transaction commits. The embedded database
 * serves one node, which forgets by itself.
 */
@Component
class CredentialNotices {

    static final String CHANNEL = "custodian_credentials";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    CredentialNotices(DataSource dataSource, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = CredentialNoticeListener.isPostgres(dataSource);
    }

    void changed(String username) {
        if (postgres) {
            jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, username);
        }
    }
}
