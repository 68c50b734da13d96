package org.custodian.custody;

import org.custodian.mineaction.OrdnanceMovedToCustody;
import org.custodian.territory.Territory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Registers the ordnance finds that mine action moves to custody. Runs after the find is committed, in its
 * own transaction; the event publication registry keeps the event until this has succeeded.
 */
@Component
class OrdnanceIntake {

    private final Custody custody;
    private final Territory territory;

    OrdnanceIntake(Custody custody, Territory territory) {
        this.custody = custody;
        this.territory = territory;
    }

    @ApplicationModuleListener
    void on(OrdnanceMovedToCustody find) {
        var zone = territory.region(find.regionCode()).zone();
        custody.takeOrdnanceFind(
                find.findId(),
                find.regionCode(),
                find.location(),
                find.category().name(),
                find.description(),
                find.quantity(),
                org.custodian.territory.RegionTimes.moment(find.foundOn(), null, zone));
    }
}
