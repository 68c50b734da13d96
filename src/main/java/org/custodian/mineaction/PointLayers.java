package org.custodian.mineaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mine accidents and ordnance finds as map layers. Both hold few records per region, so the bounding box,
 * time window and paging are applied in memory to what the caller's scope returns.
 */
@Configuration
class PointLayers {

    @Bean
    FeatureLayer accidentLayer(MineAction mineAction, Callers callers) {
        return new PointLayer<>(
                "mine-accidents",
                "Mine accidents",
                "#7a1f1a",
                FeatureLayer.columns(
                        "name", FeatureLayer.PropertyType.TEXT,
                        "occurred_at", FeatureLayer.PropertyType.DATETIME,
                        "region_code", FeatureLayer.PropertyType.TEXT,
                        "device", FeatureLayer.PropertyType.TEXT,
                        "activity", FeatureLayer.PropertyType.TEXT,
                        "killed", FeatureLayer.PropertyType.INTEGER,
                        "injured", FeatureLayer.PropertyType.INTEGER,
                        "road", FeatureLayer.PropertyType.TEXT),
                () -> mineAction.accidents(callers.current(), null),
                Accident::occurredAt,
                Accident::occurredAt,
                a -> {
                    Map<String, @Nullable Object> p = new LinkedHashMap<>();
                    p.put("name", a.description());
                    p.put("occurred_at", a.occurredAt().toString());
                    p.put("region_code", a.regionCode());
                    p.put("device", a.device().name());
                    p.put("activity", a.activity());
                    p.put("killed", a.count(Victim.Outcome.KILLED));
                    p.put("injured", a.count(Victim.Outcome.INJURED));
                    p.put("road", a.road());
                    return new FeatureLayer.Feature(String.valueOf(a.id()), a.location(), p);
                },
                Map.of("device", "mine.code."),
                null);
    }

    @Bean
    FeatureLayer findLayer(MineAction mineAction, Callers callers) {
        return new PointLayer<>(
                "ordnance-finds",
                "Ordnance finds",
                "#8a5a00",
                FeatureLayer.columns(
                        "name", FeatureLayer.PropertyType.TEXT,
                        "found_on", FeatureLayer.PropertyType.DATE,
                        "region_code", FeatureLayer.PropertyType.TEXT,
                        "category", FeatureLayer.PropertyType.TEXT,
                        "quantity", FeatureLayer.PropertyType.INTEGER,
                        "disposition", FeatureLayer.PropertyType.TEXT),
                () -> mineAction.finds(callers.current(), null),
                // Found on a day: the whole day, in UTC, to its last instant.
                f -> f.foundOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                f -> f.foundOn()
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .minusNanos(1),
                f -> {
                    Map<String, @Nullable Object> p = new LinkedHashMap<>();
                    p.put("name", f.description());
                    p.put("found_on", f.foundOn().toString());
                    p.put("region_code", f.regionCode());
                    p.put("category", f.category().name());
                    p.put("quantity", f.quantity());
                    p.put("disposition", f.disposition().name());
                    return new FeatureLayer.Feature(String.valueOf(f.id()), f.location(), p);
                },
                Map.of("category", "mine.code.", "disposition", "mine.disposition."),
                "/mine-action/finds/");
    }

    private record PointLayer<T>(
            String id,
            String title,
            String color,
            Map<String, PropertyType> schema,
            java.util.function.Supplier<List<T>> visible,
            Function<T, Instant> start,
            Function<T, Instant> end,
            Function<T, Feature> feature,
            Map<String, String> codes,
            @Nullable String pages)
            implements FeatureLayer {

        @Override
        public java.util.Optional<String> page(String featureId) {
            return java.util.Optional.ofNullable(pages).map(p -> p + featureId);
        }

        @Override
        public String geometryType() {
            return "Point";
        }

        @Override
        public Page features(Query query) {
            List<Feature> matched = visible.get().stream()
                    .filter(t -> query.during(start.apply(t), end.apply(t)))
                    .map(feature)
                    .filter(f -> query.within(f.geometry()))
                    .toList();
            return new Page(
                    matched.stream().skip(query.offset()).limit(query.limit()).toList(), matched.size());
        }

        @Override
        public @Nullable TimeSpan temporalExtent() {
            List<T> all = visible.get();
            return all.isEmpty()
                    ? null
                    : new TimeSpan(
                            all.stream().map(start).min(Instant::compareTo).orElseThrow(),
                            all.stream().map(end).max(Instant::compareTo).orElseThrow());
        }
    }
}
