package org.custodian.platform;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Numbers for references (KHJ-CI-00012, AGD-IN-0003) from database sequences, whichever database: unique
 * under concurrent writers without a lock. A refused write may leave a gap in the series.
 */
@Component
public class Sequences {

    private final JdbcTemplate jdbc;
    private final SessionFactoryImplementor hibernate;

    Sequences(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.hibernate = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    }

    /** The next number of the named sequence (created by the module's migration). */
    public long next(String sequence) {
        String sql =
                hibernate.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        Long next = jdbc.queryForObject(sql, Long.class);
        if (next == null) {
            throw new IllegalStateException("sequence " + sequence + " gave no number");
        }
        return next;
    }
}
