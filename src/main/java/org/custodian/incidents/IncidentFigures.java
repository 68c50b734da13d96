package org.custodian.incidents;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Incidents: how many, how many this past week and under review, by type week by week, and the day's own. */
@Component
class IncidentFigures implements OperationalFigures {

    /** Weeks the chart of incidents by type goes back. */
    static final int WEEKS = 12;

    private final Tallies tallies;
    private final JdbcClient jdbc;

    IncidentFigures(Tallies tallies, JdbcClient jdbc) {
        this.tallies = tallies;
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "incidents";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "region_code");
        return List.of(
                new Count(
                        "cop.count.incidents",
                        tallies.count("select count(*) from incident where {where} and occurred_at < :end", where, day),
                        OperationalFigures.listed("/incidents", region)),
                new Count(
                        "cop.count.incidentsWeek",
                        tallies.count(
                                "select count(*) from incident where {where} and occurred_at < :end"
                                        + " and occurred_at >= :weekAgo",
                                withWeekAgo(where, day),
                                day),
                        OperationalFigures.listed("/incidents", region, "from=" + day.minusDays(6), "to=" + day)),
                new Count(
                        "incidents.status.UNDER_REVIEW",
                        tallies.count(
                                "select count(*) from incident where {where} and occurred_at < :end"
                                        + " and status = 'UNDER_REVIEW'",
                                where,
                                day),
                        OperationalFigures.listed("/incidents", region, "status=UNDER_REVIEW")));
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "region_code");
        // The twelve weeks up to the day, or, when none was recorded in them, up to the last incident before it:
        // the axis gives the dates, and an empty chart tells nothing.
        LocalDate lastWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate latest = tallies
                .dated(
                        "select 'latest', cast(max(occurred_at) as date), count(*) from incident"
                                + " where {where} and occurred_at < :end",
                        where,
                        day)
                .stream()
                .map(Tallies.Dated::on)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(day);
        if (latest.isBefore(lastWeek.minusWeeks(WEEKS - 1L))) {
            lastWeek = latest.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        LocalDate firstWeek = lastWeek.minusWeeks(WEEKS - 1L);
        Map<String, Object> params = new java.util.HashMap<>(where.params());
        params.put(
                "since",
                Timestamp.from(firstWeek.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        List<Tallies.Dated> days = tallies.dated(
                "select type, cast(occurred_at as date), count(*) from incident"
                        + " where {where} and occurred_at < :end and occurred_at >= :since"
                        + " group by type, cast(occurred_at as date)",
                new Where(where.sql(), params),
                day);
        Map<String, double[]> weekly = new LinkedHashMap<>();
        for (IncidentType type : IncidentType.values()) {
            weekly.put(type.name(), new double[WEEKS]);
        }
        for (Tallies.Dated d : days) {
            int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(
                    firstWeek, d.on().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (week >= 0 && week < WEEKS && weekly.containsKey(d.code())) {
                weekly.get(d.code())[week] += d.value();
            }
        }
        List<Series> series = new ArrayList<>();
        weekly.forEach((type, counts) -> {
            if (java.util.Arrays.stream(counts).anyMatch(n -> n > 0)) {
                List<Point> points = new ArrayList<>();
                for (int w = 0; w < WEEKS; w++) {
                    points.add(new Point(firstWeek.plusWeeks(w).toString(), counts[w]));
                }
                series.add(new Series(type, points));
            }
        });
        return List.of(new Chart(
                "incidents-by-type", "cop.chart.incidentsByType", Shape.LINES, "incidents.type.", series, List.of()));
    }

    @Override
    public List<Event> events(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "region_code");
        Map<String, Object> params = new java.util.HashMap<>(where.params());
        params.put(
                "start",
                Timestamp.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        params.put("end", Timestamp.from(OperationalFigures.endOf(day)));
        return jdbc.sql("select id, reference, type, occurred_at, description from incident where "
                        + where.sql()
                        + " and occurred_at >= :start and occurred_at < :end order by occurred_at, id")
                .params(params)
                .query((rs, i) -> new Event(
                        rs.getTimestamp("occurred_at").toInstant(),
                        "incidents.type." + rs.getString("type"),
                        rs.getString("reference") + " — " + shortened(rs.getString("description")),
                        "/incidents/" + rs.getLong("id")))
                .list();
    }

    private static Where withWeekAgo(Where where, LocalDate day) {
        Map<String, Object> params = new java.util.HashMap<>(where.params());
        params.put(
                "weekAgo",
                Timestamp.from(
                        day.minusDays(6).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        return new Where(where.sql(), params);
    }

    private static String shortened(String text) {
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }
}
