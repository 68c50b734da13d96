package org.custodian.custody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Items held in custody by category (records found by the end of the day and still held). */
@Component
class CustodyFigures implements OperationalFigures {

    private final Tallies tallies;

    CustodyFigures(Tallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public String id() {
        return "custody";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        List<Count> counts = new ArrayList<>();
        held(scope, region, day)
                .forEach((category, n) -> counts.add(new Count(
                        "custody.category." + category,
                        n.longValue(),
                        OperationalFigures.listed("/custody", region, "category=" + category, "status=IN_CUSTODY"))));
        return counts;
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        return List.of(Chart.bars(
                "custody-by-category", "cop.chart.custodyByCategory", "custody.category.", held(scope, region, day)));
    }

    private Map<String, Double> held(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode(
                "select category, count(*) from custody_item where {where} and found_time < :end"
                        + " and status = 'IN_CUSTODY' group by category",
                OperationalFigures.within(scope, region, "region_code"),
                day,
                Tallies.every(CustodyItem.Category.values()));
    }
}
