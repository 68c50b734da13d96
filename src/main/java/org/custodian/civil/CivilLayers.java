package org.custodian.civil;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Outreach visits as a map layer, a point at each settlement visited, so that the map, the OGC API and the
 * exports carry them. No personal data: beneficiaries are never on it. Tens of visits a region: filtered in
 * memory, through the caller's scope as every read is.
 */
@Component
class CivilLayers implements FeatureLayer {

    private final Outreach outreach;
    private final Territory territory;
    private final Callers callers;

    CivilLayers(Outreach outreach, Territory territory, Callers callers) {
        this.outreach = outreach;
        this.territory = territory;
        this.callers = callers;
    }

    @Override
    public String id() {
        return "outreach-visits";
    }

    @Override
    public String title() {
        return "Outreach visits";
    }

    @Override
    public String geometryType() {
        return "Point";
    }

    @Override
    public String color() {
        return "#7c3aed";
    }

    @Override
    public Map<String, PropertyType> schema() {
        return FeatureLayer.columns(
                "name", PropertyType.TEXT,
                "region_code", PropertyType.TEXT,
                "organisation", PropertyType.TEXT,
                "settlement", PropertyType.TEXT,
                "visited_on", PropertyType.DATE,
                "people_reached", PropertyType.INTEGER,
                "services", PropertyType.TEXT,
                "illustrative", PropertyType.BOOLEAN);
    }

    @Override
    public Optional<String> page(String featureId) {
        return Optional.of("/outreach#visit-" + featureId);
    }

    private List<Visit> visits(Scope scope) {
        return outreach.visits(scope);
    }

    private List<Feature> all(Scope scope) {
        Map<Long, String> teams =
                outreach.teams(scope).stream().collect(Collectors.toMap(OutreachTeam::id, OutreachTeam::name));
        Map<Long, String> places = territory.settlements(scope, null).stream()
                .collect(Collectors.toMap(Settlement::id, s -> s.names().en()));
        return visits(scope).stream()
                .map(v -> {
                    String place = places.getOrDefault(v.settlementId(), "");
                    Map<String, @Nullable Object> p = new LinkedHashMap<>();
                    p.put("name", place + " " + v.visitedOn());
                    p.put("region_code", v.regionCode());
                    p.put("organisation", teams.get(v.teamId()));
                    p.put("settlement", place);
                    p.put("visited_on", v.visitedOn());
                    p.put("people_reached", v.peopleReached());
                    p.put(
                            "services",
                            v.services().stream()
                                    .map(l -> l.service().name().toLowerCase(Locale.ROOT) + " "
                                            + l.quantity().stripTrailingZeros().toPlainString() + " "
                                            + l.unit().name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining("; ")));
                    p.put("illustrative", v.illustrative());
                    return new Feature(String.valueOf(v.id()), v.location(), p);
                })
                .toList();
    }

    @Override
    public Page features(Query query) {
        Scope scope = callers.current();
        List<Feature> features = all(scope).stream()
                .filter(f -> query.within(f.geometry()))
                .filter(f -> query.during((java.time.LocalDate)
                        java.util.Objects.requireNonNull(f.properties().get("visited_on"))))
                .toList();
        int from = Math.min(query.offset(), features.size());
        int to = (int) Math.min((long) from + query.limit(), features.size());
        return new Page(features.subList(from, to), features.size());
    }

    @Override
    public @Nullable TimeSpan temporalExtent() {
        List<Visit> all = visits(callers.current());
        if (all.isEmpty()) {
            return null;
        }
        Instant first = all.stream()
                .map(v -> v.visitedOn().atStartOfDay(ZoneOffset.UTC).toInstant())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant last = all.stream()
                .map(v -> v.visitedOn()
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusNanos(1))
                .max(Instant::compareTo)
                .orElseThrow();
        return new TimeSpan(first, last);
    }
}
