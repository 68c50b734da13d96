package org.custodian.incidents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.RenderedLayers;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Incidents as a map layer. A region may hold a hundred thousand of them, so scope, bounding box, time and
 * paging are applied in the database.
 */
@Component
class IncidentLayer implements FeatureLayer {

    private final Incidents incidents;
    private final Callers callers;
    private final RenderedLayers rendered;

    IncidentLayer(Incidents incidents, Callers callers, RenderedLayers rendered) {
        this.incidents = incidents;
        this.callers = callers;
        this.rendered = rendered;
    }

    /**
     * The same features as {@link #features}, as the database keeps them written ({@code feature_geojson}, a
     * generated column with the properties of {@link #feature(IncidentSearch.MapRow)}).
     */
    @Override
    public Optional<RenderedPage> rendered(Query query) {
        org.custodian.platform.Scope scope = callers.current();
        return Optional.of(rendered.from("incident", "location")
                .regions(scope.allRegions() ? null : scope.regionsForQuery())
                .during("occurred_at", query)
                .page(query, "feature_geojson", "occurred_at desc, id desc"));
    }

    @Override
    public Optional<byte[]> tile(org.custodian.geo.Tile tile, Query query) {
        org.custodian.platform.Scope scope = callers.current();
        return rendered.from("incident", "location")
                .regions(scope.allRegions() ? null : scope.regionsForQuery())
                .during("occurred_at", query)
                .tile(tile, id(), Map.of("type", "type", "status", "status"), "occurred_at");
    }

    @Override
    public Map<String, String> codes() {
        return Map.of("type", "incidents.type.", "status", "incidents.status.");
    }

    @Override
    public java.util.Optional<String> page(String featureId) {
        return java.util.Optional.of("/incidents/" + featureId);
    }

    @Override
    public String id() {
        return "incidents";
    }

    @Override
    public String title() {
        return "Incidents";
    }

    @Override
    public String geometryType() {
        return "Geometry";
    }

    @Override
    public String color() {
        return "#6d28d9";
    }

    @Override
    public Map<String, PropertyType> schema() {
        return FeatureLayer.columns(
                "name", PropertyType.TEXT,
                "reference", PropertyType.TEXT,
                "type", PropertyType.TEXT,
                "occurred_at", PropertyType.DATETIME,
                "region_code", PropertyType.TEXT,
                "killed", PropertyType.INTEGER,
                "injured", PropertyType.INTEGER,
                "status", PropertyType.TEXT);
    }

    @Override
    public Page features(Query query) {
        Incidents.MapPage page = incidents.within(
                callers.current(),
                query.bbox() == null ? null : query.bbox().geometry(),
                query.from(),
                query.to(),
                query.offset(),
                query.limit());
        return new Page(page.rows().stream().map(IncidentLayer::feature).toList(), page.matched());
    }

    @Override
    public @Nullable TimeSpan temporalExtent() {
        return incidents.timeSpan(callers.current());
    }

    @Override
    public Optional<Feature> feature(String id) {
        try {
            Incident i = incidents.incident(callers.current(), Long.parseLong(id));
            return Optional.of(feature(new IncidentSearch.MapRow(
                    i.id(),
                    i.reference(),
                    i.type(),
                    i.occurredAt(),
                    i.regionCode(),
                    i.status(),
                    i.casualties().killed(),
                    i.casualties().injured(),
                    i.location())));
        } catch (NumberFormatException | org.custodian.platform.RecordNotFound e) {
            return Optional.empty();
        }
    }

    static Feature feature(IncidentSearch.MapRow i) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put(
                "name",
                i.reference() + " "
                        + i.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        p.put("reference", i.reference());
        p.put("type", i.type().name());
        p.put("occurred_at", i.occurredAt().toString());
        p.put("region_code", i.regionCode());
        p.put("killed", i.killed());
        p.put("injured", i.injured());
        p.put("status", i.status().name());
        return new Feature(String.valueOf(i.id()), i.location(), p);
    }
}
