package org.custodian.facilities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Facilities by status as they are now (a facility's record has no date of its own). */
@Component
class FacilityFigures implements OperationalFigures {

    private final Tallies tallies;

    FacilityFigures(Tallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public String id() {
        return "facilities";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        List<Count> counts = new ArrayList<>();
        String page = OperationalFigures.listed("/facilities", region);
        byStatus(scope, region, day)
                .forEach((status, n) -> counts.add(new Count("facilities.status." + status, n.longValue(), page)));
        return counts;
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        return List.of(Chart.bars(
                "facilities-by-status",
                "cop.chart.facilitiesByStatus",
                "facilities.status.",
                byStatus(scope, region, day)));
    }

    private Map<String, Double> byStatus(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode(
                "select status, count(*) from facility where {where} group by status",
                OperationalFigures.within(scope, region, "region_code"),
                day,
                Tallies.every(Facility.Status.values()));
    }
}
