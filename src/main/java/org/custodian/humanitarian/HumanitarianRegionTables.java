package org.custodian.humanitarian;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Corridors, stations, shelters, evacuations, convoys and party notifications of a region, for the region export. */
@Component
class HumanitarianRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "humanitarian";
    }

    @Override
    public List<Table> tables() {
        Table corridor = ofRegion("humanitarian_corridor");
        Table station = ofRegion("humanitarian_station");
        Table shelter = ofRegion("humanitarian_shelter");
        Table convoy = ofRegion("humanitarian_convoy");
        Table notification = ofRegion("humanitarian_notification");
        return List.of(
                corridor,
                childOf(corridor, "humanitarian_corridor_status", "corridor_id"),
                childOf(corridor, "humanitarian_corridor_guarantor", "corridor_id"),
                childOf(corridor, "humanitarian_corridor_source", "corridor_id"),
                station,
                childOf(station, "humanitarian_station_service", "station_id"),
                shelter,
                childOf(shelter, "humanitarian_shelter_occupancy", "shelter_id"),
                ofRegion("humanitarian_evacuation"),
                convoy,
                childOf(convoy, "humanitarian_convoy_status", "convoy_id"),
                childOf(convoy, "humanitarian_convoy_line", "convoy_id"),
                childOf(convoy, "humanitarian_convoy_source", "convoy_id"),
                notification,
                childOf(notification, "humanitarian_notification_party", "notification_id"));
    }
}
