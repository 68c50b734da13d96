package org.custodian.cop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.geo.BoundingBox;
import org.custodian.geo.FeatureLayer;
import org.custodian.territory.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * A small map of the regions of a report: their boundaries, and over them the hazard areas, facilities and
 * incidents the caller may see, each in its layer's colour (as many as make a legible map, not every one).
 * Drawn in a plain equirectangular frame, longitudes shrunk by the cosine of the middle latitude.
 */
final class MapExcerpt {

    static final double WIDTH = 480;
    static final double HEIGHT = 300;
    /** The layers drawn, bottom first. */
    static final List<String> LAYERS = List.of("hazard-areas", "facilities", "incidents");

    private static final int MOST = 4000;

    private MapExcerpt() {}

    static void draw(List<Region> regions, Map<String, FeatureLayer> layers, Drawing to) {
        Envelope box = new Envelope();
        regions.forEach(r -> box.expandToInclude(r.boundary().getEnvelopeInternal()));
        if (box.isNull()) {
            return;
        }
        box.expandBy(Math.max(box.getWidth(), box.getHeight()) * 0.04);
        Frame frame = new Frame(box);
        to.rect(0, 0, WIDTH, HEIGHT, "#eef2f7", "");
        for (Region region : regions) {
            to.rings(frame.rings(region.boundary()), "#f8f5ee", 1, "#475569", 1.2);
        }
        FeatureLayer.Query query = new FeatureLayer.Query(BoundingBox.of(box), null, null, 0, MOST);
        for (String id : LAYERS) {
            FeatureLayer layer = layers.get(id);
            if (layer == null) {
                continue;
            }
            String colour = layer.color();
            for (FeatureLayer.Feature f : layer.features(query).features()) {
                Geometry g = f.geometry();
                if (g instanceof Polygonal) {
                    to.rings(frame.rings(g), colour, 0.35, colour, 0.8);
                } else {
                    Coordinate c = g.getCentroid().getCoordinate();
                    to.circle(frame.x(c.x), frame.y(c.y), 3, colour, f.id());
                }
            }
        }
        for (Region region : regions) {
            Coordinate c = region.boundary().getInteriorPoint().getCoordinate();
            to.text(frame.x(c.x), frame.y(c.y), "middle", 13, "#111827", region.code());
        }
    }

    private static final class Frame {

        private final Envelope box;
        private final double scale;
        private final double left;
        private final double top;
        private final double shrink;

        Frame(Envelope box) {
            this.box = box;
            shrink = Math.cos(Math.toRadians((box.getMinY() + box.getMaxY()) / 2));
            double w = box.getWidth() * shrink;
            scale = Math.min(WIDTH / w, HEIGHT / box.getHeight());
            left = (WIDTH - w * scale) / 2;
            top = (HEIGHT - box.getHeight() * scale) / 2;
        }

        double x(double longitude) {
            return left + (longitude - box.getMinX()) * shrink * scale;
        }

        double y(double latitude) {
            return top + (box.getMaxY() - latitude) * scale;
        }

        List<double[]> rings(Geometry g) {
            List<double[]> rings = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    rings.add(ring(p.getExteriorRing().getCoordinates()));
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        rings.add(ring(p.getInteriorRingN(h).getCoordinates()));
                    }
                }
            }
            return rings;
        }

        private double[] ring(Coordinate[] coordinates) {
            double[] xy = new double[coordinates.length * 2];
            for (int i = 0; i < coordinates.length; i++) {
                xy[2 * i] = x(coordinates[i].x);
                xy[2 * i + 1] = y(coordinates[i].y);
            }
            return xy;
        }
    }
}
