package org.custodian.assets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Inventoried assets as a map layer, filtered in memory after the scope query. */
@Component
class AssetLayer implements FeatureLayer {

    private final Assets assets;
    private final Callers callers;

    AssetLayer(Assets assets, Callers callers) {
        this.assets = assets;
        this.callers = callers;
    }

    @Override
    public Map<String, String> codes() {
        return Map.of("kind", "assets.kind.", "condition", "assets.condition.");
    }

    @Override
    public java.util.Optional<String> page(String featureId) {
        return java.util.Optional.of("/assets/" + featureId);
    }

    @Override
    public String id() {
        return "assets";
    }

    @Override
    public String title() {
        return "Assets";
    }

    @Override
    public String geometryType() {
        return "Geometry";
    }

    @Override
    public String color() {
        return "#6a4c93";
    }

    @Override
    public Map<String, PropertyType> schema() {
        return FeatureLayer.columns(
                "name", PropertyType.TEXT,
                "kind", PropertyType.TEXT,
                "region_code", PropertyType.TEXT,
                "condition", PropertyType.TEXT,
                "area_m2", PropertyType.INTEGER);
    }

    @Override
    public Page features(Query query) {
        List<Feature> matched = assets.assets(callers.current(), null, null).stream()
                .filter(a -> query.within(a.geometry()))
                .map(a -> {
                    Map<String, @Nullable Object> p = new LinkedHashMap<>();
                    p.put("name", a.name());
                    p.put("kind", a.kind().name());
                    p.put("region_code", a.regionCode());
                    p.put("condition", a.condition().name());
                    p.put("area_m2", Math.round(a.areaSquareMetres()));
                    return new Feature(String.valueOf(a.id()), a.geometry(), p);
                })
                .toList();
        return new Page(
                matched.stream().skip(query.offset()).limit(query.limit()).toList(), matched.size());
    }
}
