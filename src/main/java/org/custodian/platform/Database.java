package org.custodian.platform;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database the application runs on, for the few statements written differently for each. */
public final class Database {

    private Database() {}

    /** Whether it is PostgreSQL (with PostGIS); otherwise the embedded H2. */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }
}
