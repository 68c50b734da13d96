package org.custodian.cop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.FeatureLayer;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The figures of every module for the hub, the dashboards and the situation report: gathered from each
 * {@link OperationalFigures} bean (cop imports none of the modules), in the order of the menu.
 */
@Component
class Picture {

    /** The modules in the order the menu lists them; one not named here follows them. */
    private static final List<String> ORDER =
            List.of("facilities", "mine-action", "incidents", "humanitarian", "custody", "alerts", "civil");

    private final List<OperationalFigures> modules;
    private final Map<String, FeatureLayer> layers;
    private final MessageSource messages;

    Picture(List<OperationalFigures> modules, List<FeatureLayer> layers, MessageSource messages) {
        this.modules = modules.stream()
                .sorted(Comparator.comparingInt(
                                (OperationalFigures m) -> ORDER.contains(m.id()) ? ORDER.indexOf(m.id()) : ORDER.size())
                        .thenComparing(OperationalFigures::id))
                .toList();
        this.layers = layers.stream().collect(Collectors.toMap(FeatureLayer::id, Function.identity(), (a, b) -> a));
        this.messages = messages;
    }

    /** A module's counts and, when drawn, its charts. */
    record Board(String id, List<OperationalFigures.Count> counts, List<DrawnChart> charts) {}

    /**
     * A chart drawn: as SVG for a page, or as a PNG data URI for print; with the sources of its numbers.
     */
    record DrawnChart(
            String id,
            String titleKey,
            @Nullable String svg,
            @Nullable String png,
            boolean empty,
            List<Sources.Citation> sources) {}

    /** A count then and now, for what changed since the day before. */
    record Change(String module, String labelKey, long before, long now, String link) {
        public long difference() {
            return now - before;
        }
    }

    List<Board> counts(Scope scope, @Nullable String region, LocalDate day) {
        return modules.stream()
                .map(m -> new Board(m.id(), m.counts(scope, region, day), List.of()))
                .toList();
    }

    List<Board> boards(Scope scope, @Nullable String region, LocalDate day, boolean printed, Locale locale) {
        return modules.stream()
                .map(m -> new Board(
                        m.id(),
                        m.counts(scope, region, day),
                        m.charts(scope, region, day).stream()
                                .map(c -> drawn(c, printed, locale))
                                .toList()))
                .toList();
    }

    /** Each count of the day beside the same count the day before. */
    List<Change> changes(List<Board> now, Scope scope, @Nullable String region, LocalDate day) {
        List<Change> changes = new ArrayList<>();
        for (Board board : now) {
            OperationalFigures module = module(board.id());
            List<OperationalFigures.Count> before = module.counts(scope, region, day.minusDays(1));
            for (int i = 0; i < board.counts().size(); i++) {
                OperationalFigures.Count count = board.counts().get(i);
                long then = i < before.size() && before.get(i).labelKey().equals(count.labelKey())
                        ? before.get(i).value()
                        : 0;
                changes.add(new Change(board.id(), count.labelKey(), then, count.value(), count.link()));
            }
        }
        return changes;
    }

    /** The records of the day from every module, earliest first. */
    List<OperationalFigures.Event> events(Scope scope, @Nullable String region, LocalDate day) {
        return modules.stream()
                .flatMap(m -> m.events(scope, region, day).stream())
                .sorted(Comparator.comparing(OperationalFigures.Event::at))
                .toList();
    }

    /** The map excerpt of the regions, as SVG or as a PNG data URI. */
    String map(List<Region> regions, boolean printed) {
        if (printed) {
            Drawing.Png png = new Drawing.Png(MapExcerpt.WIDTH, MapExcerpt.HEIGHT, 2);
            MapExcerpt.draw(regions, layers, png);
            return dataUri(png.written());
        }
        Drawing.Svg svg = new Drawing.Svg(MapExcerpt.WIDTH, MapExcerpt.HEIGHT, "map-excerpt", "map");
        MapExcerpt.draw(regions, layers, svg);
        return svg.written();
    }

    /** The colour of each layer the map excerpt draws, for its legend. */
    Map<String, String> mapLegend() {
        Map<String, String> legend = new java.util.LinkedHashMap<>();
        MapExcerpt.LAYERS.stream()
                .filter(layers::containsKey)
                .forEach(id -> legend.put(id, layers.get(id).color()));
        return legend;
    }

    private OperationalFigures module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private DrawnChart drawn(OperationalFigures.Chart chart, boolean printed, Locale locale) {
        Function<String, String> named = code -> messages.getMessage(chart.codes() + code, null, code, locale);
        double height = Charts.height(chart);
        if (printed) {
            Drawing.Png png = new Drawing.Png(Charts.WIDTH, height, 2);
            Charts.draw(chart, png, named);
            return new DrawnChart(
                    chart.id(), chart.titleKey(), null, dataUri(png.written()), chart.empty(), chart.sources());
        }
        String title = messages.getMessage(chart.titleKey(), null, chart.id(), locale);
        Drawing.Svg svg = new Drawing.Svg(Charts.WIDTH, height, "chart-" + chart.id(), title);
        Charts.draw(chart, svg, named);
        return new DrawnChart(chart.id(), chart.titleKey(), svg.written(), null, chart.empty(), chart.sources());
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
