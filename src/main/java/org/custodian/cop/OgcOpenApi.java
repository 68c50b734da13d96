package org.custodian.cop;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;

/** The OpenAPI 3.0 description of the OGC API endpoints, one path pair per collection. */
final class OgcOpenApi {

    private OgcOpenApi() {}

    static Map<String, Object> document(String base, Collection<FeatureLayer> layers) {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", List.of()));
        paths.put("/conformance", get("Conformance classes", List.of()));
        paths.put("/collections", get("The collections", List.of()));
        for (FeatureLayer layer : layers) {
            paths.put("/collections/" + layer.id(), get(layer.title(), List.of()));
            paths.put(
                    "/collections/" + layer.id() + "/items",
                    get(
                            layer.title() + " features",
                            List.of(
                                    parameter(
                                            "bbox",
                                            Map.of(
                                                    "type",
                                                    "array",
                                                    "items",
                                                    Map.of("type", "number"),
                                                    "minItems",
                                                    4,
                                                    "maxItems",
                                                    6),
                                            "west,south,east,north in CRS84, or six numbers with the lowest and"
                                                    + " highest elevation; west greater than east crosses the"
                                                    + " antimeridian"),
                                    parameter(
                                            "limit",
                                            Map.of(
                                                    "type",
                                                    "integer",
                                                    "minimum",
                                                    1,
                                                    "maximum",
                                                    OgcApiController.MAX_LIMIT,
                                                    "default",
                                                    OgcApiController.DEFAULT_LIMIT),
                                            "page size; larger values are clamped to the maximum"),
                                    parameter(
                                            "offset",
                                            Map.of("type", "integer", "minimum", 0, "default", 0),
                                            "features to skip"),
                                    parameter(
                                            "datetime",
                                            Map.of("type", "string"),
                                            "RFC 3339 instant or closed interval start/end, either end open as"
                                                    + " '..'; a feature matches when its time touches it"),
                                    parameter(
                                            "bbox-crs",
                                            Map.of("type", "string", "format", "uri", "enum", OutputCrs.uris()),
                                            "the CRS of bbox, CRS84 by default"),
                                    crs(),
                                    parameter(
                                            "filter",
                                            Map.of("type", "string"),
                                            "a CQL2 condition on the queryables, for example name LIKE 'Kh%' AND"
                                                    + " S_INTERSECTS(geometry, BBOX(46.5, 39.7, 46.9, 40.0))"),
                                    parameter(
                                            "filter-lang",
                                            Map.of(
                                                    "type",
                                                    "string",
                                                    "enum",
                                                    OgcApiController.FILTER_LANGUAGES,
                                                    "default",
                                                    "cql2-text"),
                                            "the language of filter; cql-text is the drafts' name for the text"),
                                    parameter(
                                            "filter-crs",
                                            Map.of("type", "string", "format", "uri", "enum", OutputCrs.uris()),
                                            "the CRS of the filter's geometries, CRS84 by default"),
                                    parameter(
                                            "f",
                                            Map.of("type", "string", "enum", List.of("json", "html")),
                                            "the format, instead of the Accept header"))));
            paths.put(
                    "/collections/" + layer.id() + "/queryables",
                    get(layer.title() + " queryables (JSON Schema)", List.of()));
            paths.put(
                    "/collections/" + layer.id() + "/schema",
                    get(layer.title() + " feature schema (JSON Schema)", List.of()));
            paths.put(
                    "/collections/" + layer.id() + "/items/{featureId}",
                    get(
                            "One " + layer.title() + " feature",
                            List.of(
                                    Map.of(
                                            "name",
                                            "featureId",
                                            "in",
                                            "path",
                                            "required",
                                            true,
                                            "schema",
                                            Map.of("type", "string")),
                                    crs())));
        }
        return Map.of(
                "openapi", "3.0.3",
                "info", Map.of("title", "Custodian OGC API - Features", "version", "1.0.0"),
                "servers", List.of(Map.of("url", base)),
                "components",
                        Map.of(
                                "securitySchemes",
                                Map.of(
                                        "basic", Map.of("type", "http", "scheme", "basic"),
                                        "bearer", Map.of("type", "http", "scheme", "bearer"))),
                "security", List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())),
                "paths", paths);
    }

    private static Map<String, Object> get(String summary, List<Map<String, Object>> parameters) {
        return Map.of(
                "get",
                Map.of(
                        "summary", summary,
                        "parameters", parameters,
                        "responses", Map.of("200", Map.of("description", summary))));
    }

    private static Map<String, Object> crs() {
        return parameter(
                "crs",
                Map.of("type", "string", "format", "uri", "enum", OutputCrs.uris()),
                "the CRS of the coordinates returned, CRS84 by default; EPSG:4326 puts latitude first");
    }

    private static Map<String, Object> parameter(String name, Map<String, Object> schema, String description) {
        return Map.of(
                "name",
                name,
                "in",
                "query",
                "required",
                false,
                "description",
                description,
                "style",
                "form",
                "explode",
                false,
                "schema",
                schema);
    }
}
