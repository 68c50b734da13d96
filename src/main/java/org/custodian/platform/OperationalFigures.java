package org.custodian.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures a module offers to the common operational picture (a region's hub, the dashboards, the daily
 * situation report), as {@code FeatureLayer} offers its map layers: the cop module discovers every bean of
 * this type, so a new module adds its counts and charts without editing cop, and cop imports no module.
 *
 * <p>Implementations filter by the caller's scope themselves: a record of a region the caller may not read is
 * never counted, whatever region is asked for.
 */
public interface OperationalFigures {

    /** Stable identifier, for example {@code incidents}; pages name the module by the key {@code cop.module.<id>}. */
    String id();

    /**
     * The counts of the module's records as they stood at the end of {@code day} (records without a date of
     * their own are counted as they are now), in the caller's scope.
     *
     * @param region a region's code, or null for every region in scope
     */
    List<Count> counts(Scope scope, @Nullable String region, LocalDate day);

    /** The module's charts as they stood at the end of {@code day}, in the caller's scope. */
    List<Chart> charts(Scope scope, @Nullable String region, LocalDate day);

    /** The records of that day a situation report lists one by one (incidents, alerts); none by default. */
    default List<Event> events(Scope scope, @Nullable String region, LocalDate day) {
        return List.of();
    }

    /** A number of records, its label's message key and the list page showing them, filtered. */
    record Count(String labelKey, long value, String link) {}

    /** How a chart is drawn: bars (one a category) or lines over time. */
    enum Shape {
        BARS,
        LINES
    }

    /**
     * A chart: its title's message key, its series and the sources of its numbers when they came from
     * sources. Series and bar codes are named by the message key {@code codes + code}; a line chart's points
     * are dated ({@link Point#x} an ISO date).
     */
    record Chart(
            String id,
            String titleKey,
            Shape shape,
            String codes,
            List<Series> series,
            List<Sources.Citation> sources) {

        /** A bar chart of one series: a bar a code, in the order given. */
        public static Chart bars(String id, String titleKey, String codes, Map<String, ? extends Number> values) {
            return new Chart(
                    id,
                    titleKey,
                    Shape.BARS,
                    codes,
                    List.of(new Series(
                            "",
                            values.entrySet().stream()
                                    .map(e -> new Point(e.getKey(), e.getValue().doubleValue()))
                                    .toList())),
                    List.of());
        }

        public Chart citing(List<Sources.Citation> cited) {
            return new Chart(id, titleKey, shape, codes, series, List.copyOf(cited));
        }

        /** Whether the chart has anything to draw. */
        public boolean empty() {
            return series.stream().allMatch(s -> s.points().isEmpty());
        }
    }

    record Series(String code, List<Point> points) {}

    record Point(String x, double value) {}

    /** One record of the day: when, what kind (a message key), a short text and its page. */
    record Event(Instant at, String kindKey, String text, String link) {}

    /** The first instant after the day, in UTC: records at or after it are not yet counted. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The SQL condition on a region column that keeps the caller's scope and the region asked for, with its
     * parameters ({@code scopeRegions}, {@code region}); written out rather than a null test, which not every
     * database can type.
     */
    static Where within(Scope scope, @Nullable String region, String column) {
        Map<String, Object> params = new java.util.HashMap<>();
        StringBuilder sql = new StringBuilder("1 = 1");
        if (!scope.allRegions()) {
            sql.append(" and ").append(column).append(" in (:scopeRegions)");
            params.put("scopeRegions", scope.regionsForQuery());
        }
        if (region != null) {
            sql.append(" and ").append(column).append(" = :region");
            params.put("region", region);
        }
        return new Where(sql.toString(), params);
    }

    /** A list page's link, filtered to the region when one is asked for, and by further parameters. */
    static String listed(String path, @Nullable String region, String... more) {
        StringBuilder link = new StringBuilder(path);
        char joint = '?';
        if (region != null) {
            link.append(joint)
                    .append("region=")
                    .append(java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8));
            joint = '&';
        }
        for (String parameter : more) {
            link.append(joint).append(parameter);
            joint = '&';
        }
        return link.toString();
    }

    /** A condition and its named parameters. */
    record Where(String sql, Map<String, Object> params) {}
}
