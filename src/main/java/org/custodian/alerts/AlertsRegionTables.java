package org.custodian.alerts;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Alerts of a region with their texts, status history and loudspeaker tasks, for the region export. Subscribers, their phone numbers and SMS deliveries are personal data and are left out. */
@Component
class AlertsRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "alerts";
    }

    @Override
    public List<Table> tables() {
        Table alert = ofRegion("alerts_alert");
        return List.of(
                alert,
                childOf(alert, "alerts_alert_info", "alert_id"),
                childOf(alert, "alerts_alert_status", "alert_id"),
                ofRegion("alerts_loudspeaker_task"));
    }
}
