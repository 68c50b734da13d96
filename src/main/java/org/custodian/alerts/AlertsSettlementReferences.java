package org.custodian.alerts;

import java.util.List;
import java.util.Map;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.custodian.territory.SettlementReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Says which of the loudspeaker announcements and SMS subscribers of alerts name a settlement, so that it is not removed from under them. */
@Component
class AlertsSettlementReferences implements SettlementReferences {

    private static final List<Map.Entry<? extends Refusal, String>> COUNTS = List.of(
            Map.entry(
                    Refusals.LOUDSPEAKER_ANNOUNCEMENTS_COUNT,
                    "select count(*) from alerts_loudspeaker_task where settlement_id = ?"),
            Map.entry(
                    Refusals.SMS_SUBSCRIBERS_COUNT,
                    "select count(*) from alerts_sms_subscriber where settlement_id = ?"));

    private final JdbcTemplate jdbc;

    AlertsSettlementReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Reason> to(long settlementId) {
        return SettlementReferences.counted(jdbc, COUNTS, settlementId);
    }
}
