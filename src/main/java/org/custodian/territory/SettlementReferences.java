package org.custodian.territory;

import java.util.List;
import org.custodian.platform.Reason;

/**
 * The records of another module that name a settlement. A module whose records refer to settlements declares
 * one as a bean, so that removing a settlement still named is refused saying by what, rather than failing on
 * the database's foreign key.
 */
public interface SettlementReferences {

    /** What names the settlement, a reason a kind of record ("beneficiaries: 3"); empty when nothing does. */
    List<Reason> to(long settlementId);
}
