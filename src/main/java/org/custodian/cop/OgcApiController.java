package org.custodian.cop;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API - Features - Part 1: Core over every map layer the caller may see, for QGIS, GDAL and browsers.
 * Each layer is a collection; items are GeoJSON in CRS84, or an HTML page with a table and a small map.
 * Authentication is the API's (HTTP Basic or a bearer token, or a signed-in page session) and each layer
 * filters by the caller's scope, so a collection never shows what its page would not.
 *
 * <p>Every resource answers with or without a trailing slash, chooses JSON or HTML by {@code f=json|html} or
 * else by the Accept header, and answers 406 for a format it does not serve; every error is problem+json.
 */
@RestController
@RequestMapping("/ogc")
class OgcApiController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String CONTENT_CRS = "Content-Crs";
    /** A region's records as a collection set of their own, at this path below the API's. */
    static final String REGION = "/regions/{region}";

    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final Set<String> ITEM_PARAMETERS = Set.of(
            "bbox",
            "bbox-crs",
            "crs",
            "limit",
            "offset",
            "datetime",
            "filter",
            "filter-lang",
            "filter-crs",
            "f",
            "lang");
    /** The filter languages read: CQL2's two, and the drafts' name of the text that GDAL 3.6 sends. */
    static final List<String> FILTER_LANGUAGES = List.of("cql2-text", "cql2-json", "cql-text");

    static final Set<String> FEATURE_PARAMETERS = Set.of("crs", "f", "lang");
    static final Set<String> PLAIN_PARAMETERS = Set.of("f", "lang");
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");

    /** What a resource is served as: the JSON of the standard, or a page for a person. */
    enum Format {
        JSON,
        HTML
    }

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();

    private final JsonMapper json;
    private final Territory territory;
    private final Callers callers;

    OgcApiController(List<FeatureLayer> layers, JsonMapper json, Territory territory, Callers callers) {
        this.json = json;
        this.territory = territory;
        this.callers = callers;
        layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).forEach(l -> this.layers.put(l.id(), l));
    }

    record Link(String href, String rel, String type, String title) {}

    @Operation(
            summary = "OGC API landing page",
            description =
                    "The entry to OGC API - Features: links to the conformance classes, the collections and this description, as JSON or HTML. Anyone signed in may call it.")
    @GetMapping({"", "/", REGION, REGION + "/"})
    Object landing(@PathVariable(required = false) @Nullable String region, HttpServletRequest request) {
        Format format = format(request, PLAIN_PARAMETERS);
        String base = base(region);
        layers(region); // refuses a region out of scope
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "title",
                region == null
                        ? "Custodian"
                        : "Custodian: " + territory.region(region).names().en());
        body.put(
                "description",
                region == null
                        ? "Map layers of the temporary civil administration, as OGC API - Features"
                        : "What region " + region + " holds on every map layer, as OGC API - Features");

        body.put(
                "links",
                List.of(
                        new Link(base, "self", self(format), "This document"),
                        new Link(base + "?f=" + other(format), "alternate", alternate(format), "This document"),
                        new Link(base + "/api", "service-desc", OPENAPI.toString(), "The API definition"),
                        new Link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
                        new Link(base + "/collections", "data", "application/json", "The collections")));
        return answer(format, "landing", body, null, region);
    }

    @Operation(
            summary = "OGC API conformance classes",
            description =
                    "The OGC API - Features conformance classes this server implements (Core, GeoJSON, HTML, CRS). Anyone signed in may call it.")
    @GetMapping({"/conformance", "/conformance/", REGION + "/conformance", REGION + "/conformance/"})
    Object conformance(@PathVariable(required = false) @Nullable String region, HttpServletRequest request) {
        Format format = format(request, PLAIN_PARAMETERS);
        layers(region);
        return answer(format, "conformance", Map.of("conformsTo", CONFORMANCE), null, region);
    }

    @Operation(
            summary = "List OGC API collections",
            description =
                    "Every map layer the caller may see, as an OGC API collection with its extent and links. Anyone signed in may call it.")
    @GetMapping({"/collections", "/collections/", REGION + "/collections", REGION + "/collections/"})
    Object collections(@PathVariable(required = false) @Nullable String region, HttpServletRequest request) {
        Format format = format(request, PLAIN_PARAMETERS);
        String base = base(region);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "links",
                List.of(
                        new Link(base + "/collections", "self", self(format), "The collections"),
                        new Link(
                                base + "/collections?f=" + other(format),
                                "alternate",
                                alternate(format),
                                "The collections")));
        body.put(
                "collections",
                layers(region).values().stream().map(l -> collection(l, base)).toList());
        body.put("crs", OutputCrs.uris());
        return answer(format, "collections", body, null, region);
    }

    @Operation(
            summary = "Describe an OGC API collection",
            description =
                    "One layer's collection: title, spatial and temporal extent, CRS and links to its items. Anyone signed in may call it; a layer the caller may not see answers 404.")
    @GetMapping({"/collections/{id}", "/collections/{id}/", REGION + "/collections/{id}", REGION + "/collections/{id}/"
    })
    Object collection(
            @PathVariable(required = false) @Nullable String region,
            @PathVariable String id,
            HttpServletRequest request) {
        Format format = format(request, PLAIN_PARAMETERS);
        FeatureLayer layer = layer(region, id);
        return answer(format, "collection", collection(layer, base(region)), layer, region);
    }

    @Operation(
            summary = "A collection's queryables",
            description =
                    "The properties a CQL2 filter may name on this collection, as JSON Schema. Anyone signed in may call it; a collection or region out of the caller's scope answers 404.")
    @GetMapping({
        "/collections/{id}/queryables",
        "/collections/{id}/queryables/",
        REGION + "/collections/{id}/queryables",
        REGION + "/collections/{id}/queryables/"
    })
    ResponseEntity<Map<String, Object>> queryables(
            @PathVariable(required = false) @Nullable String region,
            @PathVariable String id,
            HttpServletRequest request) {
        FeatureLayer layer = layer(region, id);
        String url = base(region) + "/collections/" + id + "/queryables";
        return schemaAnswer(request, OgcSchemas.queryables(layer, url));
    }

    @Operation(
            summary = "A collection's feature schema",
            description =
                    "The properties of the collection's features and their types, as JSON Schema, so GIS clients type their columns. Anyone signed in may call it; a collection or region out of the caller's scope answers 404.")
    @GetMapping({
        "/collections/{id}/schema",
        "/collections/{id}/schema/",
        REGION + "/collections/{id}/schema",
        REGION + "/collections/{id}/schema/"
    })
    ResponseEntity<Map<String, Object>> schema(
            @PathVariable(required = false) @Nullable String region,
            @PathVariable String id,
            HttpServletRequest request) {
        FeatureLayer layer = layer(region, id);
        String url = base(region) + "/collections/" + id + "/schema";
        return schemaAnswer(request, OgcSchemas.feature(layer, url));
    }

    private static ResponseEntity<Map<String, Object>> schemaAnswer(
            HttpServletRequest request, Map<String, Object> schema) {
        checkParameters(request, PLAIN_PARAMETERS);
        String f = request.getParameter("f");
        if (f != null && !Set.of("json", OgcSchemas.JSON_SCHEMA).contains(f)) {
            throw new NotAcceptable("a schema is served as JSON Schema only (f=json)");
        }
        MediaType type = f != null
                ? MediaType.parseMediaType(OgcSchemas.JSON_SCHEMA)
                : negotiate(
                        request.getHeader("Accept"),
                        List.of(MediaType.parseMediaType(OgcSchemas.JSON_SCHEMA), MediaType.APPLICATION_JSON),
                        "JSON Schema (application/schema+json)");
        return ResponseEntity.ok().contentType(type).body(schema);
    }

    @Operation(
            summary = "Read a collection's features",
            description =
                    "The features of a layer within the caller's regions, a page at a time, filtered by bbox, datetime and a CQL2 filter, as GeoJSON or HTML. Anyone signed in may call it; a malformed bbox, datetime, limit or filter is refused with 400.")
    @GetMapping({
        "/collections/{id}/items",
        "/collections/{id}/items/",
        REGION + "/collections/{id}/items",
        REGION + "/collections/{id}/items/"
    })
    @Nullable
    Object items(
            @PathVariable(required = false) @Nullable String region,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(name = "bbox-crs", required = false) @Nullable String bboxCrs,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String datetime,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(name = "filter-lang", required = false) @Nullable String filterLang,
            @RequestParam(name = "filter-crs", required = false) @Nullable String filterCrs,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Format format = format(request, ITEM_PARAMETERS);
        FeatureLayer layer = layer(region, id);
        FeatureFilter condition = filter(layer, filter, filterLang, filterCrs);
        OutputCrs boxCrs = OutputCrs.of("bbox-crs", bboxCrs);
        // A page for a person keeps CRS84: its map draws longitude and latitude.
        OutputCrs out = format == Format.JSON ? OutputCrs.of("crs", crs) : OutputCrs.CRS84;
        int pageSize = limit(limit);
        int start = whole("offset", offset, 0);
        Instant[] window = datetime == null ? new Instant[2] : interval(datetime);
        var query = new FeatureLayer.Query(
                bbox == null ? null : boxCrs.toCrs84(LayerController.corners(bbox)),
                window[0],
                window[1],
                start,
                pageSize);
        // The database writes the GeoJSON where the layer lets it: no decoding and re-encoding of geometries.
        // A page for a person, or one in another CRS, needs the features themselves.
        var rendered = format == Format.JSON && out == OutputCrs.CRS84 && condition == null
                ? layer.rendered(query)
                : java.util.Optional.<FeatureLayer.RenderedPage>empty();
        List<Map<String, Object>> features = List.of();
        int returned;
        long matched;
        if (rendered.isPresent()) {
            returned = rendered.get().numberReturned();
            matched = rendered.get().numberMatched();
        } else {
            FeatureLayer.Page page = condition == null ? layer.features(query) : filtered(layer, query, condition);
            features = page.features().stream().map(f -> feature(f, out)).toList();
            returned = features.size();
            matched = page.numberMatched();
        }

        String itemsUrl = base(region) + "/collections/" + id + "/items";
        Map<String, @Nullable String> carried = new LinkedHashMap<>();
        carried.put("bbox", bbox);
        carried.put("bbox-crs", bboxCrs);
        carried.put("crs", crs);
        carried.put("datetime", datetime);
        carried.put("filter", filter);
        carried.put("filter-lang", filterLang);
        carried.put("filter-crs", filterCrs);
        List<Link> links = new ArrayList<>();
        links.add(
                new Link(itemsUrl + query(carried, pageSize, start, format), "self", featureSelf(format), "This page"));
        links.add(new Link(
                itemsUrl + query(carried, pageSize, start, format == Format.JSON ? Format.HTML : Format.JSON),
                "alternate",
                featureAlternate(format),
                "This page"));
        boolean more = matched == FeatureLayer.RenderedPage.UNCOUNTED || start + returned < matched;
        if (more) {
            links.add(new Link(
                    itemsUrl + query(carried, pageSize, start + pageSize, format),
                    "next",
                    featureSelf(format),
                    "Next page"));
        }
        if (start > 0) {
            links.add(new Link(
                    itemsUrl + query(carried, pageSize, Math.max(0, start - pageSize), format),
                    "prev",
                    featureSelf(format),
                    "Previous page"));
        }
        links.add(new Link(base(region) + "/collections/" + id, "collection", "application/json", layer.title()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("timeStamp", Instant.now().toString());
        if (matched != FeatureLayer.RenderedPage.UNCOUNTED) {
            body.put("numberMatched", matched); // optional in OGC API - Features; left out when uncounted
        }
        body.put("numberReturned", returned);
        body.put("links", links);
        if (rendered.isPresent()) {
            // Written straight to the response, chunk by chunk: a page may be megabytes long.
            response.setContentType(GEO_JSON.toString());
            response.setHeader(CONTENT_CRS, "<" + out.uri + ">");
            rendered.get().writeCollection(body, json, response.getOutputStream());
            return null;
        }
        body.put("features", features);
        return answer(format, "items", body, layer, out, region);
    }

    @Operation(
            summary = "Read one feature of a collection",
            description =
                    "One feature of a layer, as GeoJSON or HTML. Anyone signed in may call it; a feature outside the caller's regions answers 404.")
    @GetMapping({
        "/collections/{id}/items/{featureId}",
        "/collections/{id}/items/{featureId}/",
        REGION + "/collections/{id}/items/{featureId}",
        REGION + "/collections/{id}/items/{featureId}/"
    })
    Object item(
            @PathVariable(required = false) @Nullable String region,
            @PathVariable String id,
            @PathVariable String featureId,
            @RequestParam(required = false) @Nullable String crs,
            HttpServletRequest request) {
        Format format = format(request, FEATURE_PARAMETERS);
        OutputCrs out = format == Format.JSON ? OutputCrs.of("crs", crs) : OutputCrs.CRS84;
        FeatureLayer layer = layer(region, id);
        FeatureLayer.Feature found = layer.feature(featureId)
                .orElseThrow(() -> new RecordNotFound(Reason.of(Refusals.NO_FEATURE, id, featureId)));
        Map<String, Object> body = new LinkedHashMap<>(feature(found, out));
        String self = base(region) + "/collections/" + id + "/items/" + featureId;
        body.put(
                "links",
                List.of(
                        new Link(self, "self", featureSelf(format), "This feature"),
                        new Link(self + "?f=" + other(format), "alternate", featureAlternate(format), "This feature"),
                        new Link(
                                base(region) + "/collections/" + id, "collection", "application/json", layer.title())));
        return answer(format, "item", body, layer, out, region);
    }

    @Operation(
            summary = "OGC API description",
            description =
                    "The OpenAPI description of the OGC API - Features resources, as the OGC API asks for at /ogc/api. Anyone signed in may call it.")
    @GetMapping({"/api", "/api/", REGION + "/api", REGION + "/api/"})
    ResponseEntity<Map<String, Object>> api(
            @PathVariable(required = false) @Nullable String region, HttpServletRequest request) {
        checkParameters(request, PLAIN_PARAMETERS);
        String f = request.getParameter("f");
        if (f != null && !Set.of("json", "application/json", OPENAPI.toString()).contains(f)) {
            throw new NotAcceptable("the API definition is served as OpenAPI 3.0 JSON only (f=json)");
        }
        if (f == null) {
            negotiate(request.getHeader("Accept"), List.of(OPENAPI, MediaType.APPLICATION_JSON), "OpenAPI 3.0 JSON");
        }
        return ResponseEntity.ok()
                .contentType(OPENAPI)
                .body(OgcOpenApi.document(base(region), layers(region).values()));
    }

    /** Any other path under the API: a problem, never a page of the web application; no operation of its own. */
    @Hidden
    @RequestMapping("/**")
    Object unknown(HttpServletRequest request) {
        throw new RecordNotFound(Refusals.NO_RESOURCE, request.getRequestURI());
    }

    /** Refusals of a format are problems whatever the client accepts: it accepts nothing that we serve. */
    @ExceptionHandler(NotAcceptable.class)
    ResponseEntity<ProblemDetail> notAcceptable(NotAcceptable e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, e.getMessage());
        p.setTitle("Not acceptable");
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** A representation asked for that this API does not serve. */
    static final class NotAcceptable extends RuntimeException {
        NotAcceptable(String message) {
            super(message);
        }
    }

    private Object answer(Format format, String view, Map<String, Object> body, @Nullable FeatureLayer layer) {
        return answer(format, view, body, layer, null, null);
    }

    private Object answer(
            Format format,
            String view,
            Map<String, Object> body,
            @Nullable FeatureLayer layer,
            @Nullable String region) {
        return answer(format, view, body, layer, null, region);
    }

    /** Features name the CRS of their coordinates in a Content-Crs header (OGC API - Features Part 2). */
    private Object answer(
            Format format,
            String view,
            Map<String, Object> body,
            @Nullable FeatureLayer layer,
            @Nullable OutputCrs crs,
            @Nullable String region) {
        if (format == Format.JSON) {
            MediaType type = view.equals("items") || view.equals("item") ? GEO_JSON : MediaType.APPLICATION_JSON;
            var ok = ResponseEntity.ok().contentType(type);
            if (crs != null) {
                ok.header(CONTENT_CRS, "<" + crs.uri + ">");
            }
            return ok.body(body);
        }
        ModelAndView page = new ModelAndView("cop/ogc");
        page.addObject("view", view);
        page.addObject("body", body);
        page.addObject("base", base(region));
        page.addObject("layer", layer);
        if (view.equals("items") || view.equals("item")) {
            // In a script element: "</" would end it early, so written as JSON's own escape.
            page.addObject("geojson", json.writeValueAsString(body).replace("</", "<\\/"));
            Set<String> columns = new LinkedHashSet<>();
            Object features = view.equals("items") ? body.get("features") : List.of(body);
            for (Object f : (List<?>) features) {
                columns.addAll(((Map<?, ?>) ((Map<?, ?>) f).get("properties"))
                        .keySet().stream().map(String::valueOf).toList());
            }
            page.addObject("columns", columns);
        }
        return page;
    }

    private Map<String, Object> collection(FeatureLayer layer, String base) {
        Envelope extent = layer.extent();
        FeatureLayer.TimeSpan span = layer.temporalExtent();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", layer.id());
        c.put("title", layer.title());
        c.put("itemType", "feature");
        c.put("crs", OutputCrs.uris());
        c.put("storageCrs", CRS84);
        Map<String, Object> extents = new LinkedHashMap<>();
        if (extent != null) {
            extents.put(
                    "spatial",
                    Map.of(
                            "bbox",
                            List.of(List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())),
                            "crs",
                            CRS84));
        }
        if (span != null) {
            extents.put(
                    "temporal",
                    Map.of(
                            "interval",
                            List.of(List.of(span.first().toString(), span.last().toString())),
                            "trs",
                            GREGORIAN));
        }
        if (!extents.isEmpty()) {
            c.put("extent", extents);
        }
        String self = base + "/collections/" + layer.id();
        c.put(
                "links",
                List.of(
                        new Link(self, "self", "application/json", layer.title()),
                        new Link(self + "?f=html", "alternate", MediaType.TEXT_HTML_VALUE, layer.title()),
                        new Link(self + "/items", "items", GEO_JSON.toString(), layer.title()),
                        new Link(self + "/items?f=html", "items", MediaType.TEXT_HTML_VALUE, layer.title()),
                        new Link(
                                self + "/queryables",
                                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                                OgcSchemas.JSON_SCHEMA,
                                "What a filter may name"),
                        // GDAL 3.6 looks for the drafts' relation name, and types columns from describedBy.
                        new Link(self + "/queryables", "queryables", MediaType.APPLICATION_JSON_VALUE, "Queryables"),
                        new Link(self + "/schema", "describedBy", OgcSchemas.JSON_SCHEMA, "The features' schema")));
        return c;
    }

    private static Map<String, Object> feature(FeatureLayer.Feature f, OutputCrs crs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Feature");
        out.put("id", f.id());
        out.put("geometry", crs.fromCrs84(f.geometry()));
        out.put("properties", f.properties());
        return out;
    }

    private FeatureLayer layer(@Nullable String region, String id) {
        FeatureLayer layer = layers(region).get(id);
        if (layer == null) {
            throw new RecordNotFound(Refusals.NO_COLLECTION, id);
        }
        return layer;
    }

    /**
     * Every layer, or each limited to a region; a region the caller may not read is not found, whatever its
     * layers hold.
     */
    private Map<String, FeatureLayer> layers(@Nullable String region) {
        if (region == null) {
            return layers;
        }
        if (!callers.current().reads(region)) {
            throw new RecordNotFound(CommonRefusals.NO_REGION, region);
        }
        var boundary = territory.region(region).boundary();
        Map<String, FeatureLayer> regional = new LinkedHashMap<>();
        layers.forEach((id, layer) -> regional.put(id, new RegionalLayer(layer, boundary)));
        return regional;
    }

    /** The filter asked for, checked against the layer's queryables; null when there is none. */
    private static @Nullable FeatureFilter filter(
            FeatureLayer layer, @Nullable String filter, @Nullable String language, @Nullable String crs) {
        if (filter == null) {
            if (language != null || crs != null) {
                throw new InvalidParameter(
                        language != null ? "filter-lang" : "filter-crs", Refusals.GIVEN_WITHOUT_FILTER);
            }
            return null;
        }
        String lang = language == null ? "cql2-text" : language;
        if (!FILTER_LANGUAGES.contains(lang)) {
            throw new InvalidParameter("filter-lang", Refusals.NOT_OFFERED, lang, FILTER_LANGUAGES);
        }
        OutputCrs in = OutputCrs.of("filter-crs", crs);
        try {
            return FeatureFilter.of(filter, lang, in, layer.schema());
        } catch (Cql2Text.Cql2Refused e) {
            // The CQL2 reader's own words: only the API reads filters, and it answers in English.
            throw new InvalidParameter("filter", Refusals.FILTER_NOT_READ, e.getMessage());
        }
    }

    /**
     * The features of the query that pass the filter, paged after filtering: the layer applies scope, box and
     * time, the filter the rest, so {@code numberMatched} counts what passes.
     */
    private static FeatureLayer.Page filtered(FeatureLayer layer, FeatureLayer.Query query, FeatureFilter filter) {
        List<FeatureLayer.Feature> passed = layer
                .features(new FeatureLayer.Query(query.bbox(), query.from(), query.to(), 0, Integer.MAX_VALUE))
                .features()
                .stream()
                .filter(filter::test)
                .toList();
        int from = Math.min(passed.size(), query.offset());
        int to = (int) Math.min(passed.size(), (long) from + query.limit());
        return new FeatureLayer.Page(passed.subList(from, to), passed.size());
    }

    private static String base(@Nullable String region) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(region == null ? "/ogc" : "/ogc/regions/" + region)
                .toUriString();
    }

    private static String self(Format format) {
        return format == Format.JSON ? "application/json" : MediaType.TEXT_HTML_VALUE;
    }

    private static String alternate(Format format) {
        return format == Format.JSON ? MediaType.TEXT_HTML_VALUE : "application/json";
    }

    /** Features are GeoJSON: their JSON links say so. */
    private static String featureSelf(Format format) {
        return format == Format.JSON ? GEO_JSON.toString() : MediaType.TEXT_HTML_VALUE;
    }

    private static String featureAlternate(Format format) {
        return format == Format.JSON ? MediaType.TEXT_HTML_VALUE : GEO_JSON.toString();
    }

    private static String other(Format format) {
        return format == Format.JSON ? "html" : "json";
    }

    /** The query of a page's link: the parameters given, then the page, then the format for a page. */
    private static String query(Map<String, @Nullable String> carried, int limit, int offset, Format format) {
        StringBuilder q = new StringBuilder("?limit=" + limit + "&offset=" + offset);
        carried.forEach((name, value) -> {
            if (value != null && (format == Format.JSON || !name.equals("crs"))) {
                q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (format == Format.HTML) {
            q.append("&f=html");
        }
        return q.toString();
    }

    /**
     * The format asked for: {@code f} first, then the Accept header (by quality, as a browser sends it), then
     * JSON. Also refuses parameters the resource does not know.
     */
    static Format format(HttpServletRequest request, Set<String> known) {
        checkParameters(request, known);
        String f = request.getParameter("f");
        if (f != null) {
            return switch (f) {
                case "json", "geojson", "application/json", "application/geo+json" -> Format.JSON;
                case "html", "text/html" -> Format.HTML;
                default -> throw new NotAcceptable("'" + f + "' is not offered; f=json or f=html");
            };
        }
        MediaType chosen = negotiate(
                request.getHeader("Accept"),
                List.of(MediaType.APPLICATION_JSON, GEO_JSON, MediaType.TEXT_HTML),
                "JSON (application/json, application/geo+json) or HTML (text/html)");
        return chosen.equals(MediaType.TEXT_HTML) ? Format.HTML : Format.JSON;
    }

    /**
     * The first of {@code offered} that the Accept header takes, by its quality and then its order; the first
     * offered for a header that is absent or takes anything.
     */
    static MediaType negotiate(@Nullable String accept, List<MediaType> offered, String what) {
        if (accept == null || accept.isBlank()) {
            return offered.getFirst();
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            throw new NotAcceptable("the Accept header cannot be read; this resource is served as " + what);
        }
        // Stable: among equal qualities, the client's order stands.
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() <= 0) {
                continue;
            }
            for (MediaType offer : offered) {
                if (wanted.includes(offer)) {
                    return offer;
                }
            }
        }
        throw new NotAcceptable("none of the formats accepted is served; this resource is served as " + what);
    }

    /** OGC API asks servers to refuse parameters they do not know rather than ignore them. */
    private static void checkParameters(HttpServletRequest request, Set<String> known) {
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameter(name, Refusals.UNKNOWN_PARAMETER_RESOURCE_ACCEPTS, known);
            }
        }
    }

    /** Above the maximum is clamped, as the standard allows; below 1 or not a number is refused. */
    static int limit(@Nullable String limit) {
        int value = whole("limit", limit, DEFAULT_LIMIT);
        if (value < 1) {
            throw new InvalidParameter("limit", Refusals.LIMIT_MUST_LEAST_1);
        }
        return Math.min(value, MAX_LIMIT);
    }

    private static int whole(String name, @Nullable String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new InvalidParameter(name, Refusals.CANNOT_BE_NEGATIVE, name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, Refusals.NOT_A_WHOLE_NUMBER, text);
        }
    }

    /**
     * An RFC 3339 instant or closed interval {@code start/end}, as OGC API - Features defines {@code datetime}:
     * both ends included, ".." or an empty end leaves it open. A date alone stands for the whole day (UTC):
     * as an instant it is that day, as a start its first moment, as an end its last.
     */
    static Instant[] interval(String datetime) {
        String[] parts = datetime.split("/", -1);
        if (parts.length > 2) {
            throw new InvalidParameter("datetime", Refusals.GIVE_INSTANT_INTERVAL_START_END);
        }
        if (parts.length == 1) {
            if (parts[0].isEmpty() || parts[0].equals("..")) {
                throw new InvalidParameter("datetime", Refusals.INSTANT_CANNOT_OPEN_GIVE_START);
            }
            return new Instant[] {instant(parts[0], false), instant(parts[0], true)};
        }
        Instant from = instant(parts[0], false);
        Instant to = instant(parts[1], true);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameter("datetime", Refusals.INTERVAL_ENDS_BEFORE_STARTS);
        }
        return new Instant[] {from, to};
    }

    private static @Nullable Instant instant(String text, boolean end) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(text);
                return end
                        ? day.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidParameter("datetime", Refusals.NOT_A_DATE_TIME, text);
            }
        }
    }
}
