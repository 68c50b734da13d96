package org.custodian.custody;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Storage sites, surrender batches, items, transfers, destructions and ledger events of a region, exported read-only: the import leaves them out (see the README, region export). */
@Component
class CustodyRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "custody";
    }

    @Override
    public List<Table> tables() {
        String why = "the custody ledger is a hash chain of the instance that witnessed each event; an import would"
                + " either re-append the events as new links (claiming this instance witnessed them) or break the chain,"
                + " so custody records travel for the record only";
        Table item = ofRegion("custody_item").readOnly(why);
        return List.of(
                ofRegion("custody_site").readOnly(why),
                ofRegion("custody_batch").readOnly(why),
                item,
                childOf(item, "custody_transfer", "item_id"),
                childOf(item, "custody_destruction", "item_id"),
                childOf(item, "custody_event", "item_id"));
    }
}
