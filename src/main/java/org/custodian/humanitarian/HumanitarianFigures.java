package org.custodian.humanitarian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Convoys by status (as they are now) and the people evacuated up to the day. The people are the figures
 * sources report for each evacuation: the accepted one, else the latest reported by that day; the chart cites
 * the sources whose figures it counts.
 */
@Component
class HumanitarianFigures implements OperationalFigures {

    private final Tallies tallies;
    private final JdbcClient jdbc;
    private final Sources sources;

    HumanitarianFigures(Tallies tallies, JdbcClient jdbc, Sources sources) {
        this.tallies = tallies;
        this.jdbc = jdbc;
        this.sources = sources;
    }

    @Override
    public String id() {
        return "humanitarian";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        List<Count> counts = new ArrayList<>();
        String convoysPage = OperationalFigures.listed("/convoys", region);
        convoys(scope, region, day)
                .forEach((status, n) ->
                        counts.add(new Count("hum.convoy.status." + status, n.longValue(), convoysPage)));
        Evacuated evacuated = evacuated(scope, region, day);
        String log = OperationalFigures.listed("/evacuations", region);
        counts.add(new Count("cop.count.evacuations", evacuated.byEvacuation().size(), log));
        counts.add(new Count("cop.count.peopleEvacuated", evacuated.people(), log));
        return counts;
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        Evacuated evacuated = evacuated(scope, region, day);
        Map<LocalDate, Double> byDay = new TreeMap<>();
        evacuated.byEvacuation().values().forEach(r -> byDay.merge(r.on(), r.people(), Double::sum));
        List<Point> points = new ArrayList<>();
        double total = 0;
        for (var e : byDay.entrySet()) {
            total += e.getValue();
            points.add(new Point(e.getKey().toString(), total));
        }
        // The total stands until the day, so the line runs on to it.
        if (!byDay.isEmpty() && !byDay.containsKey(day)) {
            points.add(new Point(day.toString(), total));
        }
        return List.of(
                Chart.bars(
                        "convoys-by-status",
                        "cop.chart.convoysByStatus",
                        "hum.convoy.status.",
                        convoys(scope, region, day)),
                new Chart(
                                "people-evacuated",
                                "cop.chart.peopleEvacuated",
                                Shape.LINES,
                                "cop.series.",
                                List.of(new Series("evacuated", points)),
                                List.of())
                        .citing(List.copyOf(sources.findAll(evacuated.byEvacuation().values().stream()
                                        .map(Reported::source)
                                        .distinct()
                                        .toList())
                                .values())));
    }

    private Map<String, Double> convoys(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode(
                "select status, count(*) from humanitarian_convoy where {where} group by status",
                OperationalFigures.within(scope, region, "region_code"),
                day,
                Tallies.every(Convoy.Status.values()));
    }

    /** One evacuation's standing figure of people evacuated, its day and its source. */
    private record Reported(LocalDate on, double people, long source, boolean accepted, LocalDate reportedOn) {}

    private record Evacuated(Map<Long, Reported> byEvacuation) {
        long people() {
            return Math.round(
                    byEvacuation.values().stream().mapToDouble(Reported::people).sum());
        }
    }

    private Evacuated evacuated(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "e.region_code");
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("day", day);
        params.put("subject", Evacuations.FIGURES);
        Map<Long, Reported> standing = new HashMap<>();
        jdbc.sql("""
                        select e.id, e.evacuated_on, f.figure_value, f.source_id, f.accepted, f.reported_on
                        from humanitarian_evacuation e
                        join platform_reported_figure f
                          on f.subject_type = :subject and f.subject_id = e.id and f.measure = 'evacuated'
                        where %s and e.evacuated_on <= :day and f.reported_on <= :day
                        order by f.id""".formatted(where.sql())).params(params).query(rs -> {
            Reported r = new Reported(
                    rs.getObject(2, LocalDate.class),
                    rs.getBigDecimal(3).doubleValue(),
                    rs.getLong(4),
                    rs.getBoolean(5),
                    rs.getObject(6, LocalDate.class));
            standing.merge(rs.getLong(1), r, HumanitarianFigures::standing);
        });
        return new Evacuated(standing);
    }

    /** The accepted figure, else the later report. */
    private static Reported standing(Reported held, Reported next) {
        if (held.accepted() != next.accepted()) {
            return held.accepted() ? held : next;
        }
        return next.reportedOn().isBefore(held.reportedOn()) ? held : next;
    }
}
