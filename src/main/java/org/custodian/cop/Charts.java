package org.custodian.cop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.OperationalFigures.Chart;
import org.custodian.platform.OperationalFigures.Point;
import org.custodian.platform.OperationalFigures.Series;

/**
 * Draws a module's chart: bars lie on their side, so that a category's name (translated, sometimes long) reads
 * on its left at any width; lines run over dated points with the dates along the bottom. A status code has
 * the colour the map gives it ({@link StatusColours}); other codes take the colours of a fixed palette in turn.
 */
final class Charts {

    static final double WIDTH = 480;
    private static final double LABELS = 150;
    private static final double ROW = 24;
    private static final double TOP = 10;
    private static final double AXIS = 24;
    private static final double PLOT_HEIGHT = 170;
    private static final double LEFT = 40;
    private static final double RIGHT = 14;
    private static final double LEGEND_ROW = 18;
    private static final String AXIS_COLOUR = "#9ca3af";
    private static final String TEXT = "#374151";
    private static final String NEUTRAL = "#2563eb";
    private static final List<String> PALETTE =
            List.of("#2563eb", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#475569", "#ca8a04", "#0d9488");

    private Charts() {}

    /** The chart's height in the width {@link #WIDTH}, before drawing it. */
    static double height(Chart chart) {
        if (chart.shape() == OperationalFigures.Shape.BARS) {
            return TOP + ROW * bars(chart).size() + AXIS;
        }
        return TOP + PLOT_HEIGHT + AXIS + LEGEND_ROW * Math.ceil(chart.series().size() / 2.0) + 4;
    }

    /** @param named the name of a code in the reader's language */
    static void draw(Chart chart, Drawing to, Function<String, String> named) {
        if (chart.shape() == OperationalFigures.Shape.BARS) {
            bars(chart, to, named);
        } else {
            lines(chart, to, named);
        }
    }

    static String colour(String code, int index) {
        String status = StatusColours.of(code);
        return status.equals(NEUTRAL) ? PALETTE.get(index % PALETTE.size()) : status;
    }

    private static List<Point> bars(Chart chart) {
        return chart.series().isEmpty() ? List.of() : chart.series().getFirst().points();
    }

    private static void bars(Chart chart, Drawing to, Function<String, String> named) {
        List<Point> bars = bars(chart);
        double max = nice(bars.stream().mapToDouble(Point::value).max().orElse(0));
        double plot = WIDTH - LABELS - RIGHT - 30;
        double bottom = TOP + ROW * bars.size();
        axisTicks(max, tick -> {
            double x = LABELS + plot * tick / max;
            to.line(x, TOP, x, bottom, "#e5e7eb", 1, false);
            to.text(x, bottom + 15, "middle", 11, TEXT, number(tick));
        });
        for (int i = 0; i < bars.size(); i++) {
            Point bar = bars.get(i);
            double y = TOP + ROW * i;
            String name = named.apply(bar.x());
            to.text(LABELS - 6, y + ROW / 2 + 4, "end", 11, TEXT, shortened(name, 22));
            double w = plot * bar.value() / max;
            to.rect(
                    LABELS,
                    y + 4,
                    Math.max(w, bar.value() > 0 ? 1.5 : 0),
                    ROW - 8,
                    colour(bar.x(), i),
                    name + ": " + number(bar.value()));
            to.text(LABELS + w + 4, y + ROW / 2 + 4, "start", 11, TEXT, number(bar.value()));
        }
        to.line(LABELS, TOP, LABELS, bottom, AXIS_COLOUR, 1, false);
        to.line(LABELS, bottom, LABELS + plot, bottom, AXIS_COLOUR, 1, false);
    }

    private static void lines(Chart chart, Drawing to, Function<String, String> named) {
        List<String> days = chart.series().stream()
                .flatMap(s -> s.points().stream())
                .map(Point::x)
                .distinct()
                .sorted()
                .toList();
        double max = nice(chart.series().stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::value)
                .max()
                .orElse(0));
        double plotW = WIDTH - LEFT - RIGHT;
        double bottom = TOP + PLOT_HEIGHT;
        axisTicks(max, tick -> {
            double y = bottom - PLOT_HEIGHT * tick / max;
            to.line(LEFT, y, WIDTH - RIGHT, y, "#e5e7eb", 1, false);
            to.text(LEFT - 5, y + 4, "end", 11, TEXT, number(tick));
        });
        to.line(LEFT, TOP, LEFT, bottom, AXIS_COLOUR, 1, false);
        to.line(LEFT, bottom, WIDTH - RIGHT, bottom, AXIS_COLOUR, 1, false);
        int n = days.size();
        int every = Math.max(1, (int) Math.ceil(n / 5.0));
        for (int i = 0; i < n; i++) {
            if (i % every == 0 || i == n - 1 && n <= 6) {
                to.text(
                        x(i, n, plotW),
                        bottom + 15,
                        // The last date ends at the axis's end, so that it is not cut off.
                        i == n - 1 && n > 1 ? "end" : "middle",
                        11,
                        TEXT,
                        days.get(i).substring(2, 7 + (n > 12 ? 0 : 3)));
            }
        }
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            String colour = colour(series.code(), s);
            String name = named.apply(series.code());
            List<Double> xy = new ArrayList<>();
            for (Point p : series.points()) {
                double x = x(days.indexOf(p.x()), n, plotW);
                double y = bottom - PLOT_HEIGHT * p.value() / max;
                xy.add(x);
                xy.add(y);
            }
            if (xy.size() > 2) {
                to.polyline(xy.stream().mapToDouble(Double::doubleValue).toArray(), colour, 2.2);
            }
            for (int i = 0; i < series.points().size(); i++) {
                Point p = series.points().get(i);
                to.circle(xy.get(2 * i), xy.get(2 * i + 1), 3, colour, name + " " + p.x() + ": " + number(p.value()));
            }
            double legendX = LEFT + (s % 2) * (plotW / 2);
            double legendY = bottom + AXIS + LEGEND_ROW * (s / 2) + 8;
            to.rect(legendX, legendY - 9, 12, 10, colour, name);
            to.text(legendX + 17, legendY, "start", 12, TEXT, shortened(name, 34));
        }
    }

    private static double x(int i, int n, double plotW) {
        return LEFT + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    /** The step between the axis's ticks: a round number (1, 2 or 5 times a power of ten), a whole one at least. */
    static double step(double max) {
        double rough = Math.max(max / 4, 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= rough) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The top of the axis: the first tick at or above the largest value. */
    static double nice(double max) {
        double step = step(max);
        return Math.max(step, Math.ceil(max / step) * step);
    }

    private static void axisTicks(double max, java.util.function.DoubleConsumer tick) {
        double step = step(max);
        for (double value = 0; value <= max + step / 1000; value += step) {
            tick.accept(value);
        }
    }

    static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String shortened(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }
}
