package org.custodian.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counting queries behind {@link OperationalFigures}: a statement whose {@code {where}} is replaced by the
 * scope's condition, with the parameters {@code day} (the report's day) and {@code end} (the first instant after
 * it) always bound, so each module writes only its own SQL.
 */
@Component
public class Tallies {

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One number: the first column of the only row. */
    public long count(String sql, OperationalFigures.Where where, LocalDate day) {
        Number n = statement(sql, where, day)
                .query((rs, i) -> (Number) rs.getObject(1))
                .single();
        return n == null ? 0 : n.longValue();
    }

    /**
     * Numbers by code: the first column a code, the second its number. The codes given come first, in their
     * order, at zero when the query finds none (so a chart shows every status); then any other the query gives.
     */
    public Map<String, Double> byCode(String sql, OperationalFigures.Where where, LocalDate day, String... every) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String code : every) {
            values.put(code, 0.0);
        }
        statement(sql, where, day).query((ResultSet rs) -> {
            Number n = (Number) rs.getObject(2);
            values.merge(rs.getString(1), n == null ? 0 : n.doubleValue(), Double::sum);
        });
        return values;
    }

    /** Rows of a code, a day and a number (a series over time by code), in the order the query gives. */
    public List<Dated> dated(String sql, OperationalFigures.Where where, LocalDate day) {
        List<Dated> rows = new ArrayList<>();
        statement(sql, where, day).query((ResultSet rs) -> {
            Number n = (Number) rs.getObject(3);
            rows.add(new Dated(rs.getString(1), date(rs, 2), n == null ? 0 : n.doubleValue()));
        });
        return rows;
    }

    /** The names of an enumeration's constants, as {@link #byCode} takes every code. */
    public static String[] every(Enum<?>[] constants) {
        return java.util.Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }

    /** A number of one code on one day. */
    public record Dated(String code, LocalDate on, double value) {}

    private JdbcClient.StatementSpec statement(String sql, OperationalFigures.Where where, LocalDate day) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("day", day);
        params.put("end", OffsetDateTime.ofInstant(OperationalFigures.endOf(day), ZoneOffset.UTC));
        return jdbc.sql(sql.replace("{where}", where.sql())).params(params);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
