package org.custodian.incidents;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * Filtered pages of incidents, with the filter written out for the case at hand: a "parameter is null or
 * ..." condition would let PostgreSQL settle on a generic plan that uses no index.
 */
@Component
class IncidentSearch {

    private final EntityManager entityManager;

    IncidentSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A filter: every part optional; times are instants, the ends included and excluded. */
    record Filter(
            @Nullable String region,
            @Nullable IncidentType type,
            Incident.@Nullable Status status,
            @Nullable Instant from,
            @Nullable Instant until,
            boolean untilIncluded,
            boolean violationsOnly,
            @Nullable Geometry box) {}

    record Page(List<Incident> incidents, long matched) {}

    Page search(Scope scope, Filter filter, int offset, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(scope, filter, parameters);
        TypedQuery<Incident> query = entityManager
                .createQuery(
                        "select i from Incident i" + where + " order by i.occurredAt desc, i.id desc", Incident.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        List<Incident> incidents = query.getResultList();
        long matched;
        if (offset == 0 && incidents.size() < limit) {
            matched = incidents.size();
        } else {
            TypedQuery<Long> count = entityManager.createQuery("select count(i) from Incident i" + where, Long.class);
            parameters.forEach(count::setParameter);
            matched = count.getSingleResult();
        }
        return new Page(incidents, matched);
    }

    /** What a map feature of an incident shows: a few columns, no collections. */
    record MapRow(
            long id,
            String reference,
            IncidentType type,
            Instant occurredAt,
            String regionCode,
            Incident.Status status,
            int killed,
            int injured,
            Geometry location) {}

    /** Rows for the map layer: the same filter, read as a projection. */
    List<MapRow> mapRows(Scope scope, Filter filter, int offset, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(scope, filter, parameters);
        TypedQuery<MapRow> query = entityManager
                .createQuery(
                        "select new org.custodian.incidents.IncidentSearch$MapRow(i.id, i.reference, i.type,"
                                + " i.occurredAt, i.regionCode, i.status,"
                                + " i.casualties.killedCivilian + i.casualties.killedPolice"
                                + " + i.casualties.killedMilitary + i.casualties.killedDeminer,"
                                + " i.casualties.injuredCivilian + i.casualties.injuredPolice"
                                + " + i.casualties.injuredMilitary + i.casualties.injuredDeminer, i.location)"
                                + " from Incident i" + where + " order by i.occurredAt desc, i.id desc",
                        MapRow.class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The first and last time an incident the caller may see occurred; null when there is none. */
    org.custodian.geo.FeatureLayer.@Nullable TimeSpan timeSpan(Scope scope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(scope, new Filter(null, null, null, null, null, false, false, null), parameters);
        var span = entityManager.createQuery(
                "select min(i.occurredAt), max(i.occurredAt) from Incident i" + where, Object[].class);
        parameters.forEach(span::setParameter);
        Object[] ends = span.getSingleResult();
        return ends[0] == null
                ? null
                : new org.custodian.geo.FeatureLayer.TimeSpan((Instant) ends[0], (Instant) ends[1]);
    }

    long count(Scope scope, Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(scope, filter, parameters);
        TypedQuery<Long> count = entityManager.createQuery("select count(i) from Incident i" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String where(Scope scope, Filter f, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!scope.allRegions()) {
            where.append(" and i.regionCode in :codes");
            parameters.put("codes", scope.regionsForQuery());
        }
        if (f.region() != null) {
            where.append(" and i.regionCode = :region");
            parameters.put("region", f.region());
        }
        if (f.type() != null) {
            where.append(" and i.type = :type");
            parameters.put("type", f.type());
        }
        if (f.status() != null) {
            where.append(" and i.status = :status");
            parameters.put("status", f.status());
        }
        if (f.from() != null) {
            where.append(" and i.occurredAt >= :from");
            parameters.put("from", f.from());
        }
        if (f.until() != null) {
            where.append(f.untilIncluded() ? " and i.occurredAt <= :until" : " and i.occurredAt < :until");
            parameters.put("until", f.until());
        }
        if (f.violationsOnly()) {
            where.append(" and i.ceasefireViolation = true");
        }
        if (f.box() != null) {
            where.append(" and st_intersects(i.location, :box) = true");
            parameters.put("box", f.box());
        }
        return where.toString();
    }
}
