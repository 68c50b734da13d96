package org.custodian.cop;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.geo.Tile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled offline basemap (the Natural Earth 1:10m countries, TopoJSON) as vector tiles: layer {@code
 * countries} (the land, a polygon per country), {@code borders} (lines between two countries) and {@code coast}
 * (lines along one country only). A map then reads the few small tiles in its view instead of the whole world.
 * The file is read on the first request; each tile is written once and kept.
 */
final class BasemapTiles {

    static final String FILE = "static/basemap/countries-10m.json";

    /** Deepest zoom written: the data's own grid is coarser than a pixel there; the map draws deeper from it. */
    static final int MAX_ZOOM = 8;

    private static final MvtLayerParams PARAMS = new MvtLayerParams(Tile.EXTENT);
    private static final GeometryFactory MERCATOR = new GeometryFactory();
    private static final PrecisionModel GRID = new PrecisionModel(1);
    private static final int KEPT_TILES = 20_000;

    private record Shape(String layer, Geometry geometry) {}

    private final STRtree index = new STRtree();
    private final Map<Tile, byte[]> written = new ConcurrentHashMap<>();

    private BasemapTiles(List<Shape> shapes) {
        shapes.forEach(s -> index.insert(s.geometry().getEnvelopeInternal(), s));
        index.build();
    }

    /** The basemap read from the bundled file. */
    static BasemapTiles bundled() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return new BasemapTiles(shapes(JsonMapper.shared().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tile at z/x/y, which must exist in the grid and lie no deeper than {@link #MAX_ZOOM}. */
    byte[] tile(Tile tile) {
        byte[] kept = written.get(tile);
        if (kept != null) {
            return kept;
        }
        byte[] body = write(tile);
        if (written.size() >= KEPT_TILES) {
            written.clear();
        }
        written.put(tile, body);
        return body;
    }

    private byte[] write(Tile tile) {
        Envelope bounds = tile.envelope();
        Envelope clip = tile.buffered();
        Geometry box = MERCATOR.toGeometry(clip);
        Map<String, List<Geometry>> layers = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Shape> touching = index.query(clip);
        // Mercator metres to the tile's grid: x right, y down, the tile's box 0 to EXTENT.
        double scale = Tile.EXTENT / bounds.getWidth();
        AffineTransformation toTile = new AffineTransformation()
                .translate(-bounds.getMinX(), -bounds.getMaxY())
                .scale(scale, -scale);
        for (Shape shape : touching) {
            Geometry g = shape.geometry();
            if (!clip.covers(g.getEnvelopeInternal())) {
                g = OverlayNGRobust.overlay(g, box, OverlayNG.INTERSECTION);
            }
            if (g.isEmpty()) {
                continue;
            }
            g = toTile.transform(TopologyPreservingSimplifier.simplify(g, tile.pixel()));
            Geometry inTile;
            try {
                // On the tile's integer grid, still valid: a sliver narrower than the grid goes.
                inTile = GeometryPrecisionReducer.reduce(g, GRID);
            } catch (IllegalArgumentException invalid) {
                inTile = GeometryPrecisionReducer.reducePointwise(g, GRID);
            }
            if (!inTile.isEmpty()) {
                inTile.setUserData(Map.of());
                layers.computeIfAbsent(shape.layer(), l -> new ArrayList<>()).add(inTile);
            }
        }
        List<JtsLayer> out = new ArrayList<>();
        for (String name : List.of("countries", "borders", "coast")) {
            List<Geometry> drawn = layers.getOrDefault(name, List.of());
            if (!drawn.isEmpty()) {
                out.add(new JtsLayer(name, drawn, Tile.EXTENT));
            }
        }
        return MvtEncoder.encode(new JtsMvt(out), PARAMS, new UserDataKeyValueMapConverter());
    }

    /**
     * The countries and their boundary lines from a TopoJSON topology with the object {@code countries}, in Web
     * Mercator metres: an arc of one country is coast, an arc of two is a border.
     */
    private static List<Shape> shapes(JsonNode topology) {
        List<Coordinate[]> arcs = arcs(topology);
        JsonNode geometries = topology.at("/objects/countries/geometries");
        int[] firstUser = new int[arcs.size()];
        boolean[] shared = new boolean[arcs.size()];
        java.util.Arrays.fill(firstUser, -1);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            JsonNode g = geometries.get(i);
            List<JsonNode> polygons = new ArrayList<>();
            switch (g.path("type").asString("")) {
                case "Polygon" -> polygons.add(g.get("arcs"));
                case "MultiPolygon" -> g.get("arcs").forEach(polygons::add);
                default -> {
                    continue;
                }
            }
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode rings : polygons) {
                List<LinearRing> closed = new ArrayList<>();
                for (JsonNode ring : rings) {
                    CoordinateList coordinates = new CoordinateList();
                    for (JsonNode arc : ring) {
                        int a = arc.asInt();
                        int index = a < 0 ? ~a : a;
                        if (firstUser[index] < 0) {
                            firstUser[index] = i;
                        } else if (firstUser[index] != i) {
                            shared[index] = true;
                        }
                        Coordinate[] points = arcs.get(index);
                        for (int p = 0; p < points.length; p++) {
                            coordinates.add(points[a < 0 ? points.length - 1 - p : p], false);
                        }
                    }
                    coordinates.closeRing();
                    if (coordinates.size() >= 4) {
                        closed.add(MERCATOR.createLinearRing(coordinates.toCoordinateArray()));
                    }
                }
                if (!closed.isEmpty()) {
                    Polygon part = MERCATOR.createPolygon(
                            closed.getFirst(), closed.subList(1, closed.size()).toArray(LinearRing[]::new));
                    // A few rings of the source touch themselves: mended once, so that clipping never fails.
                    Geometry valid = part.isValid() ? part : GeometryFixer.fix(part);
                    for (int n = 0; n < valid.getNumGeometries(); n++) {
                        if (valid.getGeometryN(n) instanceof Polygon p) {
                            parts.add(p);
                        }
                    }
                }
            }
            // Each part alone: a tile then clips only the islands and coasts that reach into it.
            parts.forEach(p -> shapes.add(new Shape("countries", p)));
        }
        for (int a = 0; a < arcs.size(); a++) {
            if (firstUser[a] >= 0 && arcs.get(a).length >= 2) {
                shapes.add(new Shape(shared[a] ? "borders" : "coast", MERCATOR.createLineString(arcs.get(a))));
            }
        }
        return shapes;
    }

    /** The topology's arcs, their quantized deltas decoded and projected to Web Mercator. */
    private static List<Coordinate[]> arcs(JsonNode topology) {
        JsonNode transform = topology.get("transform");
        double sx = transform.at("/scale/0").asDouble();
        double sy = transform.at("/scale/1").asDouble();
        double tx = transform.at("/translate/0").asDouble();
        double ty = transform.at("/translate/1").asDouble();
        List<Coordinate[]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.get("arcs")) {
            Coordinate[] points = new Coordinate[arc.size()];
            long x = 0;
            long y = 0;
            for (int p = 0; p < arc.size(); p++) {
                x += arc.get(p).get(0).asLong();
                y += arc.get(p).get(1).asLong();
                double my = Tile.mercatorY(Math.max(-86, Math.min(86, y * sy + ty)));
                points[p] = new Coordinate(
                        Tile.mercatorX(x * sx + tx), Math.max(-Tile.HALF_WORLD, Math.min(Tile.HALF_WORLD, my)));
            }
            arcs.add(points);
        }
        return arcs;
    }
}
