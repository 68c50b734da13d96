package org.custodian.incidents;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Incidents of a region with their sources and reviews, for the region export (monitoring centres span regions and are not exported). */
@Component
class IncidentsRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "incidents";
    }

    @Override
    public List<Table> tables() {
        Table incident = ofRegion("incident");
        return List.of(
                incident,
                childOf(incident, "incident_source", "incident_id"),
                childOf(incident, "incident_review", "incident_id"));
    }
}
