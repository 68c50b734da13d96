package org.custodian.cop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 expression (OGC 21-065), as read from its text or JSON encoding: both readers build the same tree,
 * with the operators named as CQL2 JSON names them ({@code and}, {@code =}, {@code like}, {@code s_intersects},
 * {@code t_before}...), lower case.
 */
sealed interface Cql2 {

    /** A property of the features, by its name as the queryables list it. */
    record Property(String name) implements Cql2 {}

    /** A literal: a string, number (Double), boolean, date, timestamp or geometry (CRS84 once read). */
    record Literal(Object value, Kind kind) implements Cql2 {}

    /** An interval whose ends are literals, properties or {@link #OPEN}. */
    record Interval(Cql2 start, Cql2 end) implements Cql2 {}

    /** An operator or function applied to its arguments; {@code in} has its list as one {@code list} call. */
    record Call(String op, List<Cql2> args) implements Cql2 {}

    /** The open end of an interval, {@code '..'}. */
    Literal OPEN = new Literal("..", Kind.OPEN);

    /** What an expression yields, for checking types before any feature is read. */
    enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        INTERVAL,
        GEOMETRY,
        OPEN;

        boolean temporal() {
            return this == DATE || this == TIMESTAMP || this == INTERVAL;
        }

        /** The word an error message uses. */
        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Literal string(String value) {
        return new Literal(value, Kind.STRING);
    }

    static Literal number(double value) {
        return new Literal(value, Kind.NUMBER);
    }

    static Literal bool(boolean value) {
        return new Literal(value, Kind.BOOLEAN);
    }

    static Literal date(LocalDate value) {
        return new Literal(value, Kind.DATE);
    }

    static Literal timestamp(Instant value) {
        return new Literal(value, Kind.TIMESTAMP);
    }

    static Literal geometry(Geometry value) {
        return new Literal(value, Kind.GEOMETRY);
    }

    /** The comparison operators of Basic CQL2. */
    List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");

    /** The spatial functions of CQL2, in the names of the JSON encoding. */
    List<String> SPATIAL = List.of(
            "s_intersects", "s_equals", "s_disjoint", "s_touches", "s_within", "s_overlaps", "s_crosses", "s_contains");

    /** The temporal functions of CQL2, in the names of the JSON encoding. */
    List<String> TEMPORAL = List.of(
            "t_after",
            "t_before",
            "t_contains",
            "t_disjoint",
            "t_during",
            "t_equals",
            "t_finishedby",
            "t_finishes",
            "t_intersects",
            "t_meets",
            "t_metby",
            "t_overlappedby",
            "t_overlaps",
            "t_startedby",
            "t_starts");
}
