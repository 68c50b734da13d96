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
                                    parameter("bbox", "array", "minLon,minLat,maxLon,maxLat in CRS84"),
                                    parameter(
                                            "limit",
                                            "integer",
                                            "page size, 1 to 10000 (larger values are clamped), default 100"),
                                    parameter("offset", "integer", "features to skip"),
                                    parameter("datetime", "string", "RFC 3339 instant or interval"))));
            paths.put(
                    "/collections/" + layer.id() + "/items/{featureId}",
                    get(
                            "One " + layer.title() + " feature",
                            List.of(Map.of(
                                    "name",
                                    "featureId",
                                    "in",
                                    "path",
                                    "required",
                                    true,
                                    "schema",
                                    Map.of("type", "string")))));
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

    private static Map<String, Object> parameter(String name, String type, String description) {
        Map<String, Object> schema = type.equals("array")
                ? Map.of("type", "array", "items", Map.of("type", "number"), "minItems", 4, "maxItems", 4)
                : Map.of("type", type);
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
