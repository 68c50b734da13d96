package org.custodian.humanitarian;

import java.util.List;
import java.util.Map;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.custodian.territory.SettlementReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Says which of the evacuations that left from a settlement name a settlement, so that it is not removed from under them. */
@Component
class HumanitarianSettlementReferences implements SettlementReferences {

    private static final List<Map.Entry<? extends Refusal, String>> COUNTS = List.of(Map.entry(
            Refusals.EVACUATIONS_COUNT, "select count(*) from humanitarian_evacuation where from_settlement_id = ?"));

    private final JdbcTemplate jdbc;

    HumanitarianSettlementReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Reason> to(long settlementId) {
        return SettlementReferences.counted(jdbc, COUNTS, settlementId);
    }
}
