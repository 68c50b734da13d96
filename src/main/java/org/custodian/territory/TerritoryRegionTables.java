package org.custodian.territory;

import static org.custodian.geo.RegionRecords.Table.childOf;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Settlements with their population estimates, and the administration of a region with its sources, coordination and appointments, for the region export. The region itself travels as the row its records cite. */
@Component
class TerritoryRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "territory";
    }

    @Override
    public List<Table> tables() {
        Table settlement = new Table(
                "territory_settlement", "region_id in (select id from territory_region where code = ?)", true, null);
        Table administration = new Table(
                "territory_administration",
                "region_id in (select id from territory_region where code = ?)",
                true,
                null);
        return List.of(
                settlement,
                childOf(settlement, "territory_population_estimate", "settlement_id"),
                administration,
                childOf(administration, "territory_administration_source", "administration_id"),
                childOf(administration, "territory_coordination", "administration_id"),
                childOf(administration, "territory_appointment", "administration_id"));
    }
}
