package org.custodian.mineaction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Hazard areas by status, accidents and the land released, month by month, for the hub and dashboards. */
@Component
class MineActionFigures implements OperationalFigures {

    private final Tallies tallies;

    MineActionFigures(Tallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public String id() {
        return "mine-action";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "region_code");
        String page = OperationalFigures.listed("/mine-action", region);
        List<Count> counts = new ArrayList<>();
        byStatus(where, day)
                .forEach((status, n) -> counts.add(new Count("mine.areaStatus." + status, n.longValue(), page)));
        counts.add(new Count("cop.count.landReleasedHa", Math.round(released(scope, region, day) / 10_000), page));
        counts.add(new Count(
                "cop.count.accidents",
                tallies.count("select count(*) from mine_accident where {where} and occurred_at < :end", where, day),
                page));
        return counts;
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "h.region_code");
        List<Tallies.Dated> months = tallies.dated("""
                select 'released', r.completed_on, sum(r.area_square_metres)
                from mine_land_release r join mine_hazard_area h on h.id = r.hazard_area_id
                where {where} and r.completed_on <= :day
                group by r.completed_on order by r.completed_on""", where, day);
        // Cumulative hectares at the end of each month in which land was released.
        Map<LocalDate, Double> cumulative = new LinkedHashMap<>();
        double total = 0;
        for (Tallies.Dated d : months) {
            total += d.value() / 10_000;
            cumulative.put(d.on().withDayOfMonth(1), total);
        }
        // The total stands until the day, so the line runs on to it.
        if (!cumulative.isEmpty()) {
            cumulative.putIfAbsent(day.withDayOfMonth(1), total);
        }
        List<Point> points = cumulative.entrySet().stream()
                .map(e -> new Point(e.getKey().toString(), Math.round(e.getValue() * 10) / 10.0))
                .toList();
        return List.of(
                new Chart(
                        "land-released",
                        "cop.chart.landReleased",
                        Shape.LINES,
                        "cop.series.",
                        List.of(new Series("released", points)),
                        List.of()),
                Chart.bars(
                        "hazard-areas-by-status",
                        "cop.chart.hazardAreasByStatus",
                        "mine.areaStatus.",
                        byStatus(OperationalFigures.within(scope, region, "region_code"), day)));
    }

    private Map<String, Double> byStatus(Where where, LocalDate day) {
        return tallies.byCode(
                "select status, count(*) from mine_hazard_area where {where} and recorded_on <= :day group by status",
                where,
                day,
                Tallies.every(HazardArea.Status.values()));
    }

    private double released(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode("""
                        select 'released', sum(r.area_square_metres)
                        from mine_land_release r join mine_hazard_area h on h.id = r.hazard_area_id
                        where {where} and r.completed_on <= :day""", OperationalFigures.within(scope, region, "h.region_code"), day)
                .getOrDefault("released", 0.0);
    }
}
