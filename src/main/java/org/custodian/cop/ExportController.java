package org.custodian.cop;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.GeoPackageFiles;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.CsvCell;
import org.custodian.platform.RecordNotFound;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of any layer, whole or for one region: GeoJSON, CSV with an HXL hashtag row, and GeoPackage
 * (one layer, or every layer in one file). What a caller may not see is never exported: each layer
 * filters by the caller's scope.
 */
@RestController
class ExportController {

    /** HXL hashtags for the attribute names layers use; anything else becomes a custom #x_ tag. */
    static final Map<String, String> HXL = Map.ofEntries(
            Map.entry("feature_id", "#meta+id"),
            Map.entry("name", "#loc+name"),
            Map.entry("code", "#adm1+code"),
            Map.entry("region_code", "#adm1+code"),
            Map.entry("kind", "#loc+type"),
            Map.entry("status", "#status"),
            Map.entry("population_latest", "#population"),
            Map.entry("killed", "#affected+killed"),
            Map.entry("injured", "#affected+injured"),
            Map.entry("occurred_at", "#date+occurred"),
            Map.entry("organisation", "#org"),
            Map.entry("item", "#item+name"),
            Map.entry("quantity", "#value"),
            Map.entry("unit", "#indicator+unit"),
            Map.entry("evacuated", "#affected+evacuated"),
            Map.entry("children", "#affected+children"),
            Map.entry("evacuated_on", "#date"),
            Map.entry("capacity", "#capacity"),
            Map.entry("occupied", "#affected+sheltered"),
            Map.entry("latitude", "#geo+lat"),
            Map.entry("longitude", "#geo+lon"));

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();
    private final Territory territory;
    private final Callers callers;

    ExportController(List<FeatureLayer> layers, Territory territory, Callers callers) {
        layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).forEach(l -> this.layers.put(l.id(), l));
        this.territory = territory;
        this.callers = callers;
    }

    @Operation(
            summary = "Export a layer as GeoJSON",
            description =
                    "Every feature of a layer within the caller's regions, or one region, as a GeoJSON file to download. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region). An unknown layer answers 404.")
    @GetMapping("/api/exports/{layer}.geojson")
    ResponseEntity<Map<String, Object>> geojson(
            @PathVariable String layer, @RequestParam(required = false) @Nullable String region) {
        List<FeatureLayer.Feature> features = features(layer(layer), region);
        List<Map<String, Object>> out = features.stream()
                .map(f -> Map.<String, Object>of(
                        "type", "Feature", "id", f.id(), "geometry", f.geometry(), "properties", f.properties()))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(layer, region, "geojson"))
                .body(Map.of("type", "FeatureCollection", "features", out));
    }

    /**
     * The layer as CSV: a header, the HXL hashtag row under it (left out with {@code hxl=false}, for GIS
     * programs that would read it as one more feature), then a row a feature with its centre and its WKT.
     */
    @Operation(
            summary = "Export a layer as CSV",
            description =
                    "A layer as CSV: a header, the HXL hashtag row (left out with hxl=false, for GIS programs), then a row a feature with its centre and its geometry as WKT. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region). An unknown layer answers 404.")
    @GetMapping("/api/exports/{layer}.csv")
    ResponseEntity<String> csv(
            @PathVariable String layer,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(defaultValue = "true") boolean hxl) {
        CsvTable table = CsvTable.of(features(layer(layer), region));
        StringBuilder out = new StringBuilder();
        row(out, table.header());
        if (hxl) {
            row(out, table.header().stream().map(ExportController::hashtag).toList());
        }
        table.rows().forEach(values -> row(out, values));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(layer, region, "csv"))
                .body(out.toString());
    }

    /**
     * The types of the CSV's columns as GDAL (and so QGIS) reads them from a {@code .csvt} file beside the CSV
     * of the same name: Integer, Real, String, and WKT for the geometry. Without it every column is text.
     */
    @Operation(
            summary = "Column types of a layer's CSV",
            description =
                    "The types of the CSV's columns as GDAL and QGIS read them from a .csvt file beside the CSV: Integer, Real, String, and WKT for the geometry. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/exports/{layer}.csvt")
    ResponseEntity<String> csvt(@PathVariable String layer, @RequestParam(required = false) @Nullable String region) {
        CsvTable table = CsvTable.of(features(layer(layer), region));
        StringBuilder out = new StringBuilder();
        row(out, table.types());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(layer, region, "csvt"))
                .body(out.toString());
    }

    /** The columns of a layer's CSV and its rows; properties of other languages' names are left out. */
    record CsvTable(List<String> header, List<String> types, List<List<@Nullable Object>> rows) {

        static CsvTable of(List<FeatureLayer.Feature> features) {
            Set<String> names = new LinkedHashSet<>();
            features.forEach(f -> names.addAll(f.properties().keySet()));
            names.removeIf(n -> n.matches("name_[a-z]{2}"));
            List<String> header = new ArrayList<>(List.of("feature_id"));
            header.addAll(names);
            header.addAll(List.of("latitude", "longitude", "wkt"));
            List<List<@Nullable Object>> rows = new ArrayList<>();
            for (FeatureLayer.Feature f : features) {
                List<@Nullable Object> values = new ArrayList<>();
                values.add(f.id());
                names.forEach(n -> values.add(f.properties().get(n)));
                Point centre =
                        f.geometry() instanceof Point p ? p : f.geometry().getInteriorPoint();
                values.add(centre.getY());
                values.add(centre.getX());
                values.add(f.geometry().toText());
                rows.add(values);
            }
            List<String> types = new ArrayList<>(List.of("String"));
            int column = 1;
            for (String ignored : names) {
                types.add(type(rows, column++));
            }
            types.addAll(List.of("Real", "Real", "WKT"));
            return new CsvTable(header, types, rows);
        }

        /**
         * Integer when every value is a whole number (Integer64 beyond 32 bits), Real when every value is a
         * number, else String.
         */
        private static String type(List<List<@Nullable Object>> rows, int column) {
            boolean any = false;
            boolean whole = true;
            boolean small = true;
            for (List<@Nullable Object> row : rows) {
                Object value = row.get(column);
                if (value == null) {
                    continue;
                }
                if (!(value instanceof Number)) {
                    return "String";
                }
                any = true;
                whole &= value instanceof Integer || value instanceof Long || value instanceof Short;
                small &= Math.abs(((Number) value).doubleValue()) <= Integer.MAX_VALUE;
            }
            return !any ? "String" : whole ? (small ? "Integer" : "Integer64") : "Real";
        }
    }

    @Operation(
            summary = "Export a layer as GeoPackage",
            description =
                    "A layer as an OGC GeoPackage file, for QGIS and GDAL. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region). An unknown layer answers 404.")
    @GetMapping("/api/exports/{layer}.gpkg")
    ResponseEntity<byte[]> geopackage(
            @PathVariable String layer, @RequestParam(required = false) @Nullable String region) {
        List<FeatureLayer> chosen = layer.equals("all") ? List.copyOf(layers.values()) : List.of(layer(layer));
        List<GeoPackageFiles.Table> tables = chosen.stream()
                .map(l -> new GeoPackageFiles.Table(
                        l.id().replace('-', '_'), l.geometryType(), l.schema(), features(l, region)))
                .toList();
        try {
            Path file = Files.createTempFile("custodian-export", ".gpkg");
            try {
                GeoPackageFiles.write(file, tables);
                return ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/geopackage+sqlite3"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(layer, region, "gpkg"))
                        .body(Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FeatureLayer.Feature> features(FeatureLayer layer, @Nullable String regionCode) {
        if (regionCode == null) {
            return layer.features(FeatureLayer.Query.all()).features();
        }
        Region region = territory.region(regionCode);
        if (!callers.current().reads(regionCode)) {
            throw new RecordNotFound(CommonRefusals.NO_REGION, regionCode);
        }
        return new RegionalLayer(layer, region.boundary()).all();
    }

    private FeatureLayer layer(String id) {
        FeatureLayer layer = layers.get(id);
        if (layer == null) {
            throw new RecordNotFound(Refusals.NO_LAYER, id);
        }
        return layer;
    }

    private static String attachment(String layer, @Nullable String region, String extension) {
        String name = "custodian-" + layer + (region == null ? "" : "-" + region) + "." + extension;
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    static String hashtag(String column) {
        return HXL.getOrDefault(
                column, column.equals("wkt") ? "#x_wkt" : "#x_" + column.replaceAll("[^A-Za-z0-9_]", "_"));
    }

    /** One CSV record (RFC 4180), each field safe to open in a spreadsheet. */
    private static void row(StringBuilder out, List<? extends @Nullable Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCell.of(values.get(i)));
        }
        out.append("\r\n");
    }
}
