package org.custodian.mineaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.RenderedLayers;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hazard areas as a map layer. A layer may hold a hundred thousand polygons, so scope, bounding box and
 * paging are applied in the database, reading only the columns a map feature shows.
 */
@Component
class HazardAreaLayer implements FeatureLayer {

    private static final String SELECT_ROW =
            "select new org.custodian.mineaction.HazardAreaLayer$Row(h.id, h.reference,"
                    + " h.name, h.regionCode, h.classification, h.status, h.priority, h.areaSquareMetres,"
                    + " h.releasedSquareMetres, h.area)";

    private final EntityManager entityManager;
    private final Callers callers;
    private final RenderedLayers rendered;

    HazardAreaLayer(EntityManager entityManager, Callers callers, RenderedLayers rendered) {
        this.entityManager = entityManager;
        this.callers = callers;
        this.rendered = rendered;
    }

    /**
     * The same features as {@link #features}, as the database keeps them written ({@code feature_geojson}, a
     * generated column with the properties of {@link #feature(Row)}).
     */
    // One statement needs no transaction of its own: BEGIN and COMMIT would be two more round trips. The
    // layer's names and colour need none either; only the entity queries below open one.
    @Override
    public Optional<RenderedPage> rendered(Query query) {
        Scope scope = callers.current();
        return Optional.of(rendered.from("mine_hazard_area", "area")
                .regions(scope.allRegions() ? null : scope.regionsForQuery())
                .page(query, "feature_geojson", "id"));
    }

    @Override
    public Optional<byte[]> tile(org.custodian.geo.Tile tile, Query query) {
        Scope scope = callers.current();
        return rendered.from("mine_hazard_area", "area")
                .regions(scope.allRegions() ? null : scope.regionsForQuery())
                .tile(
                        tile,
                        id(),
                        Map.of("classification", "classification", "status", "status", "priority", "priority"),
                        null);
    }

    /** The columns of a hazard area that its map feature shows. */
    record Row(
            long id,
            String reference,
            String name,
            String regionCode,
            HazardArea.Classification classification,
            HazardArea.Status status,
            HazardArea.Priority priority,
            double areaSquareMetres,
            double releasedSquareMetres,
            Geometry area) {}

    @Override
    public Map<String, String> codes() {
        return Map.of("classification", "mine.class.", "status", "mine.areaStatus.", "priority", "mine.priority.");
    }

    @Override
    public java.util.Optional<String> page(String featureId) {
        return java.util.Optional.of("/mine-action/hazard-areas/" + featureId);
    }

    @Override
    public String id() {
        return "hazard-areas";
    }

    @Override
    public String title() {
        return "Hazard areas";
    }

    @Override
    public String geometryType() {
        return "MultiPolygon";
    }

    @Override
    public String color() {
        return "#b3261e";
    }

    @Override
    public Map<String, PropertyType> schema() {
        return FeatureLayer.columns(
                "reference", PropertyType.TEXT,
                "name", PropertyType.TEXT,
                "region_code", PropertyType.TEXT,
                "classification", PropertyType.TEXT,
                "status", PropertyType.TEXT,
                "priority", PropertyType.TEXT,
                "area_m2", PropertyType.INTEGER,
                "released_m2", PropertyType.INTEGER);
    }

    @Override
    @Transactional(readOnly = true)
    public Page features(Query query) {
        Scope scope = callers.current();
        Geometry box = query.bbox() == null ? null : query.bbox().geometry();
        TypedQuery<Row> rows = entityManager
                .createQuery(SELECT_ROW + from(scope, box) + " order by h.id", Row.class)
                .setFirstResult(query.offset())
                .setMaxResults(query.limit());
        bind(rows, scope, box);
        List<Feature> features =
                rows.getResultList().stream().map(HazardAreaLayer::feature).toList();
        long matched = features.size() < query.limit() && query.offset() == 0 ? features.size() : count(scope, box);
        return new Page(features, matched);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Feature> feature(String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Scope scope = callers.current();
        TypedQuery<Row> rows = entityManager.createQuery(SELECT_ROW + from(scope, null) + " and h.id = :id", Row.class);
        bind(rows, scope, null);
        rows.setParameter("id", key);
        return rows.getResultList().stream().findFirst().map(HazardAreaLayer::feature);
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable Envelope extent() {
        Scope scope = callers.current();
        var rows = entityManager.createQuery("select h.area" + from(scope, null), Geometry.class);
        bind(rows, scope, null);
        Envelope extent = new Envelope();
        // Envelopes only: a few hundred bytes a row even for large layers, and no aggregate that differs
        // between PostGIS and H2GIS.
        rows.getResultStream().forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        return extent.isNull() ? null : extent;
    }

    private long count(Scope scope, @Nullable Geometry box) {
        var count = entityManager.createQuery("select count(h)" + from(scope, box), Long.class);
        bind(count, scope, box);
        return count.getSingleResult();
    }

    /**
     * The filter, written out for the case at hand: a "parameter is null or ..." condition would let
     * PostgreSQL settle on a generic plan that cannot use the spatial index.
     */
    private static String from(Scope scope, @Nullable Geometry box) {
        return " from HazardArea h where 1 = 1"
                + (scope.allRegions() ? "" : " and h.regionCode in :codes")
                + (box == null ? "" : " and st_intersects(h.area, :box) = true");
    }

    private static void bind(jakarta.persistence.Query query, Scope scope, @Nullable Geometry box) {
        if (!scope.allRegions()) {
            query.setParameter("codes", scope.regionsForQuery());
        }
        if (box != null) {
            query.setParameter("box", box);
        }
    }

    private static Feature feature(Row r) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        p.put("reference", r.reference());
        p.put("name", r.name());
        p.put("region_code", r.regionCode());
        p.put("classification", r.classification().name());
        p.put("status", r.status().name());
        p.put("priority", r.priority().name());
        p.put("area_m2", Math.round(r.areaSquareMetres()));
        p.put("released_m2", Math.round(r.releasedSquareMetres()));
        return new Feature(String.valueOf(r.id()), r.area(), p);
    }
}
