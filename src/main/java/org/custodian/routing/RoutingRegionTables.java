package org.custodian.routing;

import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Roads closed in a region, for the region export (the road network itself is imported from OpenStreetMap). */
@Component
class RoutingRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "routing";
    }

    @Override
    public List<Table> tables() {
        return List.of(ofRegion("routing_closed_road"));
    }
}
