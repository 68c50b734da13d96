package org.custodian.cop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.cop.Cql2Text.Cql2Refused;
import org.custodian.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CQL2 JSON (OGC 21-065, {@code filter-lang=cql2-json}) into the same tree as {@link Cql2Text}: {@code
 * {"op": "=", "args": [{"property": "name"}, "Khankendi"]}}, literals as JSON strings, numbers and booleans,
 * {@code {"date": ...}}, {@code {"timestamp": ...}}, {@code {"interval": [start, end]}}, {@code {"bbox":
 * [...]}} and GeoJSON geometries.
 */
final class Cql2Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cql2Json() {}

    static Cql2 parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Cql2Refused("the filter is not JSON: " + e.getOriginalMessage());
        }
        return node(root);
    }

    private static Cql2 node(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new Cql2Refused("a filter argument is missing or null");
        }
        if (node.isString()) {
            return Cql2.string(node.asString());
        }
        if (node.isNumber()) {
            return Cql2.number(node.asDouble());
        }
        if (node.isBoolean()) {
            return Cql2.bool(node.asBoolean());
        }
        if (node.isArray()) {
            throw new Cql2Refused("an array stands only as the list of 'in': " + node);
        }
        if (node.has("op")) {
            String op = text(node, "op").toLowerCase(Locale.ROOT);
            JsonNode args = node.get("args");
            if (args == null || !args.isArray()) {
                throw new Cql2Refused("the operator '" + op + "' needs its 'args' as an array");
            }
            List<Cql2> read = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                JsonNode arg = args.get(i);
                if (op.equals("in") && i == 1 && arg.isArray()) {
                    List<Cql2> items = new ArrayList<>();
                    arg.forEach(item -> items.add(node(item)));
                    read.add(new Cql2.Call("list", items));
                } else {
                    read.add(node(arg));
                }
            }
            return new Cql2.Call(op.equals("isnull") ? "isNull" : op, read);
        }
        if (node.has("property")) {
            return new Cql2.Property(text(node, "property"));
        }
        if (node.has("date")) {
            return Cql2.date(Cql2Text.date(text(node, "date")));
        }
        if (node.has("timestamp")) {
            return Cql2.timestamp(Cql2Text.timestamp(text(node, "timestamp")));
        }
        if (node.has("interval")) {
            JsonNode ends = node.get("interval");
            if (!ends.isArray() || ends.size() != 2) {
                throw new Cql2Refused("an interval has two ends: " + ends);
            }
            return new Cql2.Interval(end(ends.get(0)), end(ends.get(1)));
        }
        if (node.has("bbox")) {
            List<Double> numbers = new ArrayList<>();
            for (JsonNode n : node.get("bbox")) {
                if (!n.isNumber()) {
                    throw new Cql2Refused("a bbox holds numbers only: " + node.get("bbox"));
                }
                numbers.add(n.asDouble());
            }
            return Cql2.geometry(Cql2Text.bbox(numbers));
        }
        if (node.has("type") && (node.has("coordinates") || node.has("geometries"))) {
            try {
                return Cql2.geometry(new GeoJsonReader(Wgs84.FACTORY).read(node.toString()));
            } catch (ParseException | RuntimeException e) {
                throw new Cql2Refused("the geometry " + node + " cannot be read: " + e.getMessage());
            }
        }
        throw new Cql2Refused("not a CQL2 expression: " + node);
    }

    /** The member's text; any other kind of value is refused by name. */
    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (!value.isString()) {
            throw new Cql2Refused("'" + member + "' must be a string: " + value);
        }
        return value.asString();
    }

    private static Cql2 end(JsonNode end) {
        return end.isString() ? Cql2Text.temporal(end.asString()) : node(end);
    }
}
