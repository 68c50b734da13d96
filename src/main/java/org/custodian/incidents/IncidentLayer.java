package org.custodian.incidents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.Wgs84;
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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    IncidentLayer(Incidents incidents, Callers callers, javax.sql.DataSource dataSource) {
        this.incidents = incidents;
        this.callers = callers;
        this.jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    /** The same features as {@link #features}, with the geometry written as GeoJSON by the database. */
    @Override
    public Optional<RenderedPage> rendered(Query query) {
        org.custodian.platform.Scope scope = callers.current();
        StringBuilder where = new StringBuilder(" from incident where 1 = 1");
        java.util.List<Object> args = new java.util.ArrayList<>();
        if (!scope.allRegions()) {
            where.append(" and region_code in (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(
                                    scope.regionsForQuery().size(), "?")))
                    .append(')');
            args.addAll(scope.regionsForQuery());
        }
        if (query.bbox() != null) {
            // Bounding-box overlap, answered from the spatial index: exact for points, which nearly all
            // incidents are; an area incident near the box's edge may come along.
            where.append(" and location && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            args.addAll(java.util.List.of(
                    query.bbox().getMinX(),
                    query.bbox().getMinY(),
                    query.bbox().getMaxX(),
                    query.bbox().getMaxY()));
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(java.sql.Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(java.sql.Timestamp.from(query.to()));
        }
        java.util.List<Object> page = new java.util.ArrayList<>(args);
        // One row more than the page tells whether more follow, without counting them.
        page.add(query.limit() + 1);
        page.add(query.offset());
        java.util.List<String> features = jdbc.query(
                "select id, reference, type, occurred_at, region_code, status,"
                        + " killed_civilian + killed_police + killed_military + killed_deminer,"
                        + " injured_civilian + injured_police + injured_military + injured_deminer,"
                        + " ST_AsGeoJSON(location)" + where + " order by occurred_at desc, id desc limit ? offset ?",
                (rs, n) -> {
                    Map<String, @Nullable Object> p = new LinkedHashMap<>();
                    String type = rs.getString(3);
                    p.put(
                            "name",
                            rs.getString(2) + " "
                                    + type.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    p.put("reference", rs.getString(2));
                    p.put("type", type);
                    p.put("occurred_at", rs.getTimestamp(4).toInstant().toString());
                    p.put("region_code", rs.getString(5));
                    p.put("killed", rs.getInt(7));
                    p.put("injured", rs.getInt(8));
                    p.put("status", rs.getString(6));
                    return org.custodian.geo.RenderedFeature.of(rs.getString(1), rs.getString(9), p);
                },
                page.toArray());
        if (features.size() > query.limit()) {
            return Optional.of(new RenderedPage(features.subList(0, query.limit()), RenderedPage.UNCOUNTED));
        }
        long matched = features.isEmpty() && query.offset() > 0
                ? java.util.Objects.requireNonNull(
                        jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray()))
                : query.offset() + features.size();
        return Optional.of(new RenderedPage(features, matched));
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
    public Page features(Query query) {
        Incidents.MapPage page = incidents.within(
                callers.current(),
                query.bbox() == null ? null : Wgs84.box(query.bbox()),
                query.from(),
                query.to(),
                query.offset(),
                query.limit());
        return new Page(page.rows().stream().map(IncidentLayer::feature).toList(), page.matched());
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
