package org.custodian.cop;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The layers of the map as GeoJSON, each filtered by the caller's scope by the module that owns it. */
@RestController
class LayerController {

    /** Most features one map request returns; the map asks again with a smaller box beyond that. */
    static final int MAP_LIMIT = 10_000;

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();

    private final JsonMapper json;

    LayerController(List<FeatureLayer> layers, JsonMapper json) {
        this.json = json;
        layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).forEach(l -> this.layers.put(l.id(), l));
    }

    record LayerInfo(String id, String title, String geometryType, String color, String href) {}

    record Feature(String type, String id, Geometry geometry, Map<String, @Nullable Object> properties) {}

    record FeatureCollection(String type, long numberMatched, int numberReturned, List<Feature> features) {}

    @GetMapping("/map/layers")
    List<LayerInfo> layers() {
        return layers.values().stream()
                .map(l -> new LayerInfo(l.id(), l.title(), l.geometryType(), l.color(), "/map/layers/" + l.id()))
                .toList();
    }

    /** A layer as a GeoJSON FeatureCollection, optionally within {@code bbox=minLon,minLat,maxLon,maxLat}. */
    @GetMapping(
            path = "/map/layers/{id}",
            produces = {"application/geo+json", "application/json"})
    @Nullable
    ResponseEntity<?> layer(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String bbox,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        FeatureLayer layer = layers.get(id);
        if (layer == null) {
            throw new RecordNotFound("layer", id);
        }
        var query = new FeatureLayer.Query(bbox == null ? null : envelope(bbox), null, null, 0, MAP_LIMIT);
        var rendered = layer.rendered(query);
        if (rendered.isPresent()) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("type", "FeatureCollection");
            members.put("numberMatched", rendered.get().numberMatched());
            members.put("numberReturned", rendered.get().numberReturned());
            // Written straight to the response, chunk by chunk: a page may be megabytes long.
            response.setContentType(OgcApiController.GEO_JSON.toString());
            rendered.get().writeCollection(members, json, response.getOutputStream());
            return null;
        }
        FeatureLayer.Page page = layer.features(query);
        List<Feature> features = page.features().stream()
                .map(f -> new Feature("Feature", f.id(), f.geometry(), f.properties()))
                .toList();
        return ResponseEntity.ok()
                .contentType(OgcApiController.GEO_JSON)
                .body(new FeatureCollection("FeatureCollection", page.numberMatched(), features.size(), features));
    }

    static Envelope envelope(String bbox) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new InvalidParameter("bbox", "give four numbers: minLon,minLat,maxLon,maxLat");
        }
        try {
            double minX = Double.parseDouble(parts[0]);
            double minY = Double.parseDouble(parts[1]);
            double maxX = Double.parseDouble(parts[2]);
            double maxY = Double.parseDouble(parts[3]);
            if (minX > maxX || minY > maxY) {
                throw new InvalidParameter("bbox", "the minimum corner must come first");
            }
            return new Envelope(minX, maxX, minY, maxY);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("bbox", "'" + bbox + "' is not four numbers");
        }
    }
}
