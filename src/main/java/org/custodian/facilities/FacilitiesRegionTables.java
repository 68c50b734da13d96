package org.custodian.facilities;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** The facilities of a region, their status history, inspections and guard assignments, for the region export. */
@Component
class FacilitiesRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "facilities";
    }

    @Override
    public List<Table> tables() {
        Table facility = ofRegion("facility");
        return List.of(
                facility,
                childOf(facility, "facility_status_change", "facility_id"),
                childOf(facility, "facility_inspection", "facility_id"),
                childOf(facility, "facility_guard", "facility_id"));
    }
}
