package org.custodian.custody;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Numbers for references (KHJ-CI-00012, KHJ-SB-0001) from database sequences: unique under concurrent
 * writers without a lock, one series for all regions. A refused write may leave a gap in the series.
 */
@Component
class ReferenceNumbers {

    static final String ITEMS = "custody_item_number";
    static final String SURRENDER_BATCHES = "custody_batch_number";

    private final JdbcTemplate jdbc;
    private final SessionFactoryImplementor hibernate;

    ReferenceNumbers(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.hibernate = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    }

    long next(String sequence) {
        String sql =
                hibernate.getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        Long next = jdbc.queryForObject(sql, Long.class);
        if (next == null) {
            throw new IllegalStateException("sequence " + sequence + " gave no number");
        }
        return next;
    }
}
