package org.custodian.mineaction;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Hazard areas with their contamination, sources and land release, accidents with their victims, and ordnance finds of a region, for the region export. */
@Component
class MineActionRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "mineaction";
    }

    @Override
    public List<Table> tables() {
        Table hazard = ofRegion("mine_hazard_area");
        Table accident = ofRegion("mine_accident");
        return List.of(
                hazard,
                childOf(hazard, "mine_hazard_contamination", "hazard_area_id"),
                childOf(hazard, "mine_hazard_area_source", "hazard_area_id"),
                childOf(hazard, "mine_land_release", "hazard_area_id"),
                accident,
                childOf(accident, "mine_accident_victim", "accident_id"),
                childOf(accident, "mine_accident_source", "accident_id"),
                ofRegion("mine_ordnance_find"));
    }
}
