package org.custodian.facilities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Facilities as one map layer; a region holds tens to hundreds, filtered in memory after the scope query. */
@Component
class FacilityLayer implements FeatureLayer {

    private final Facilities facilities;
    private final Callers callers;

    FacilityLayer(Facilities facilities, Callers callers) {
        this.facilities = facilities;
        this.callers = callers;
    }

    @Override
    public Map<String, String> codes() {
        return Map.of("kind", "facilities.kind.", "status", "facilities.status.", "posture", "facilities.posture.");
    }

    @Override
    public java.util.Optional<String> page(String featureId) {
        return java.util.Optional.of("/facilities/" + featureId);
    }

    @Override
    public String id() {
        return "facilities";
    }

    @Override
    public String title() {
        return "Facilities";
    }

    @Override
    public String geometryType() {
        return "Geometry";
    }

    @Override
    public String color() {
        return "#2f6f8f";
    }

    @Override
    public Map<String, PropertyType> schema() {
        return FeatureLayer.columns(
                "name", PropertyType.TEXT,
                "kind", PropertyType.TEXT,
                "region_code", PropertyType.TEXT,
                "status", PropertyType.TEXT,
                "posture", PropertyType.TEXT,
                "protected_site", PropertyType.BOOLEAN,
                "hazard", PropertyType.TEXT);
    }

    @Override
    public Page features(Query query) {
        List<Feature> matched = facilities.facilities(callers.current(), null, null).stream()
                .filter(f -> query.within(f.geometry()))
                .map(FacilityLayer::feature)
                .toList();
        return new Page(
                matched.stream().skip(query.offset()).limit(query.limit()).toList(), matched.size());
    }

    private static Feature feature(Facility f) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("name", f.name());
        p.put("kind", f.kind().name());
        p.put("region_code", f.regionCode());
        p.put("status", f.status().name());
        p.put("posture", f.posture().name());
        p.put("protected_site", f.kind().protectedSite());
        p.put("hazard", f.hazard());
        return new Feature(String.valueOf(f.id()), f.geometry(), p);
    }
}
