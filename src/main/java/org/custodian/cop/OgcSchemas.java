package org.custodian.cop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.geo.FeatureLayer;

/**
 * JSON Schemas of a collection, built from its layer's {@link FeatureLayer#schema}: its queryables (OGC API -
 * Features Part 3) and the schema of its features, which the collection links as {@code describedBy} so that
 * GDAL types its columns from it rather than from the values of the first page.
 */
final class OgcSchemas {

    static final String JSON_SCHEMA = "application/schema+json";
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private OgcSchemas() {}

    /**
     * The properties a filter may name, and {@code geometry}. The {@code queryables} list repeats their names
     * in the form of the drafts GDAL 3.6 reads (it filters on the server only the properties listed there);
     * JSON Schema readers ignore it.
     */
    static Map<String, Object> queryables(FeatureLayer layer, String url) {
        Map<String, Object> properties = properties(layer);
        properties.put(FeatureFilter.GEOMETRY, Map.of("title", "geometry", "format", geometryFormat(layer)));
        Map<String, Object> schema = head(url, layer.title() + " queryables");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        List<Map<String, String>> legacy = new ArrayList<>();
        layer.schema().keySet().forEach(name -> legacy.add(Map.of("id", name)));
        schema.put("queryables", legacy);
        return schema;
    }

    /** The schema of one feature of the collection, as GeoJSON writes it. */
    static Map<String, Object> feature(FeatureLayer layer, String url) {
        Map<String, Object> schema = head(url, layer.title());
        schema.put("type", "object");
        schema.put("required", List.of("type", "geometry", "properties"));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", Map.of("type", "string", "enum", List.of("Feature")));
        members.put("id", Map.of("type", "string"));
        members.put("geometry", Map.of("format", geometryFormat(layer)));
        members.put("properties", Map.of("type", "object", "properties", properties(layer)));
        schema.put("properties", members);
        return schema;
    }

    private static Map<String, Object> head(String url, String title) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("$id", url);
        schema.put("title", title);
        return schema;
    }

    private static Map<String, Object> properties(FeatureLayer layer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        layer.schema().forEach((name, type) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", name);
            switch (type) {
                case TEXT -> p.put("type", "string");
                case INTEGER -> p.put("type", "integer");
                case REAL -> p.put("type", "number");
                case BOOLEAN -> p.put("type", "boolean");
                case DATE -> {
                    p.put("type", "string");
                    p.put("format", "date");
                }
                case DATETIME -> {
                    p.put("type", "string");
                    p.put("format", "date-time");
                }
            }
            properties.put(name, p);
        });
        return properties;
    }

    /** Part 3's geometry formats: geometry-point, geometry-multipolygon... or geometry-any. */
    private static String geometryFormat(FeatureLayer layer) {
        String type = layer.geometryType();
        return type.equals("Geometry") ? "geometry-any" : "geometry-" + type.toLowerCase(Locale.ROOT);
    }
}
