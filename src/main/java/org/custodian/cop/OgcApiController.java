package org.custodian.cop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API - Features - Part 1: Core over every map layer the caller may see, for QGIS and GDAL. Each
 * layer is a collection; items are GeoJSON in CRS84. Authentication is the API's (HTTP Basic or a bearer
 * token) and each layer filters by the caller's scope, so a collection never shows what its page would not.
 */
@RestController
@RequestMapping("/ogc")
class OgcApiController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final Set<String> ITEM_PARAMETERS = Set.of("bbox", "bbox-crs", "limit", "offset", "datetime", "f");

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();

    private final JsonMapper json;

    OgcApiController(List<FeatureLayer> layers, JsonMapper json) {
        this.json = json;
        layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).forEach(l -> this.layers.put(l.id(), l));
    }

    record Link(String href, String rel, String type, String title) {}

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "*/*"})
    Map<String, Object> landing(HttpServletRequest request) {
        checkParameters(request, Set.of("f"));
        String base = base();
        return Map.of(
                "title", "Custodian",
                "description", "Map layers of the temporary civil administration, as OGC API - Features",
                "links",
                        List.of(
                                new Link(base, "self", "application/json", "This document"),
                                new Link(base + "/api", "service-desc", OPENAPI.toString(), "The API definition"),
                                new Link(
                                        base + "/conformance",
                                        "conformance",
                                        "application/json",
                                        "Conformance classes"),
                                new Link(base + "/collections", "data", "application/json", "The collections")));
    }

    @GetMapping(
            path = "/conformance",
            produces = {MediaType.APPLICATION_JSON_VALUE, "*/*"})
    Map<String, Object> conformance(HttpServletRequest request) {
        checkParameters(request, Set.of("f"));
        return Map.of(
                "conformsTo",
                List.of(
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"));
    }

    @GetMapping(
            path = "/collections",
            produces = {MediaType.APPLICATION_JSON_VALUE, "*/*"})
    Map<String, Object> collections(HttpServletRequest request) {
        checkParameters(request, Set.of("f"));
        String base = base();
        return Map.of(
                "links", List.of(new Link(base + "/collections", "self", "application/json", "The collections")),
                "collections",
                        layers.values().stream().map(l -> collection(l, base)).toList());
    }

    @GetMapping(
            path = "/collections/{id}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "*/*"})
    Map<String, Object> collection(@PathVariable String id, HttpServletRequest request) {
        checkParameters(request, Set.of("f"));
        return collection(layer(id), base());
    }

    @GetMapping(
            path = "/collections/{id}/items",
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE, "*/*"})
    @Nullable
    ResponseEntity<?> items(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(name = "bbox-crs", required = false) @Nullable String bboxCrs,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String offset,
            @RequestParam(required = false) @Nullable String datetime,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        checkParameters(request, ITEM_PARAMETERS);
        FeatureLayer layer = layer(id);
        if (bboxCrs != null && !bboxCrs.equals(CRS84)) {
            throw new InvalidParameter("bbox-crs", "only " + CRS84 + " is supported");
        }
        int pageSize = limit(limit);
        int start = whole("offset", offset, 0);
        Instant[] window = datetime == null ? new Instant[2] : interval(datetime);
        var query = new FeatureLayer.Query(
                bbox == null ? null : LayerController.envelope(bbox), window[0], window[1], start, pageSize);
        // The database writes the GeoJSON where the layer lets it: no decoding and re-encoding of geometries.
        var rendered = layer.rendered(query);
        List<?> features = List.of();
        int returned;
        long matched;
        if (rendered.isPresent()) {
            returned = rendered.get().numberReturned();
            matched = rendered.get().numberMatched();
        } else {
            FeatureLayer.Page page = layer.features(query);
            features = page.features().stream().map(OgcApiController::feature).toList();
            returned = features.size();
            matched = page.numberMatched();
        }

        String itemsUrl = base() + "/collections/" + id + "/items";
        List<Link> links = new ArrayList<>();
        links.add(
                new Link(itemsUrl + query(bbox, datetime, pageSize, start), "self", GEO_JSON.toString(), "This page"));
        boolean more = matched == FeatureLayer.RenderedPage.UNCOUNTED || start + returned < matched;
        if (more) {
            links.add(new Link(
                    itemsUrl + query(bbox, datetime, pageSize, start + pageSize),
                    "next",
                    GEO_JSON.toString(),
                    "Next page"));
        }
        links.add(new Link(base() + "/collections/" + id, "collection", "application/json", layer.title()));
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
            rendered.get().writeCollection(body, json, response.getOutputStream());
            return null;
        }
        body.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    @GetMapping(
            path = "/collections/{id}/items/{featureId}",
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<Map<String, Object>> item(
            @PathVariable String id, @PathVariable String featureId, HttpServletRequest request) {
        checkParameters(request, Set.of("f"));
        FeatureLayer layer = layer(id);
        FeatureLayer.Feature found =
                layer.feature(featureId).orElseThrow(() -> new RecordNotFound("feature " + id + "/", featureId));
        Map<String, Object> body = new LinkedHashMap<>(feature(found));
        String self = base() + "/collections/" + id + "/items/" + featureId;
        body.put(
                "links",
                List.of(
                        new Link(self, "self", GEO_JSON.toString(), "This feature"),
                        new Link(base() + "/collections/" + id, "collection", "application/json", layer.title())));
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    @GetMapping(
            path = "/api",
            produces = {"application/vnd.oai.openapi+json", MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<Map<String, Object>> api() {
        return ResponseEntity.ok().contentType(OPENAPI).body(OgcOpenApi.document(base(), layers.values()));
    }

    private Map<String, Object> collection(FeatureLayer layer, String base) {
        Envelope extent = layer.extent();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", layer.id());
        c.put("title", layer.title());
        c.put("itemType", "feature");
        c.put("crs", List.of(CRS84));
        if (extent != null) {
            c.put(
                    "extent",
                    Map.of(
                            "spatial",
                            Map.of(
                                    "bbox",
                                    List.of(List.of(
                                            extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())),
                                    "crs",
                                    CRS84)));
        }
        c.put(
                "links",
                List.of(
                        new Link(base + "/collections/" + layer.id(), "self", "application/json", layer.title()),
                        new Link(
                                base + "/collections/" + layer.id() + "/items",
                                "items",
                                GEO_JSON.toString(),
                                layer.title())));
        return c;
    }

    private static Map<String, Object> feature(FeatureLayer.Feature f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Feature");
        out.put("id", f.id());
        out.put("geometry", f.geometry());
        out.put("properties", f.properties());
        return out;
    }

    private FeatureLayer layer(String id) {
        FeatureLayer layer = layers.get(id);
        if (layer == null) {
            throw new RecordNotFound("collection", id);
        }
        return layer;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").toUriString();
    }

    private static String query(@Nullable String bbox, @Nullable String datetime, int limit, int offset) {
        StringBuilder q = new StringBuilder("?limit=" + limit + "&offset=" + offset);
        if (bbox != null) {
            q.append("&bbox=").append(bbox);
        }
        if (datetime != null) {
            q.append("&datetime=")
                    .append(java.net.URLEncoder.encode(datetime, java.nio.charset.StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** OGC API asks servers to refuse parameters they do not know rather than ignore them. */
    private static void checkParameters(HttpServletRequest request, Set<String> known) {
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidParameter(name, "unknown parameter; this resource accepts " + known);
            }
        }
        String f = request.getParameter("f");
        if (f != null
                && !Set.of("json", "geojson", "application/json", "application/geo+json")
                        .contains(f)) {
            throw new InvalidParameter("f", "only json is offered");
        }
    }

    /** Above the maximum is clamped, as the standard allows; below 1 or not a number is refused. */
    static int limit(@Nullable String limit) {
        int value = whole("limit", limit, DEFAULT_LIMIT);
        if (value < 1) {
            throw new InvalidParameter("limit", "limit must be at least 1");
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
                throw new InvalidParameter(name, name + " cannot be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, "'" + text + "' is not a whole number");
        }
    }

    /** An RFC 3339 instant or interval; ".." or an empty end leaves it open. */
    static Instant[] interval(String datetime) {
        String[] parts = datetime.split("/", -1);
        if (parts.length > 2) {
            throw new InvalidParameter("datetime", "give an instant or an interval start/end");
        }
        Instant from = instant(parts[0]);
        Instant to = parts.length == 2 ? instant(parts[1]) : from;
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameter("datetime", "the interval ends before it starts");
        }
        return new Instant[] {from, to};
    }

    private static @Nullable Instant instant(String text) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidParameter("datetime", "'" + text + "' is not an RFC 3339 date-time");
            }
        }
    }
}
