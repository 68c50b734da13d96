package org.custodian.cop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.springframework.core.io.ClassPathResource;

/**
 * Where charts and map excerpts are drawn: once as SVG for pages (no script, scales to its box) and once as a
 * PNG for printed reports (the PDF renderer draws images, not SVG). The figure is described once against
 * this and comes out the same in both.
 */
interface Drawing {

    void line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed);

    void rect(double x, double y, double w, double h, String fill, String title);

    /** Text at a baseline; {@code anchor} is {@code start}, {@code middle} or {@code end}. */
    void text(double x, double y, String anchor, double size, String colour, String text);

    void polyline(double[] xy, String colour, double width);

    void circle(double x, double y, double r, String fill, String title);

    /** Closed rings filled even-odd and outlined; {@code fill} may be {@code none}. */
    void rings(List<double[]> rings, String fill, double opacity, String stroke, double width);

    /** SVG in a string, with a class and an id for the page to style and find. */
    final class Svg implements Drawing {

        private final StringBuilder svg = new StringBuilder();

        Svg(double width, double height, String id, String label) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" class=\"chart\" role=\"img\""
                            + " id=\"%s\" aria-label=\"%s\">",
                    width,
                    height,
                    escaped(id),
                    escaped(label)));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                    x1,
                    y1,
                    x2,
                    y2,
                    colour,
                    width,
                    dashed ? " stroke-dasharray=\"4 3\"" : ""));
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String title) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                    x,
                    y,
                    w,
                    h,
                    fill,
                    escaped(title)));
        }

        @Override
        public void text(double x, double y, String anchor, double size, String colour, String text) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.0f\" fill=\"%s\">%s</text>",
                    x,
                    y,
                    anchor,
                    size,
                    colour,
                    escaped(text)));
        }

        @Override
        public void polyline(double[] xy, String colour, double width) {
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\" points=\"", width));
            for (int i = 0; i < xy.length; i += 2) {
                svg.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xy[i], xy[i + 1]));
            }
            svg.append("\"/>");
        }

        @Override
        public void circle(double x, double y, double r, String fill, String title) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s</title></circle>",
                    x,
                    y,
                    r,
                    fill,
                    escaped(title)));
        }

        @Override
        public void rings(List<double[]> rings, String fill, double opacity, String stroke, double width) {
            svg.append("<path fill-rule=\"evenodd\" d=\"");
            for (double[] ring : rings) {
                for (int i = 0; i < ring.length; i += 2) {
                    svg.append(String.format(Locale.ROOT, "%s%.1f %.1f ", i == 0 ? "M" : "L", ring[i], ring[i + 1]));
                }
                svg.append("Z ");
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                    fill,
                    opacity,
                    stroke,
                    width));
        }

        String written() {
            return svg + "</svg>";
        }

        private static String escaped(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }

    /** A PNG drawn with Java 2D at a scale, in the DejaVu font the printed documents embed. */
    final class Png implements Drawing {

        private static final Font FONT = font();

        private final BufferedImage image;
        private final Graphics2D g;

        Png(double width, double height, double scale) {
            image = new BufferedImage(
                    (int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
            g.setColor(colour(colour));
            g.setStroke(
                    dashed
                            ? new BasicStroke(
                                    (float) width,
                                    BasicStroke.CAP_BUTT,
                                    BasicStroke.JOIN_ROUND,
                                    1,
                                    new float[] {4, 3},
                                    0)
                            : new BasicStroke((float) width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String title) {
            g.setColor(colour(fill));
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void text(double x, double y, String anchor, double size, String colour, String text) {
            g.setColor(colour(colour));
            g.setFont(FONT.deriveFont((float) size));
            double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
            double left =
                    switch (anchor) {
                        case "middle" -> x - width / 2;
                        case "end" -> x - width;
                        default -> x;
                    };
            g.drawString(text, (float) left, (float) y);
        }

        @Override
        public void polyline(double[] xy, String colour, double width) {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < xy.length; i += 2) {
                if (i == 0) {
                    path.moveTo(xy[i], xy[i + 1]);
                } else {
                    path.lineTo(xy[i], xy[i + 1]);
                }
            }
            g.setColor(colour(colour));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        @Override
        public void circle(double x, double y, double r, String fill, String title) {
            g.setColor(colour(fill));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        @Override
        public void rings(List<double[]> rings, String fill, double opacity, String stroke, double width) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : rings) {
                for (int i = 0; i < ring.length; i += 2) {
                    if (i == 0) {
                        path.moveTo(ring[i], ring[i + 1]);
                    } else {
                        path.lineTo(ring[i], ring[i + 1]);
                    }
                }
                path.closePath();
            }
            if (!fill.equals("none")) {
                Color c = colour(fill);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255)));
                g.fill(path);
            }
            g.setColor(colour(stroke));
            g.setStroke(new BasicStroke((float) width));
            g.draw(path);
        }

        byte[] written() {
            g.dispose();
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Color colour(String hex) {
            return Color.decode(hex);
        }

        private static Font font() {
            try (InputStream in = new ClassPathResource("fonts/DejaVuSans.ttf").getInputStream()) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("the DejaVu font is missing", e);
            }
        }
    }
}
