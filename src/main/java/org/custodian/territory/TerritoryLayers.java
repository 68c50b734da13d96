package org.custodian.territory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.Callers;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The territory's map layers: region boundaries (the basemap, visible to all) and settlements (within the
 * caller's scope). Both are small, so the bounding box and paging are applied in memory.
 */
@Configuration
class TerritoryLayers {

    @Bean
    FeatureLayer regionLayer(Territory territory) {
        FeatureLayer.PropertyType text = FeatureLayer.PropertyType.TEXT;
        Map<String, FeatureLayer.PropertyType> schema = FeatureLayer.columns(
                "code", text, "name", text, "name_az", text, "name_ru", text, "name_hy", text, "boundary_note", text);
        return layer("regions", "Regions", "MultiPolygon", "#1f3a56", schema, query -> territory.regions().stream()
                .map(r -> feature(
                        r.code(),
                        r.boundary(),
                        props(
                                "code", r.code(),
                                "name", r.names().en(),
                                "name_az", r.names().az(),
                                "name_ru", r.names().ru(),
                                "name_hy", r.names().hy(),
                                "boundary_note", r.boundaryNote()))));
    }

    @Bean
    FeatureLayer settlementLayer(Territory territory, Callers callers, Sources sources) {
        FeatureLayer.PropertyType text = FeatureLayer.PropertyType.TEXT;
        FeatureLayer.PropertyType integer = FeatureLayer.PropertyType.INTEGER;
        Map<String, FeatureLayer.PropertyType> schema = FeatureLayer.columns(
                "name", text,
                "name_az", text,
                "name_ru", text,
                "name_hy", text,
                "kind", text,
                "region_code", text,
                "population_estimates", integer,
                "population_latest", integer,
                "population_source", text);
        return layer("settlements", "Settlements", "Point", "#c8702a", schema, query -> {
            List<Settlement> found = territory.settlements(callers.current(), null);
            Map<Long, Sources.Citation> cited = sources.findAll(found.stream()
                    .flatMap(s -> s.populationEstimates().stream())
                    .map(PopulationEstimate::sourceId)
                    .toList());
            return found.stream().map(s -> {
                PopulationEstimate latest = s.populationEstimates().isEmpty()
                        ? null
                        : s.populationEstimates().getFirst();
                Sources.Citation source = latest == null ? null : cited.get(latest.sourceId());
                return feature(
                        String.valueOf(s.id()),
                        s.location(),
                        props(
                                "name", s.names().en(),
                                "name_az", s.names().az(),
                                "name_ru", s.names().ru(),
                                "name_hy", s.names().hy(),
                                "kind", s.kind().name(),
                                "region_code", s.region().code(),
                                "population_estimates", s.populationEstimates().size(),
                                "population_latest", latest == null ? null : latest.population(),
                                "population_source", source == null ? null : source.label()));
            });
        });
    }

    private static FeatureLayer layer(
            String id,
            String title,
            String geometryType,
            String color,
            Map<String, FeatureLayer.PropertyType> schema,
            Function<FeatureLayer.Query, Stream<FeatureLayer.Feature>> all) {
        return new FeatureLayer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public String geometryType() {
                return geometryType;
            }

            @Override
            public String color() {
                return color;
            }

            @Override
            public Map<String, FeatureLayer.PropertyType> schema() {
                return schema;
            }

            @Override
            public Page features(Query query) {
                List<Feature> matched =
                        all.apply(query).filter(f -> query.within(f.geometry())).toList();
                return new Page(
                        matched.stream()
                                .skip(query.offset())
                                .limit(query.limit())
                                .toList(),
                        matched.size());
            }
        };
    }

    private static FeatureLayer.Feature feature(String id, Geometry geometry, Map<String, @Nullable Object> props) {
        return new FeatureLayer.Feature(id, geometry, props);
    }

    private static Map<String, @Nullable Object> props(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }
}
