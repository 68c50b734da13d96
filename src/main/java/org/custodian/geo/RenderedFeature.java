package org.custodian.geo;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Writes one GeoJSON Feature object around a geometry the database has already written as GeoJSON, with flat
 * properties (strings, numbers, booleans, nulls).
 */
public final class RenderedFeature {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private RenderedFeature() {}

    public static String of(String id, String geometry, Map<String, @Nullable Object> properties) {
        StringBuilder out = new StringBuilder(geometry.length() + 64 + 32 * properties.size());
        out.append("{\"type\":\"Feature\",\"id\":");
        string(out, id);
        out.append(",\"geometry\":").append(geometry).append(",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, @Nullable Object> e : properties.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v == null) {
                out.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                string(out, v.toString());
            }
        }
        return out.append("}}").toString();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        ENCODER.quoteAsString(value, out);
        out.append('"');
    }
}
