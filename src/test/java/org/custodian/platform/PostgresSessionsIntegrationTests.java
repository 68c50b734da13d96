package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.custodian.CustodianIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pooled PostgreSQL sessions sort a map page in memory and compile no queries; the embedded one is left be. */
@CustodianIntegrationTest
class PostgresSessionsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyPooledPostgresSessionHasThePageSettings() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            assertThat(jdbc.queryForObject("show work_mem", String.class)).isEqualTo("16MB");
            assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        } else {
            assertThat(pool.getConnectionInitSql()).isNull();
            assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }
}
