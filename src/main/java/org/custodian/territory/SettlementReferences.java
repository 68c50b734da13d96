package org.custodian.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records of another module that name a settlement. A module whose records refer to settlements declares
 * one as a bean, so that removing a settlement still named is refused saying by what, rather than failing on
 * the database's foreign key.
 */
public interface SettlementReferences {

    /** What names the settlement, a reason a kind of record ("beneficiaries: 3"); empty when nothing does. */
    List<Reason> to(long settlementId);

    /**
     * The kinds of record that name a settlement, each counted by its query (the settlement's id its one
     * parameter) and said in its words; a kind none of whose records names it is left out.
     */
    static List<Reason> counted(
            JdbcTemplate jdbc, List<Map.Entry<? extends Refusal, String>> counts, long settlementId) {
        List<Reason> named = new ArrayList<>();
        for (Map.Entry<? extends Refusal, String> count : counts) {
            Long n = jdbc.queryForObject(count.getValue(), Long.class, settlementId);
            if (n != null && n > 0) {
                named.add(Reason.of(count.getKey(), n));
            }
        }
        return named;
    }
}
