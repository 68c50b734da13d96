package org.custodian.territory;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.platform.Scope;
import org.custodian.platform.ViewerZone;
import org.springframework.stereotype.Component;

/** A person's zone is the one their regions share; people across zones read UTC, named as such. */
@Component
class RegionViewerZone implements ViewerZone {

    private final Territory territory;
    private final RegionTimes times;

    RegionViewerZone(Territory territory, RegionTimes times) {
        this.territory = territory;
        this.times = times;
    }

    @Override
    public ZoneId of(Scope scope) {
        Set<ZoneId> zones = territory.regions().stream()
                .filter(r -> scope.reads(r.code()))
                .map(r -> times.zone(r.code()))
                .collect(Collectors.toSet());
        return zones.size() == 1 ? zones.iterator().next() : ZoneOffset.UTC;
    }
}
