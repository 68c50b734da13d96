package org.custodian.cop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.geo.FeatureLayer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operational map page: every layer the caller may see drawn by MapLibre from the app's vector tiles over
 * an offline basemap, with a symbol and colour per layer and per status, a legend, and a time slider over the
 * dated layers. Everything the page draws with is described here, in the reader's language.
 */
@Controller
class MapController {

    /** Layers drawn from their GeoJSON (few features, names in every language for labels), not from tiles. */
    static final Set<String> REFERENCE_LAYERS = Set.of("regions", "settlements");

    /** The layer of the regions, whose extent the map opens on. */
    private static final String REGIONS = "regions";

    /** The code property that chooses a feature's colour, the first a layer has. */
    private static final List<String> STATUS_PROPERTIES = List.of("status", "condition", "posture", "kind");

    /** Symbols for point layers, given out in turn to the layers in the order of their ids. */
    private static final List<String> SHAPES = List.of("circle", "square", "triangle", "diamond", "pentagon", "star");

    private final List<FeatureLayer> layers;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Set<String> messageKeys;
    /** The status codes' keys by prefix: looked for among all keys once, not on every page. */
    private final Map<String, List<String>> statusKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private final String basemapUrl;
    private final String basemapAttribution;

    MapController(
            List<FeatureLayer> layers,
            MessageSource messages,
            JsonMapper json,
            BasemapController basemap,
            @Value("${custodian.map.basemap-url:}") String basemapUrl,
            @Value("${custodian.map.basemap-attribution:}") String basemapAttribution) {
        this.layers =
                layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).toList();
        this.messages = messages;
        this.json = json;
        this.messageKeys = englishKeys();
        // A PMTiles file served here comes first; a tile URL must be of this origin (the pages' CSP).
        this.basemapUrl = basemap.url().isEmpty() ? basemapUrl : basemap.url();
        this.basemapAttribution = basemapAttribution;
    }

    record Status(String code, String label, String color) {}

    record LayerView(
            String id,
            String title,
            String color,
            String geometryType,
            String shape,
            boolean tiled,
            @Nullable String statusProperty,
            List<Status> statuses,
            @Nullable String first,
            @Nullable String last) {}

    @GetMapping("/")
    String map(Model model, Locale locale) {
        List<LayerView> views = new ArrayList<>();
        int shape = 0;
        for (FeatureLayer layer : layers) {
            String status = STATUS_PROPERTIES.stream()
                    .filter(layer.codes()::containsKey)
                    .findFirst()
                    .orElse(null);
            List<Status> statuses = new ArrayList<>();
            if (status != null) {
                String prefix = layer.codes().get(status);
                for (String key : statusKeys.computeIfAbsent(prefix, this::keysUnder)) {
                    String code = key.substring(prefix.length());
                    statuses.add(
                            new Status(code, messages.getMessage(key, null, code, locale), StatusColours.of(code)));
                }
            }
            FeatureLayer.TimeSpan span = layer.dateProperty().isPresent() ? layer.temporalExtent() : null;
            boolean points = layer.geometryType().contains("Point") && !REFERENCE_LAYERS.contains(layer.id());
            views.add(new LayerView(
                    layer.id(),
                    messages.getMessage("layer." + layer.id(), null, layer.title(), locale),
                    layer.color(),
                    layer.geometryType(),
                    points ? SHAPES.get(shape++ % SHAPES.size()) : "circle",
                    !REFERENCE_LAYERS.contains(layer.id()),
                    statuses.isEmpty() ? null : status,
                    statuses,
                    span == null ? null : day(span.first()),
                    span == null ? null : day(span.last())));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("layers", views);
        // The view the map opens on, so that it asks for the tiles of that view from the start.
        config.put("bounds", regionsBounds());
        config.put("basemapUrl", basemapUrl);
        config.put("basemapAttribution", basemapAttribution);
        model.addAttribute("layers", views);
        // In a JSON script block: "</" never closes it early.
        model.addAttribute("mapConfig", json.writeValueAsString(config).replace("</", "<\\/"));
        return "cop/map";
    }

    /** West, south, east and north of the regions the caller may see, or null when there are none. */
    private double @Nullable [] regionsBounds() {
        return layers.stream()
                .filter(l -> l.id().equals(REGIONS))
                .map(FeatureLayer::extent)
                .filter(java.util.Objects::nonNull)
                .map(e -> new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()})
                .findFirst()
                .orElse(null);
    }

    /** The message keys of the codes under a prefix, in order; the bundles do not change while the app runs. */
    private List<String> keysUnder(String prefix) {
        return messageKeys.stream()
                .filter(key -> key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0)
                .toList();
    }

    private static String day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** The keys of the English messages, in order: the codes a layer's statuses can take are among them. */
    private static Set<String> englishKeys() {
        Set<String> keys = new TreeSet<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:messages.properties")));
            files.addAll(List.of(resolver.getResources("classpath*:i18n/*.properties")));
            for (Resource file : files) {
                if (file.getFilename() != null && !file.getFilename().contains("_")) {
                    PropertiesLoaderUtils.loadProperties(file)
                            .stringPropertyNames()
                            .forEach(keys::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
