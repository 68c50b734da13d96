package org.custodian.humanitarian;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.FeatureLayer.PropertyType;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Corridors, stations, shelters, convoys and evacuations as map layers, so that the map, the OGC API and the
 * exports carry them. A region holds tens of each, not thousands: they are filtered in memory, through the
 * caller's scope as every read is.
 */
@Configuration(proxyBeanMethods = false)
class HumanitarianLayers {

    /** A layer listed from a module service: its features for a scope, each with its own time if dated. */
    record ListedLayer(
            String id,
            String title,
            String geometryType,
            String color,
            Map<String, PropertyType> schema,
            Callers callers,
            Function<Scope, List<Dated>> list)
            implements FeatureLayer {

        @Override
        public Page features(Query query) {
            List<Feature> features = list.apply(callers.current()).stream()
                    .filter(d -> query.within(d.feature().geometry()))
                    .filter(d -> d.first() == null || query.during(d.first(), d.last()))
                    .map(Dated::feature)
                    .toList();
            int from = Math.min(query.offset(), features.size());
            int to = (int) Math.min((long) from + query.limit(), features.size());
            return new Page(features.subList(from, to), features.size());
        }

        @Override
        public @Nullable TimeSpan temporalExtent() {
            List<Dated> dated = list.apply(callers.current()).stream()
                    .filter(d -> d.first() != null)
                    .toList();
            return dated.isEmpty()
                    ? null
                    : new TimeSpan(
                            dated.stream()
                                    .map(Dated::first)
                                    .min(Instant::compareTo)
                                    .orElseThrow(),
                            dated.stream()
                                    .map(Dated::last)
                                    .max(Instant::compareTo)
                                    .orElseThrow());
        }
    }

    /** A feature and the span of time it covers, both ends included; both null for undated features. */
    record Dated(
            FeatureLayer.Feature feature,
            @Nullable Instant first,
            @Nullable Instant last) {

        /** A calendar day, from its first instant (UTC) to the last before the next, as the layers' query does. */
        static Dated on(FeatureLayer.Feature feature, java.time.LocalDate day) {
            Instant start = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            return new Dated(
                    feature, start, start.plus(java.time.Duration.ofDays(1)).minusNanos(1));
        }
    }

    private static Map<String, @Nullable Object> properties(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> p = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put((String) java.util.Objects.requireNonNull(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return p;
    }

    private static String code(Enum<?> value) {
        return value.name();
    }

    @Bean
    FeatureLayer corridorLayer(Corridors corridors, Territory territory, Callers callers) {
        return new ListedLayer(
                "corridors",
                "Humanitarian corridors",
                "LineString",
                "#0e7490",
                FeatureLayer.columns(
                        "name", PropertyType.TEXT,
                        "region_code", PropertyType.TEXT,
                        "status", PropertyType.TEXT,
                        "status_since", PropertyType.DATETIME,
                        "guarantors", PropertyType.TEXT),
                callers,
                scope -> {
                    Map<Long, String> agencies =
                            territory.agencies().stream().collect(Collectors.toMap(Agency::id, Agency::name));
                    return corridors.corridors(scope).stream()
                            .map(c -> new Dated(
                                    new FeatureLayer.Feature(
                                            String.valueOf(c.id()),
                                            c.line(),
                                            properties(
                                                    "name", c.name(),
                                                    "region_code", c.regionCode(),
                                                    "status", code(c.status()),
                                                    "status_since",
                                                            c.history()
                                                                    .get(c.history()
                                                                                    .size()
                                                                            - 1)
                                                                    .at(),
                                                    "guarantors",
                                                            c.guarantors().stream()
                                                                    .map(a -> agencies.getOrDefault(a, "#" + a))
                                                                    .sorted()
                                                                    .collect(Collectors.joining("; ")))),
                                    null,
                                    null))
                            .toList();
                });
    }

    @Bean
    FeatureLayer stationLayer(Corridors corridors, Callers callers) {
        return new ListedLayer(
                "stations",
                "Humanitarian stations",
                "Point",
                "#0891b2",
                FeatureLayer.columns(
                        "name", PropertyType.TEXT,
                        "region_code", PropertyType.TEXT,
                        "corridor_id", PropertyType.INTEGER,
                        "services", PropertyType.TEXT,
                        "capacity", PropertyType.INTEGER),
                callers,
                scope -> corridors.stations(scope).stream()
                        .map(s -> new Dated(
                                new FeatureLayer.Feature(
                                        String.valueOf(s.id()),
                                        s.location(),
                                        properties(
                                                "name", s.name(),
                                                "region_code", s.regionCode(),
                                                "corridor_id", s.corridorId(),
                                                "services",
                                                        s.services().stream()
                                                                .map(HumanitarianLayers::code)
                                                                .collect(Collectors.joining(" ")),
                                                "capacity", s.capacity())),
                                null,
                                null))
                        .toList());
    }

    @Bean
    FeatureLayer shelterLayer(Shelters shelters, Callers callers) {
        return new ListedLayer(
                "shelters",
                "Shelters",
                "Point",
                "#15803d",
                FeatureLayer.columns(
                        "name", PropertyType.TEXT,
                        "region_code", PropertyType.TEXT,
                        "capacity", PropertyType.INTEGER,
                        "occupied", PropertyType.INTEGER,
                        "counted_on", PropertyType.DATE),
                callers,
                scope -> shelters.shelters(scope).stream()
                        .map(s -> new Dated(
                                new FeatureLayer.Feature(
                                        String.valueOf(s.id()),
                                        s.location(),
                                        properties(
                                                "name", s.name(),
                                                "region_code", s.regionCode(),
                                                "capacity", s.capacity(),
                                                "occupied", s.occupied(),
                                                "counted_on",
                                                        s.occupancy().isEmpty()
                                                                ? null
                                                                : s.occupancy()
                                                                        .get(s.occupancy()
                                                                                        .size()
                                                                                - 1)
                                                                        .on())),
                                null,
                                null))
                        .toList());
    }

    @Bean
    FeatureLayer convoyLayer(Convoys convoys, Callers callers) {
        return new ListedLayer(
                "convoys",
                "Aid convoys",
                "LineString",
                "#b45309",
                FeatureLayer.columns(
                        "name", PropertyType.TEXT,
                        "reference", PropertyType.TEXT,
                        "region_code", PropertyType.TEXT,
                        "organisation", PropertyType.TEXT,
                        "origin", PropertyType.TEXT,
                        "destination", PropertyType.TEXT,
                        "status", PropertyType.TEXT,
                        "item", PropertyType.TEXT,
                        "quantity", PropertyType.REAL,
                        "unit", PropertyType.TEXT,
                        "waiting_since", PropertyType.DATETIME,
                        "days_waiting", PropertyType.INTEGER),
                callers,
                scope -> convoys.convoys(scope).stream()
                        .map(c -> new Dated(
                                new FeatureLayer.Feature(
                                        String.valueOf(c.id()),
                                        c.path(),
                                        properties(
                                                "name", c.reference() + " " + c.organisation(),
                                                "reference", c.reference(),
                                                "region_code", c.regionCode(),
                                                "organisation", c.organisation(),
                                                "origin", c.originName(),
                                                "destination", c.destinationName(),
                                                "status", code(c.status()),
                                                "item", c.cargo(),
                                                "quantity",
                                                        c.totalQuantity() == null
                                                                ? null
                                                                : c.totalQuantity()
                                                                        .doubleValue(),
                                                "unit",
                                                        c.totalQuantity() == null
                                                                ? null
                                                                : c.manifest()
                                                                        .get(0)
                                                                        .unit()
                                                                        .name()
                                                                        .toLowerCase(Locale.ROOT),
                                                "waiting_since", c.waitingSince(),
                                                "days_waiting", convoys.daysWaiting(c))),
                                c.history().get(0).at(),
                                c.history().get(c.history().size() - 1).at()))
                        .toList());
    }

    @Bean
    FeatureLayer evacuationLayer(Evacuations evacuations, Callers callers) {
        return new ListedLayer(
                "evacuations",
                "Evacuations",
                "LineString",
                "#be123c",
                FeatureLayer.columns(
                        "name", PropertyType.TEXT,
                        "reference", PropertyType.TEXT,
                        "region_code", PropertyType.TEXT,
                        "evacuated_on", PropertyType.DATE,
                        "origin", PropertyType.TEXT,
                        "destination", PropertyType.TEXT,
                        "transport", PropertyType.TEXT,
                        "evacuated", PropertyType.INTEGER,
                        "children", PropertyType.INTEGER),
                callers,
                scope -> {
                    List<Evacuation> all = evacuations.evacuations(scope);
                    Map<Long, Map<String, Integer>> standing = evacuations.standing(all);
                    return all.stream()
                            .map(e -> {
                                Map<String, Integer> people = standing.getOrDefault(e.id(), Map.of());
                                return Dated.on(
                                        new FeatureLayer.Feature(
                                                String.valueOf(e.id()),
                                                e.path(),
                                                properties(
                                                        "name",
                                                                e.reference() + " " + e.originName() + " → "
                                                                        + e.destinationName(),
                                                        "reference", e.reference(),
                                                        "region_code", e.regionCode(),
                                                        "evacuated_on", e.evacuatedOn(),
                                                        "origin", e.originName(),
                                                        "destination", e.destinationName(),
                                                        "transport", e.transport(),
                                                        "evacuated", people.get("evacuated"),
                                                        "children", people.get("children"))),
                                        e.evacuatedOn());
                            })
                            .toList();
                });
    }
}
