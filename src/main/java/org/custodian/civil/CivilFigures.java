package org.custodian.civil;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Outreach visits to settlements and the people they reached, month by month. */
@Component
class CivilFigures implements OperationalFigures {

    private final Tallies tallies;

    CivilFigures(Tallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public String id() {
        return "civil";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        Map<String, Double> visits = tallies.byCode(
                "select 'visits', count(*) from civil_visit where {where} and visited_on <= :day"
                        + " union all select 'people', sum(people_reached) from civil_visit"
                        + " where {where} and visited_on <= :day",
                OperationalFigures.within(scope, region, "region_code"),
                day);
        String page = OperationalFigures.listed("/outreach", region);
        return List.of(
                new Count("cop.count.visits", visits.getOrDefault("visits", 0.0).longValue(), page),
                new Count(
                        "civil.peopleReached",
                        visits.getOrDefault("people", 0.0).longValue(),
                        page));
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        TreeMap<LocalDate, double[]> months = new TreeMap<>();
        tallies.dated(
                        "select 'visits', visited_on, people_reached from civil_visit"
                                + " where {where} and visited_on <= :day",
                        OperationalFigures.within(scope, region, "region_code"),
                        day)
                .forEach(d -> {
                    double[] month = months.computeIfAbsent(d.on().withDayOfMonth(1), m -> new double[2]);
                    month[0]++;
                    month[1] += d.value();
                });
        // A month without a visit between the first and the last is a month of none, drawn as such.
        if (!months.isEmpty()) {
            LocalDate last = months.lastKey();
            for (LocalDate m = months.firstKey(); m.isBefore(last); m = m.plusMonths(1)) {
                months.putIfAbsent(m, new double[2]);
            }
        }
        List<Point> visits = new ArrayList<>();
        List<Point> people = new ArrayList<>();
        months.forEach((month, n) -> {
            visits.add(new Point(month.toString(), n[0]));
            people.add(new Point(month.toString(), n[1]));
        });
        return List.of(new Chart(
                "visits",
                "cop.chart.visits",
                Shape.LINES,
                "cop.series.",
                List.of(new Series("visits", visits), new Series("peopleReached", people)),
                List.of()));
    }
}
