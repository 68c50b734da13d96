package org.custodian.alerts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodian.platform.PrintedDocuments;
import org.custodian.territory.Region;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;

/**
 * An alert's printed leaflet: one A4 page with a map of the area and the text in every language of the alert.
 * The text is the XHTML template {@code alerts/leaflet} printed with the embedded DejaVu fonts; the map is
 * drawn afterwards as vector paths into the frame the template leaves for it (no tiles, nothing fetched):
 * the region's outline, the area as published and the area as drawn.
 */
@Component
class Leaflet {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float PAGE_HEIGHT = 297 * POINTS_PER_MM;

    /** The map frame as the template places it, in millimetres from the page's top left corner. */
    static final float FRAME_LEFT = 12;

    static final float FRAME_TOP = 30;
    static final float FRAME_WIDTH = 186;
    static final float FRAME_HEIGHT = 80;

    private final PrintedDocuments documents;
    private final Territory territory;
    private final RegionTimes times;

    Leaflet(PrintedDocuments documents, Territory territory, RegionTimes times) {
        this.documents = documents;
        this.territory = territory;
        this.times = times;
    }

    byte[] pdf(Alert alert) {
        Region region = territory.region(alert.regionCode());
        byte[] text = documents.pdf(
                "alerts/leaflet",
                Map.of(
                        "alert",
                        alert,
                        "region",
                        region,
                        "effective",
                        times.minute(alert.effective(), alert.regionCode()),
                        "expires",
                        times.minute(alert.expires(), alert.regionCode()),
                        "frame",
                        new float[] {FRAME_LEFT, FRAME_TOP, FRAME_WIDTH, FRAME_HEIGHT}));
        try (PDDocument pdf = Loader.loadPDF(text);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (PDPageContentStream map =
                    new PDPageContentStream(pdf, pdf.getPage(0), PDPageContentStream.AppendMode.APPEND, true, true)) {
                draw(map, region.boundary(), alert);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the leaflet of alert " + alert.identifier() + " could not be drawn", e);
        }
    }

    private static void draw(PDPageContentStream map, Geometry regionBoundary, Alert alert) throws IOException {
        Envelope extent = new Envelope(regionBoundary.getEnvelopeInternal());
        extent.expandToInclude(alert.area().getEnvelopeInternal());
        extent.expandBy(extent.getWidth() * 0.04, extent.getHeight() * 0.04);
        Frame frame = new Frame(extent);
        frame.path(map, regionBoundary);
        map.setNonStrokingColor(new Color(0xF1, 0xEE, 0xE6));
        map.setStrokingColor(new Color(0x55, 0x55, 0x55));
        map.setLineWidth(0.8f);
        map.fillAndStrokeEvenOdd();
        // The published area under the drawn one: what shows around the drawn area is what simplifying added.
        frame.path(map, alert.area());
        map.setNonStrokingColor(new Color(0xF6, 0xC7, 0x7E));
        map.setStrokingColor(new Color(0xB3, 0x5C, 0x00));
        map.setLineWidth(1f);
        map.setLineDashPattern(new float[] {3, 2}, 0);
        map.fillAndStrokeEvenOdd();
        map.setLineDashPattern(new float[] {}, 0);
        frame.path(map, alert.drawnArea());
        map.setNonStrokingColor(new Color(0xE0, 0x6C, 0x61));
        map.setStrokingColor(new Color(0xB3, 0x26, 0x1E));
        map.setLineWidth(1.2f);
        map.fillAndStrokeEvenOdd();
        // The frame itself.
        map.setStrokingColor(new Color(0x33, 0x33, 0x33));
        map.setLineWidth(0.6f);
        map.addRect(
                FRAME_LEFT * POINTS_PER_MM,
                PAGE_HEIGHT - (FRAME_TOP + FRAME_HEIGHT) * POINTS_PER_MM,
                FRAME_WIDTH * POINTS_PER_MM,
                FRAME_HEIGHT * POINTS_PER_MM);
        map.stroke();
    }

    /** Longitude and latitude to page points: equirectangular at the extent's middle latitude, centred. */
    private static final class Frame {

        private final Envelope extent;
        private final double scale;
        private final double xScale;
        private final double left;
        private final double bottom;

        Frame(Envelope extent) {
            this.extent = extent;
            this.xScale = Math.cos(Math.toRadians(extent.centre().y));
            double width = FRAME_WIDTH * POINTS_PER_MM;
            double height = FRAME_HEIGHT * POINTS_PER_MM;
            this.scale = Math.min(width / (extent.getWidth() * xScale), height / extent.getHeight());
            this.left = FRAME_LEFT * POINTS_PER_MM + (width - extent.getWidth() * xScale * scale) / 2;
            this.bottom = PAGE_HEIGHT
                    - (FRAME_TOP + FRAME_HEIGHT) * POINTS_PER_MM
                    + (height - extent.getHeight() * scale) / 2;
        }

        void path(PDPageContentStream map, Geometry g) throws IOException {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    ring(map, p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        ring(map, p.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
        }

        private void ring(PDPageContentStream map, Coordinate[] ring) throws IOException {
            for (int k = 0; k < ring.length; k++) {
                float x = (float) (left + (ring[k].x - extent.getMinX()) * xScale * scale);
                float y = (float) (bottom + (ring[k].y - extent.getMinY()) * scale);
                if (k == 0) {
                    map.moveTo(x, y);
                } else {
                    map.lineTo(x, y);
                }
            }
            map.closePath();
        }
    }
}
