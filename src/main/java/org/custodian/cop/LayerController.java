package org.custodian.cop;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.BoundingBox;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
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

    @Operation(
            summary = "List the map's layers",
            description =
                    "The layers the caller may see on the map: id, title, colour, geometry type and where to fetch each. Anyone signed in may call it.")
    @GetMapping("/map/layers")
    List<LayerInfo> layers() {
        return layers.values().stream()
                .map(l -> new LayerInfo(l.id(), l.title(), l.geometryType(), l.color(), "/map/layers/" + l.id()))
                .toList();
    }

    /** A layer as a GeoJSON FeatureCollection, optionally within {@code bbox=minLon,minLat,maxLon,maxLat}. */
    @Operation(
            summary = "Read a map layer",
            description =
                    "A layer as a GeoJSON FeatureCollection within the caller's regions, optionally within bbox=minLon,minLat,maxLon,maxLat. Anyone signed in may call it; an unknown layer answers 404 and a malformed bbox 400.")
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
            throw new RecordNotFound(Refusals.NO_LAYER, id);
        }
        var query = new FeatureLayer.Query(bbox == null ? null : bbox(bbox), null, null, 0, MAP_LIMIT);
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

    /**
     * A bounding box as OGC API - Features takes it: four numbers (west, south, east, north) or six, with the
     * lowest and highest elevation after each corner's latitude (elevations are not kept, so ignored). West
     * greater than east is a box across the antimeridian. Numbers must be finite and latitudes within ±90.
     */
    static BoundingBox bbox(String bbox) {
        double[] corners = corners(bbox);
        return box(corners[0], corners[1], corners[2], corners[3]);
    }

    /** The four numbers of the box's corners, in the order given; elevations checked and dropped. */
    static double[] corners(String bbox) {
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidParameter("bbox", Refusals.GIVE_FOUR_NUMBERS_WEST_SOUTH);
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameter("bbox", Refusals.NOT_A_NUMBER, parts[i]);
            }
            // Double.parseDouble reads NaN and Infinity: a box must be finite on every side.
            if (!Double.isFinite(n[i])) {
                throw new InvalidParameter("bbox", Refusals.NOT_A_FINITE_NUMBER, parts[i]);
            }
        }
        boolean six = parts.length == 6;
        if (six && n[2] > n[5]) {
            throw new InvalidParameter("bbox", Refusals.LOWEST_ELEVATION_MUST_COME_BEFORE);
        }
        return six ? new double[] {n[0], n[1], n[3], n[4]} : n;
    }

    /** A box in CRS84 whose corners are checked: longitudes within ±180, latitudes within ±90, south first. */
    static BoundingBox box(double west, double south, double east, double north) {
        if (Math.abs(west) > 180 || Math.abs(east) > 180) {
            throw new InvalidParameter("bbox", Refusals.LONGITUDES_LIE_BETWEEN_180_180);
        }
        if (Math.abs(south) > 90 || Math.abs(north) > 90) {
            throw new InvalidParameter("bbox", Refusals.LATITUDES_LIE_BETWEEN_90_90);
        }
        if (south > north) {
            throw new InvalidParameter("bbox", Refusals.SOUTHERN_EDGE_MUST_COME_BEFORE);
        }
        return new BoundingBox(west, south, east, north);
    }
}
