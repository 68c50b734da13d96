package org.custodian.cop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.cop.Cql2.Kind;
import org.custodian.cop.Cql2Text.Cql2Refused;
import org.custodian.geo.FeatureLayer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 filter checked against a layer's queryables and evaluated on its features. Checking comes first, so
 * an unknown property or a comparison of a date with a number is refused before anything is read.
 *
 * <p>Values compare as CQL2 and SQL do: a comparison with a null property is unknown, and a feature matches
 * only when the whole filter is true. A string literal compared with a date or timestamp property is read as
 * one (GDAL writes dates so). A date is, in temporal functions, the whole day in UTC, as {@code datetime}
 * treats it.
 */
final class FeatureFilter {

    /** The property that names a feature's geometry in filters and queryables. */
    static final String GEOMETRY = "geometry";

    private final Cql2 expression;
    private final Map<String, FeatureLayer.PropertyType> schema;

    private FeatureFilter(Cql2 expression, Map<String, FeatureLayer.PropertyType> schema) {
        this.expression = expression;
        this.schema = schema;
    }

    /**
     * The filter of {@code text} in {@code language} (cql2-text, cql2-json, or cql-text: GDAL's name for
     * the text of the drafts), its geometries given in {@code crs}.
     *
     * @throws Cql2Refused when it cannot be read, names a property the layer lacks, or mixes types
     */
    static FeatureFilter of(
            String text, String language, OutputCrs crs, Map<String, FeatureLayer.PropertyType> schema) {
        Cql2 read =
                switch (language) {
                    case "cql2-text", "cql-text" -> Cql2Text.parse(text);
                    case "cql2-json" -> Cql2Json.parse(text);
                    default ->
                        throw new Cql2Refused(
                                "filter-lang '" + language + "' is not offered; use cql2-text or" + " cql2-json");
                };
        FeatureFilter filter = new FeatureFilter(inCrs84(read, crs), schema);
        Kind kind = filter.check(filter.expression);
        if (kind != Kind.BOOLEAN) {
            throw new Cql2Refused("the filter is a " + kind.word() + ", not a condition");
        }
        return filter;
    }

    boolean test(FeatureLayer.Feature feature) {
        return Boolean.TRUE.equals(truth(expression, feature));
    }

    private static Cql2 inCrs84(Cql2 node, OutputCrs crs) {
        if (node instanceof Cql2.Literal l && l.kind() == Kind.GEOMETRY && crs != OutputCrs.CRS84) {
            return Cql2.geometry(crs.toCrs84((Geometry) l.value()));
        }
        if (node instanceof Cql2.Call c) {
            return new Cql2.Call(
                    c.op(), c.args().stream().map(a -> inCrs84(a, crs)).toList());
        }
        return node;
    }

    // ---- checking

    private Kind check(Cql2 node) {
        return switch (node) {
            case Cql2.Property p -> kindOf(p.name());
            case Cql2.Literal l -> l.kind();
            case Cql2.Interval i -> {
                for (Cql2 end : List.of(i.start(), i.end())) {
                    Kind k = check(end);
                    if (k != Kind.DATE && k != Kind.TIMESTAMP && k != Kind.OPEN) {
                        throw new Cql2Refused("an interval's ends are dates, timestamps or '..', not a " + k.word());
                    }
                }
                yield Kind.INTERVAL;
            }
            case Cql2.Call c -> checkCall(c);
        };
    }

    private Kind checkCall(Cql2.Call c) {
        String op = c.op();
        List<Cql2> args = c.args();
        switch (op) {
            case "and", "or", "not" -> {
                arity(c, op.equals("not") ? 1 : -1);
                for (Cql2 a : args) {
                    Kind k = check(a);
                    if (k != Kind.BOOLEAN) {
                        throw new Cql2Refused(op.toUpperCase(Locale.ROOT) + " combines conditions, not a " + k.word());
                    }
                }
            }
            case "isNull" -> {
                arity(c, 1);
                check(args.getFirst());
            }
            case "like", "ilike" -> {
                arity(c, 2);
                same(op, check(args.get(0)), Kind.STRING);
                same(op, check(args.get(1)), Kind.STRING);
            }
            case "between" -> {
                arity(c, 3);
                Kind k = check(args.getFirst());
                for (int i = 1; i < 3; i++) {
                    same(op, k, comparedKind(args.get(i), k));
                }
                if (k != Kind.NUMBER && k != Kind.DATE && k != Kind.TIMESTAMP) {
                    throw new Cql2Refused("BETWEEN compares numbers, dates or timestamps, not a " + k.word());
                }
            }
            case "in" -> {
                arity(c, 2);
                Kind k = check(args.getFirst());
                if (!(args.get(1) instanceof Cql2.Call list) || !list.op().equals("list")) {
                    throw new Cql2Refused("IN needs a list of values");
                }
                for (Cql2 item : list.args()) {
                    same(op, k, comparedKind(item, k));
                }
            }
            default -> {
                if (Cql2.COMPARISONS.contains(op)) {
                    arity(c, 2);
                    Kind left = check(args.get(0));
                    Kind right = comparedKind(args.get(1), left);
                    if (left == Kind.STRING && right != Kind.STRING) {
                        left = comparedKind(args.get(0), right);
                    }
                    same(op, left, right);
                    if ((left == Kind.BOOLEAN || left == Kind.GEOMETRY || left == Kind.INTERVAL)
                            && !op.equals("=")
                            && !op.equals("<>")) {
                        throw new Cql2Refused("'" + op + "' does not order a " + left.word());
                    }
                } else if (Cql2.SPATIAL.contains(op)) {
                    arity(c, 2);
                    same(op, check(args.get(0)), Kind.GEOMETRY);
                    same(op, check(args.get(1)), Kind.GEOMETRY);
                } else if (Cql2.TEMPORAL.contains(op)) {
                    arity(c, 2);
                    for (Cql2 a : args) {
                        Kind k = check(a);
                        if (!k.temporal()) {
                            throw new Cql2Refused(op.toUpperCase(Locale.ROOT)
                                    + " compares dates, timestamps or intervals, not a " + k.word());
                        }
                    }
                } else {
                    throw new Cql2Refused("the operator or function '" + op + "' is not supported; this API offers "
                            + "comparisons, LIKE, BETWEEN, IN, IS NULL, AND, OR, NOT, " + Cql2.SPATIAL + " and "
                            + Cql2.TEMPORAL);
                }
            }
        }
        return Kind.BOOLEAN;
    }

    /** A string literal compared with a date or timestamp is read as one; anything else keeps its kind. */
    private Kind comparedKind(Cql2 node, Kind other) {
        Kind k = check(node);
        if (k == Kind.STRING && node instanceof Cql2.Literal l && (other == Kind.DATE || other == Kind.TIMESTAMP)) {
            // Checked here so a bad text is refused before evaluation.
            Object unused = other == Kind.DATE ? dateOf(l.value()) : instantOf(l.value());
            return unused == null ? k : other;
        }
        return k;
    }

    private static void same(String op, Kind left, Kind right) {
        if (left != right
                && !(left == Kind.DATE && right == Kind.TIMESTAMP)
                && !(left == Kind.TIMESTAMP && right == Kind.DATE)) {
            throw new Cql2Refused(
                    "type mismatch: '" + op + "' cannot compare a " + left.word() + " with a " + right.word());
        }
    }

    private static void arity(Cql2.Call c, int count) {
        if ((count < 0 && c.args().isEmpty()) || (count >= 0 && c.args().size() != count)) {
            throw new Cql2Refused("'" + c.op() + "' takes " + (count < 0 ? "at least one" : count) + " argument"
                    + (count == 1 ? "" : "s") + ", not " + c.args().size());
        }
    }

    private Kind kindOf(String property) {
        if (property.equals(GEOMETRY)) {
            return Kind.GEOMETRY;
        }
        FeatureLayer.PropertyType type = schema.get(property);
        if (type == null) {
            throw new Cql2Refused("unknown property '" + property + "'; the queryables are " + queryables());
        }
        return switch (type) {
            case TEXT -> Kind.STRING;
            case INTEGER, REAL -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case DATETIME -> Kind.TIMESTAMP;
        };
    }

    private List<String> queryables() {
        List<String> names = new ArrayList<>(schema.keySet());
        names.add(GEOMETRY);
        return names;
    }

    // ---- evaluation

    /** True, false or unknown (null). */
    private @Nullable Boolean truth(Cql2 node, FeatureLayer.Feature f) {
        if (!(node instanceof Cql2.Call c)) {
            return (Boolean) value(node, f);
        }
        List<Cql2> args = c.args();
        switch (c.op()) {
            case "and": {
                Boolean all = true;
                for (Cql2 a : args) {
                    Boolean t = truth(a, f);
                    if (Boolean.FALSE.equals(t)) {
                        return false;
                    }
                    if (t == null) {
                        all = null;
                    }
                }
                return all;
            }
            case "or": {
                Boolean any = false;
                for (Cql2 a : args) {
                    Boolean t = truth(a, f);
                    if (Boolean.TRUE.equals(t)) {
                        return true;
                    }
                    if (t == null) {
                        any = null;
                    }
                }
                return any;
            }
            case "not": {
                Boolean t = truth(args.getFirst(), f);
                return t == null ? null : !t;
            }
            case "isNull":
                return value(args.getFirst(), f) == null;
            default:
                break;
        }
        Object left = value(args.getFirst(), f);
        if (left == null) {
            return null;
        }
        String op = c.op();
        if (op.equals("like") || op.equals("ilike")) {
            Object pattern = value(args.get(1), f);
            return pattern == null
                    ? null
                    : like((String) pattern, op.equals("ilike"))
                            .matcher((String) left)
                            .matches();
        }
        if (op.equals("between")) {
            Object low = coerced(args.get(1), left, f);
            Object high = coerced(args.get(2), left, f);
            return low == null || high == null ? null : compare(left, low) >= 0 && compare(left, high) <= 0;
        }
        if (op.equals("in")) {
            boolean unknown = false;
            for (Cql2 item : ((Cql2.Call) args.get(1)).args()) {
                Object v = coerced(item, left, f);
                if (v == null) {
                    unknown = true;
                } else if (compare(left, v) == 0) {
                    return true;
                }
            }
            return unknown ? null : false;
        }
        Object right = coerced(args.get(1), left, f);
        if (right == null) {
            return null;
        }
        left = coerced(args.getFirst(), right, f);
        if (Cql2.SPATIAL.contains(op)) {
            return spatial(op, (Geometry) left, (Geometry) right);
        }
        if (Cql2.TEMPORAL.contains(op)) {
            return temporal(op, span(left), span(right));
        }
        int order = compare(left, right);
        return switch (op) {
            case "=" -> order == 0;
            case "<>" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** The value of {@code node}, a string literal read as a date or timestamp when {@code like} is one. */
    private @Nullable Object coerced(Cql2 node, Object like, FeatureLayer.Feature f) {
        Object v = value(node, f);
        if (v instanceof String s && node instanceof Cql2.Literal) {
            if (like instanceof LocalDate) {
                return dateOf(s);
            }
            if (like instanceof Instant) {
                return instantOf(s);
            }
        }
        return v;
    }

    private @Nullable Object value(Cql2 node, FeatureLayer.Feature f) {
        return switch (node) {
            case Cql2.Literal l -> l.value();
            case Cql2.Interval i -> {
                Object start = value(i.start(), f);
                Object end = value(i.end(), f);
                yield new Instant[] {
                    start == null || "..".equals(start) ? Instant.MIN : span(start)[0],
                    end == null || "..".equals(end) ? Instant.MAX : span(end)[1]
                };
            }
            case Cql2.Property p -> property(p.name(), f);
            case Cql2.Call c -> truth(c, f);
        };
    }

    /** A property's value as the kind its schema type says: numbers as Double, dates and instants parsed. */
    private @Nullable Object property(String name, FeatureLayer.Feature f) {
        if (name.equals(GEOMETRY)) {
            return f.geometry();
        }
        Object v = f.properties().get(name);
        if (v == null) {
            return null;
        }
        return switch (schema.get(name)) {
            case TEXT -> v.toString();
            case INTEGER, REAL -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
            case DATE -> dateOf(v);
            case DATETIME -> instantOf(v);
            case null -> null;
        };
    }

    private static LocalDate dateOf(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        String text = v.toString();
        return Cql2Text.date(text.substring(0, Math.min(10, text.length())));
    }

    private static Instant instantOf(Object v) {
        return switch (v) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> {
                String text = v.toString();
                yield text.length() == 10
                        ? Cql2Text.date(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Cql2Text.timestamp(text);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left instanceof LocalDate && right instanceof Instant) {
            return instantOf(left).compareTo((Instant) right);
        }
        if (left instanceof Instant && right instanceof LocalDate) {
            return ((Instant) left).compareTo(instantOf(right));
        }
        if (left instanceof Geometry a && right instanceof Geometry b) {
            return a.equalsTopo(b) ? 0 : 1;
        }
        return ((Comparable) left).compareTo(right);
    }

    /** An instant, a day (in UTC) or an interval as its first and last instant, both included. */
    private static Instant[] span(Object v) {
        return switch (v) {
            case Instant[] interval -> interval;
            case LocalDate d -> {
                Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                yield new Instant[] {
                    start, start.plus(java.time.Duration.ofDays(1)).minusNanos(1)
                };
            }
            default -> {
                Instant at = instantOf(v);
                yield new Instant[] {at, at};
            }
        };
    }

    private static boolean spatial(String op, Geometry a, Geometry b) {
        return switch (op) {
            case "s_intersects" -> a.intersects(b);
            case "s_equals" -> a.equalsTopo(b);
            case "s_disjoint" -> a.disjoint(b);
            case "s_touches" -> a.touches(b);
            case "s_within" -> a.within(b);
            case "s_overlaps" -> a.overlaps(b);
            case "s_crosses" -> a.crosses(b);
            default -> a.contains(b);
        };
    }

    /** The relations of CQL2's temporal functions between two spans [start, end]. */
    private static boolean temporal(String op, Instant[] a, Instant[] b) {
        int ss = a[0].compareTo(b[0]);
        int ee = a[1].compareTo(b[1]);
        int se = a[0].compareTo(b[1]);
        int es = a[1].compareTo(b[0]);
        return switch (op) {
            case "t_after" -> se > 0;
            case "t_before" -> es < 0;
            case "t_contains" -> ss < 0 && ee > 0;
            case "t_disjoint" -> se > 0 || es < 0;
            case "t_during" -> ss > 0 && ee < 0;
            case "t_equals" -> ss == 0 && ee == 0;
            case "t_finishedby" -> ss < 0 && ee == 0;
            case "t_finishes" -> ss > 0 && ee == 0;
            case "t_intersects" -> se <= 0 && es >= 0;
            case "t_meets" -> es == 0;
            case "t_metby" -> se == 0;
            case "t_overlappedby" -> ss > 0 && se < 0 && ee > 0;
            case "t_overlaps" -> ss < 0 && es > 0 && ee < 0;
            case "t_startedby" -> ss == 0 && ee > 0;
            default -> ss == 0 && ee < 0; // t_starts
        };
    }

    /** A LIKE pattern: % any run, _ one character, \ escapes the next. */
    private static Pattern like(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(
                regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }
}
