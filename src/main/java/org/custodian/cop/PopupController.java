package org.custodian.cop;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pop-up of a feature on the map, written for the person who opens it: each property under its name in
 * their language, codes by their names, numbers and areas in their locale's format, times in the region's
 * zone, and a link to the record's own page. The feature is looked up in the caller's scope, like the layer.
 */
@Controller
class PopupController {

    /** Properties given in square metres, shown in hectares. */
    private static final List<String> AREAS = List.of("area_m2", "released_m2");

    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();
    private final MessageSource messages;
    private final RegionTimes times;
    private final Territory territory;

    PopupController(List<FeatureLayer> layers, MessageSource messages, RegionTimes times, Territory territory) {
        layers.forEach(l -> this.layers.put(l.id(), l));
        this.messages = messages;
        this.times = times;
        this.territory = territory;
    }

    record Row(String property, String label, String value) {}

    @GetMapping("/map/layers/{id}/items/{featureId}/popup")
    String popup(@PathVariable String id, @PathVariable String featureId, Model model, Locale locale) {
        FeatureLayer layer = layers.get(id);
        if (layer == null) {
            throw new RecordNotFound(Refusals.NO_LAYER, id);
        }
        FeatureLayer.Feature feature = layer.feature(featureId)
                .orElseThrow(() -> new RecordNotFound(Reason.of(Refusals.NO_FEATURE_IN_LAYER, id, featureId)));
        Map<String, @Nullable Object> properties = feature.properties();
        String region = properties.get("region_code") instanceof String code ? code : null;
        List<Row> rows = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (value == null || value.toString().isBlank() || name.equals("name") || name.startsWith("name_")) {
                return;
            }
            String label = messages.getMessage("prop." + name, null, name.replace('_', ' '), locale);
            rows.add(new Row(name, label, shown(layer, name, value, region, locale)));
        });
        model.addAttribute("title", title(properties, feature.id()));
        model.addAttribute("layerTitle", messages.getMessage("layer." + id, null, layer.title(), locale));
        model.addAttribute("rows", rows);
        model.addAttribute("page", layer.page(feature.id()).orElse(null));
        return "cop/popup :: popup";
    }

    /**
     * The feature's name; its reference alone when the name is only made from the reference and codes (as an
     * incident's is), since those words are stored in one language and the rows name the codes in the reader's.
     */
    private static Object title(Map<String, @Nullable Object> properties, String id) {
        Object name = properties.get("name");
        Object reference = properties.get("reference");
        if (name == null || name.toString().isBlank()) {
            return reference != null ? reference : id;
        }
        return reference != null && name.toString().startsWith(reference.toString()) ? reference : name;
    }

    /** A property's value as the reader reads it. */
    private String shown(FeatureLayer layer, String name, Object value, @Nullable String region, Locale locale) {
        String prefix = layer.codes().get(name);
        if (prefix != null) {
            return messages.getMessage(prefix + value, null, value.toString(), locale);
        }
        if (name.equals("region_code")) {
            try {
                return territory.region(value.toString()).names().in(locale);
            } catch (RuntimeException unknown) {
                return value.toString();
            }
        }
        if (AREAS.contains(name) && value instanceof Number m2) {
            return hectares(m2.doubleValue(), locale);
        }
        FeatureLayer.PropertyType type = layer.schema().get(name);
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "popup.yes" : "popup.no", null, locale);
        }
        if (type == FeatureLayer.PropertyType.DATETIME && region != null) {
            Instant at = instant(value);
            // The day alone: a layer does not say whether the time of day is known, and none is invented.
            return at == null ? value.toString() : times.day(at, region);
        }
        if (value instanceof Number number) {
            return NumberFormat.getNumberInstance(locale).format(number);
        }
        return value.toString();
    }

    /** "12,35 ha" in Russian, "12.35 ha" in English: an area in hectares, two decimals, in the locale's format. */
    String hectares(double squareMetres, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(squareMetres / 10_000) + " " + messages.getMessage("unit.ha", null, locale);
    }

    private static @Nullable Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        try {
            return OffsetDateTime.parse(value.toString()).toInstant();
        } catch (RuntimeException notATime) {
            return null;
        }
    }
}
