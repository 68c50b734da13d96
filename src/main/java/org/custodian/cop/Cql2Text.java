package org.custodian.cop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.geo.BoundingBox;
import org.custodian.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads CQL2 text (OGC 21-065, {@code filter-lang=cql2-text}): the subset this API evaluates, by recursive
 * descent over the characters. Keywords are case-insensitive, property names are not.
 *
 * <pre>
 * expression := term { OR term }
 * term       := factor { AND factor }
 * factor     := NOT factor | '(' expression ')' | function | predicate
 * function   := S_INTERSECTS | S_EQUALS | S_DISJOINT | S_TOUCHES | S_WITHIN | S_OVERLAPS | S_CROSSES
 *             | S_CONTAINS | T_AFTER | T_BEFORE | ... | T_STARTS   '(' operand ',' operand ')'
 * predicate  := operand ( ('=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand
 *                       | [NOT] LIKE operand | ILIKE operand
 *                       | [NOT] BETWEEN operand AND operand
 *                       | [NOT] IN '(' operand { ',' operand } ')'
 *                       | IS [NOT] NULL
 *                       | (nothing: a boolean property or TRUE/FALSE) )
 * operand    := 'text' ('' inside is one quote) | number | TRUE | FALSE | DATE('yyyy-mm-dd')
 *             | TIMESTAMP('rfc 3339') | INTERVAL(end, end) with end a date, timestamp, '..' or property
 *             | BBOX(w, s, e, n) | a WKT geometry (POINT(...), POLYGON(...), ...) | name | "name"
 * </pre>
 *
 * <p>ILIKE, the older drafts' case-insensitive LIKE, is read because GDAL writes it.
 */
final class Cql2Text {

    private static final Set<String> GEOMETRY_WORDS = Set.of(
            "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> RESERVED =
            Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL");

    private final String text;
    private int at;

    private Cql2Text(String text) {
        this.text = text;
    }

    /** The expression the text writes. */
    static Cql2 parse(String text) {
        Cql2Text reader = new Cql2Text(text);
        Cql2 expression = reader.expression();
        reader.space();
        if (reader.at < text.length()) {
            throw reader.error(
                    "unexpected '" + text.substring(reader.at, Math.min(text.length(), reader.at + 20)) + "'");
        }
        return expression;
    }

    private Cql2 expression() {
        List<Cql2> terms = new ArrayList<>(List.of(term()));
        while (keyword("OR")) {
            terms.add(term());
        }
        return terms.size() == 1 ? terms.getFirst() : new Cql2.Call("or", terms);
    }

    private Cql2 term() {
        List<Cql2> factors = new ArrayList<>(List.of(factor()));
        while (keyword("AND")) {
            factors.add(factor());
        }
        return factors.size() == 1 ? factors.getFirst() : new Cql2.Call("and", factors);
    }

    private Cql2 factor() {
        if (keyword("NOT")) {
            return new Cql2.Call("not", List.of(factor()));
        }
        if (symbol("(")) {
            Cql2 inner = expression();
            expect(")");
            return inner;
        }
        String word = peekWord().toLowerCase(Locale.ROOT);
        if (Cql2.SPATIAL.contains(word) || Cql2.TEMPORAL.contains(word)) {
            at += word.length();
            space();
            expect("(");
            Cql2 first = operand();
            expect(",");
            Cql2 second = operand();
            expect(")");
            return new Cql2.Call(word, List.of(first, second));
        }
        return predicate();
    }

    private Cql2 predicate() {
        Cql2 left = operand();
        for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (symbol(op)) {
                return new Cql2.Call(op, List.of(left, operand()));
            }
        }
        if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("IS must be followed by NULL or NOT NULL");
            }
            Cql2 isNull = new Cql2.Call("isNull", List.of(left));
            return not ? new Cql2.Call("not", List.of(isNull)) : isNull;
        }
        if (keyword("ILIKE")) {
            return new Cql2.Call("ilike", List.of(left, operand()));
        }
        boolean not = keyword("NOT");
        Cql2 predicate;
        if (keyword("LIKE")) {
            predicate = new Cql2.Call("like", List.of(left, operand()));
        } else if (keyword("BETWEEN")) {
            Cql2 low = operand();
            if (!keyword("AND")) {
                throw error("BETWEEN needs AND between its two bounds");
            }
            predicate = new Cql2.Call("between", List.of(left, low, operand()));
        } else if (keyword("IN")) {
            expect("(");
            List<Cql2> items = new ArrayList<>(List.of(operand()));
            while (symbol(",")) {
                items.add(operand());
            }
            expect(")");
            predicate = new Cql2.Call("in", List.of(left, new Cql2.Call("list", items)));
        } else if (not) {
            throw error("NOT here must be followed by LIKE, BETWEEN or IN");
        } else {
            return left; // a boolean on its own
        }
        return not ? new Cql2.Call("not", List.of(predicate)) : predicate;
    }

    private Cql2 operand() {
        space();
        if (at >= text.length()) {
            throw error("the filter ends where a value or property was expected");
        }
        char c = text.charAt(at);
        if (c == '\'') {
            return Cql2.string(quoted('\''));
        }
        if (c == '"') {
            return new Cql2.Property(quoted('"'));
        }
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
            return Cql2.number(number());
        }
        String word = peekWord();
        if (word.isEmpty()) {
            throw error("unexpected '" + c + "' where a value or property was expected");
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (RESERVED.contains(upper)) {
            throw error("'" + word + "' where a value or property was expected");
        }
        at += word.length();
        switch (upper) {
            case "TRUE":
                return Cql2.bool(true);
            case "FALSE":
                return Cql2.bool(false);
            case "DATE":
                return Cql2.date(date(inParentheses()));
            case "TIMESTAMP":
                return Cql2.timestamp(timestamp(inParentheses()));
            case "INTERVAL": {
                expect("(");
                Cql2 start = intervalEnd();
                expect(",");
                Cql2 end = intervalEnd();
                expect(")");
                return new Cql2.Interval(start, end);
            }
            case "BBOX": {
                expect("(");
                List<Double> numbers = new ArrayList<>(List.of(number()));
                while (symbol(",")) {
                    numbers.add(number());
                }
                expect(")");
                return Cql2.geometry(bbox(numbers));
            }
            default:
                if (GEOMETRY_WORDS.contains(upper)) {
                    return Cql2.geometry(wkt(at - word.length()));
                }
                return new Cql2.Property(word);
        }
    }

    private Cql2 intervalEnd() {
        space();
        if (at < text.length() && text.charAt(at) == '\'') {
            return temporal(quoted('\''));
        }
        return operand();
    }

    /** A quoted interval end: open, a date or a timestamp. */
    static Cql2 temporal(String text) {
        if (text.equals("..")) {
            return Cql2.OPEN;
        }
        return text.length() == 10 ? Cql2.date(date(text)) : Cql2.timestamp(timestamp(text));
    }

    /**
     * A box of four numbers (west, south, east, north) or six (with the lowest and highest elevation); west
     * east of east crosses the antimeridian.
     */
    static org.locationtech.jts.geom.Geometry bbox(List<Double> numbers) {
        if (numbers.size() != 4 && numbers.size() != 6) {
            throw new Cql2Refused("BBOX takes four numbers (or six with elevations), not " + numbers.size());
        }
        int half = numbers.size() / 2;
        try {
            return new BoundingBox(numbers.get(0), numbers.get(1), numbers.get(half), numbers.get(half + 1)).geometry();
        } catch (IllegalArgumentException e) {
            throw new Cql2Refused("BBOX " + numbers + ": " + e.getMessage());
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Cql2Refused("'" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Cql2Refused("'" + text + "' is not an RFC 3339 timestamp such as 2024-06-02T10:00:00Z");
        }
    }

    private String inParentheses() {
        expect("(");
        space();
        if (at >= text.length() || text.charAt(at) != '\'') {
            throw error("expected a quoted value");
        }
        String value = quoted('\'');
        expect(")");
        return value;
    }

    /** A WKT geometry from its keyword to its last closing parenthesis. */
    private org.locationtech.jts.geom.Geometry wkt(int start) {
        int depth = 0;
        space();
        if (at >= text.length() || text.charAt(at) != '(') {
            throw error("a geometry needs its coordinates in parentheses");
        }
        do {
            char c = text.charAt(at++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        } while (depth > 0 && at < text.length());
        if (depth > 0) {
            throw error("a geometry's parentheses are not closed");
        }
        try {
            return new WKTReader(Wgs84.FACTORY).read(text.substring(start, at));
        } catch (ParseException | IllegalArgumentException e) {
            // JTS says a ring that does not close, or a line of one point, with IllegalArgumentException.
            throw new Cql2Refused("the geometry '" + text.substring(start, at) + "' cannot be read: " + e.getMessage());
        }
    }

    private String quoted(char quote) {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                if (at < text.length() && text.charAt(at) == quote) {
                    out.append(quote);
                    at++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        throw error("a quote is not closed");
    }

    private double number() {
        space();
        int start = at;
        while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return Double.parseDouble(text.substring(start, at));
        } catch (NumberFormatException e) {
            at = start;
            String found = text.substring(start, Math.min(text.length(), start + 20));
            throw error(found.isEmpty() ? "a number is missing" : "'" + found + "' is not a number");
        }
    }

    private String peekWord() {
        space();
        int end = at;
        while (end < text.length()
                && (Character.isLetterOrDigit(text.charAt(end)) || "_:.".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end > at && Character.isLetter(text.charAt(at)) ? text.substring(at, end) : "";
    }

    private boolean keyword(String word) {
        if (peekWord().equalsIgnoreCase(word)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        space();
        if (text.startsWith(symbol, at)) {
            at += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private Cql2Refused error(String message) {
        return new Cql2Refused(message + " at character " + (at + 1));
    }

    /** A filter that cannot be read or evaluated: the message says why, for a 400 answer. */
    static final class Cql2Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cql2Refused(String message) {
            super(message);
        }
    }
}
