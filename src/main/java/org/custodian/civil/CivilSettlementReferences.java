package org.custodian.civil;

import java.util.List;
import java.util.Map;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.custodian.territory.SettlementReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Says which of the meetings, beneficiaries and field visits of civil affairs name a settlement, so that it is not removed from under them. */
@Component
class CivilSettlementReferences implements SettlementReferences {

    private static final List<Map.Entry<? extends Refusal, String>> COUNTS = List.of(
            Map.entry(Refusals.MEETINGS_COUNT, "select count(*) from civil_meeting where settlement_id = ?"),
            Map.entry(Refusals.BENEFICIARIES_COUNT, "select count(*) from civil_beneficiary where settlement_id = ?"),
            Map.entry(Refusals.FIELD_VISITS_COUNT, "select count(*) from civil_visit where settlement_id = ?"));

    private final JdbcTemplate jdbc;

    CivilSettlementReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Reason> to(long settlementId) {
        return SettlementReferences.counted(jdbc, COUNTS, settlementId);
    }
}
