package org.custodian.cop;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.Tile;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's layers as Mapbox Vector Tiles, each in the caller's scope as the layer applies it, one layer a tile
 * or many in one. The database
 * writes a tile where it can ({@link FeatureLayer#tile}); otherwise it is written here from the layer's
 * features. A tile the database wrote is kept only under its table's revision, read from the database on each
 * request and moved by every committed change, so a record changed (on any node) shows in its tile on the next
 * request.
 */
@RestController
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /** Most features of one layer a tile written here reads; the layers that hold more write their own. */
    static final int TILE_LIMIT = 50_000;

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();

    TileController(List<FeatureLayer> layers) {
        layers.forEach(l -> this.layers.put(l.id(), l));
    }

    @Operation(
            summary = "Read a map layer's vector tile",
            description =
                    "A Mapbox Vector Tile (extent 4096, buffer 64) of one layer in the Web Mercator grid, holding the features of the caller's regions: id, code properties, date (UTC day) for dated layers; lines and polygons smaller than a pixel (1/512 of the tile) are drawn as points at their centroid, larger ones simplified to the pixel; up to zoom 12 points are grouped by eighths of the tile (count). Optional from and to (a day or an RFC 3339 instant, both included) narrow dated layers. Anyone signed in may call it; an unknown layer answers 404, a tile outside the grid or a bad time 400.")
    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(
            @PathVariable String layer,
            @PathVariable int z,
            @PathVariable int x,
            @PathVariable int y,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        FeatureLayer source = known(layer);
        requireInGrid(z, x, y, Tile.MAX_ZOOM);
        Tile tile = new Tile(z, x, y);
        return mvt(write(source, tile, window(tile, from, to)));
    }

    @Operation(
            summary = "Read the map's layers as one vector tile",
            description =
                    "One Mapbox Vector Tile holding, for each map layer named in layers (comma-separated ids; every layer when absent), its layer of features named by its id, each exactly as /tiles/{layer}/{z}/{x}/{y}.mvt writes it for the caller: a map of many layers asks once per tile. Optional from and to (a day or an RFC 3339 instant, both included) narrow the dated layers and leave the others whole. Anyone signed in may call it; an unknown layer answers 404; an empty name in layers, a tile outside the grid or a bad time 400.")
    @GetMapping("/tiles/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tiles(
            @RequestParam(name = "layers", required = false) @Nullable List<String> ids,
            @PathVariable int z,
            @PathVariable int x,
            @PathVariable int y,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        if (ids != null && (ids.isEmpty() || ids.stream().anyMatch(String::isBlank))) {
            // An empty name would otherwise answer an empty tile, which a map draws as nothing there.
            throw new InvalidParameter("layers", Refusals.NAME_AT_LEAST_ONE_LAYER);
        }
        List<FeatureLayer> chosen = ids == null
                ? List.copyOf(layers.values())
                : ids.stream().distinct().map(this::known).toList();
        requireInGrid(z, x, y, Tile.MAX_ZOOM);
        Tile tile = new Tile(z, x, y);
        var dated = window(tile, from, to);
        var whole = new FeatureLayer.Query(tile.bbox(), null, null, 0, TILE_LIMIT);
        // A tile's layers are a repeated field of its message: the layers' tiles one after the other are one tile.
        var body = new ByteArrayOutputStream();
        for (FeatureLayer layer : chosen) {
            body.writeBytes(write(layer, tile, layer.dateProperty().isPresent() ? dated : whole));
        }
        return mvt(body.toByteArray());
    }

    private FeatureLayer known(String id) {
        FeatureLayer layer = layers.get(id);
        if (layer == null) {
            throw new RecordNotFound(Refusals.NO_LAYER, id);
        }
        return layer;
    }

    /** The query of a tile's box in the time window from {@code from} to {@code to}, either open. */
    private static FeatureLayer.Query window(Tile tile, @Nullable String from, @Nullable String to) {
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidParameter("to", Refusals.INTERVAL_ENDS_BEFORE_STARTS);
        }
        return new FeatureLayer.Query(tile.bbox(), start, end, 0, TILE_LIMIT);
    }

    private static byte[] write(FeatureLayer layer, Tile tile, FeatureLayer.Query query) {
        return layer.tile(tile, query)
                .orElseGet(() ->
                        TileWriter.write(layer, tile, layer.features(query).features()));
    }

    private static ResponseEntity<byte[]> mvt(byte[] body) {
        return ResponseEntity.ok()
                .contentType(MVT)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** A day (its first instant, or its last for the end of a window) or an RFC 3339 instant. */
    static Instant instant(String parameter, String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay
                        ? day.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameter(parameter, Refusals.NOT_A_DATE_TIME, text);
        }
    }

    /** Refuses (400) a tile outside the grid or deeper than {@code maxZoom}. */
    static void requireInGrid(int z, int x, int y, int maxZoom) {
        if (!Tile.exists(z, x, y) || z > maxZoom) {
            throw new InvalidParameter(
                    "z/x/y",
                    Refusals.NO_TILE_IN_GRID,
                    String.valueOf(z),
                    String.valueOf(x),
                    String.valueOf(y),
                    String.valueOf(maxZoom));
        }
    }
}
