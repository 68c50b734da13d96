package org.custodian.humanitarian;

import java.util.List;
import java.util.Locale;

/**
 * A shelter's occupancy over time as a small SVG line chart, drawn on the server so the page needs no
 * script: people counted each day, and the capacity as a dashed line. It scales to the width of its box.
 */
final class OccupancyChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private OccupancyChart() {}

    static String svg(List<Occupancy> counts, int capacity) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" class=\"chart\" role=\"img\" id=\"occupancy-chart\">");
        int top = Math.max(
                capacity, counts.stream().mapToInt(Occupancy::people).max().orElse(0));
        double max = top == 0 ? 1 : top * 1.1;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        line(svg, LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH, "#9ca3af", "");
        line(svg, LEFT, TOP, LEFT, TOP + plotH, "#9ca3af", "");
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = TOP + plotH - plotH * tick / 4;
            text(svg, LEFT - 6, y + 4, "end", String.valueOf(Math.round(value)));
        }
        if (capacity > 0) {
            double y = TOP + plotH - plotH * capacity / max;
            line(svg, LEFT, y, WIDTH - RIGHT, y, "#b45309", " stroke-dasharray=\"6 4\"");
        }
        int n = counts.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Occupancy c = counts.get(i);
            double x = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            double y = TOP + plotH - plotH * c.people() / max;
            points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            svg.append("<circle cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"3.5\" fill=\"#15803d\"><title>")
                    .append(c.on())
                    .append(": ")
                    .append(c.people())
                    .append("</title></circle>");
            if (n <= 8 || i == 0 || i == n - 1 || i % Math.max(1, n / 6) == 0) {
                text(svg, x, HEIGHT - 8, "middle", c.on().toString().substring(5));
            }
        }
        if (n > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#15803d\" stroke-width=\"2.5\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static void line(
            StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String extra) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
                x1,
                y1,
                x2,
                y2,
                colour,
                extra));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String label) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#374151\">%s</text>",
                x,
                y,
                anchor,
                label));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
