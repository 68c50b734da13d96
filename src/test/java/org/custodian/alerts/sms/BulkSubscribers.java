package org.custodian.alerts.sms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many subscribers written straight to the table, their numbers encrypted with the application's key, for tests
 * and benchmarks that need tens of thousands: on a grid of {@code perRow} points a row,
 * ({@code stepX}, {@code stepY}) degrees apart, from ({@code west}, {@code south}). Numbers are +99450 followed by seven digits from {@code first}.
 */
final class BulkSubscribers {

    private BulkSubscribers() {}

    static void insert(
            JdbcTemplate jdbc,
            SubscriberKey key,
            int count,
            int first,
            double west,
            double south,
            int perRow,
            double stepX,
            double stepY) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = String.format("+99450%07d", first + i);
            rows.add(new Object[] {
                key.encrypt(number),
                key.hash(number),
                west + (i % perRow) * stepX,
                south + (i / perRow) * stepY,
                now,
                now,
                now
            });
            if (rows.size() == 5000 || i == count - 1) {
                jdbc.batchUpdate(
                        "insert into alerts_sms_subscriber (region_code, phone_cipher, phone_hash, language, location,"
                                + " consent_at, consent_channel, status, created_at, changed_at) values ('AGD', ?, ?,"
                                + " 'en', st_setsrid(st_makepoint(?, ?), 4326), ?, 'FORM', 'ACTIVE', ?, ?)",
                        rows);
                rows.clear();
            }
        }
    }
}
