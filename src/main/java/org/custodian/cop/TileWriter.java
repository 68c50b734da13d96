package org.custodian.cop;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.Tile;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * A layer's vector tile written in Java from its features, by the rules of {@link Tile}: what the database
 * writes with {@code ST_AsMVT} where it can, for the databases (H2GIS) and layers that cannot.
 */
final class TileWriter {

    private static final MvtLayerParams PARAMS = new MvtLayerParams(Tile.EXTENT);
    private static final GeometryFactory MERCATOR = new GeometryFactory();

    private TileWriter() {}

    /** The tile of {@code features}, which must be those of the layer touching the tile's buffered box. */
    static byte[] write(FeatureLayer layer, Tile tile, List<FeatureLayer.Feature> features) {
        Envelope bounds = tile.envelope();
        Envelope clip = tile.buffered();
        Optional<String> dated = layer.dateProperty();
        List<Geometry> drawn = new ArrayList<>();
        Map<List<Long>, List<Placed>> cells = new LinkedHashMap<>();
        for (FeatureLayer.Feature f : features) {
            Geometry g = f.geometry();
            Point at = g instanceof Point p
                    ? p
                    : g.getDimension() > 0 && tile.belowPixel(g.getEnvelopeInternal()) ? g.getCentroid() : null;
            if (at == null) {
                add(drawn, tile, g, properties(layer, dated, f), bounds, clip);
            } else if (!tile.clusters()) {
                add(drawn, tile, at, properties(layer, dated, f), bounds, clip);
            } else {
                double mx = Tile.mercatorX(at.getX());
                double my = Tile.mercatorY(at.getY());
                if (bounds.contains(mx, my)) {
                    List<Long> cell = List.of((long) Math.floor((mx - bounds.getMinX()) / tile.cell()), (long)
                            Math.floor((my - bounds.getMinY()) / tile.cell()));
                    cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(new Placed(f, at));
                }
            }
        }
        for (List<Placed> cell : cells.values()) {
            if (cell.size() == 1) {
                Placed one = cell.getFirst();
                add(drawn, tile, one.at(), properties(layer, dated, one.feature()), bounds, clip);
                continue;
            }
            double lon = 0;
            double lat = 0;
            for (Placed p : cell) {
                lon += p.at().getX();
                lat += p.at().getY();
            }
            Point mean = MERCATOR.createPoint(new Coordinate(lon / cell.size(), lat / cell.size()));
            add(drawn, tile, mean, Map.of("count", (long) cell.size()), bounds, clip);
        }
        JtsMvt tileOut = new JtsMvt(new JtsLayer(layer.id(), drawn, Tile.EXTENT));
        return MvtEncoder.encode(tileOut, PARAMS, new UserDataKeyValueMapConverter());
    }

    /** A feature drawn as a point: a point, or a shape smaller than a pixel at its centroid. */
    private record Placed(FeatureLayer.Feature feature, Point at) {}

    private static void add(
            List<Geometry> drawn,
            Tile tile,
            Geometry lonLat,
            Map<String, Object> properties,
            Envelope bounds,
            Envelope clip) {
        Geometry mercator = mercator(lonLat);
        if (mercator.getDimension() > 0) {
            // As ST_SimplifyPreserveTopology does: to the tile's resolution, never collapsing a ring.
            mercator = TopologyPreservingSimplifier.simplify(mercator, tile.pixel());
        }
        Geometry inTile = JtsAdapter.createTileGeom(mercator, bounds, clip, MERCATOR, PARAMS, g -> true);
        if (inTile.isEmpty()) {
            return;
        }
        inTile.setUserData(properties);
        drawn.add(inTile);
    }

    /** The properties a tile's feature carries: id, codes as stored, the UTC day of its date. */
    static Map<String, Object> properties(FeatureLayer layer, Optional<String> dated, FeatureLayer.Feature f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        for (String code : layer.codes().keySet()) {
            Object value = f.properties().get(code);
            if (value != null) {
                p.put(code, value.toString());
            }
        }
        dated.map(f.properties()::get).map(TileWriter::day).ifPresent(day -> p.put("date", day));
        return p;
    }

    /** A date or instant (or its ISO text) as its UTC day, {@code yyyy-MM-dd}; null when it is neither. */
    static @Nullable String day(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d.toString();
            case Instant i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString();
            case OffsetDateTime t ->
                t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
            case java.time.ZonedDateTime t ->
                LocalDate.ofInstant(t.toInstant(), ZoneOffset.UTC).toString();
            default -> {
                String text = value.toString();
                try {
                    yield text.length() == 10 ? LocalDate.parse(text).toString() : day(OffsetDateTime.parse(text));
                } catch (java.time.format.DateTimeParseException e) {
                    try {
                        yield day(Instant.parse(text));
                    } catch (java.time.format.DateTimeParseException notADate) {
                        yield null;
                    }
                }
            }
        };
    }

    /** A geometry in CRS84 projected to Web Mercator metres, as {@code ST_Transform(g, 3857)} does. */
    static Geometry mercator(Geometry lonLat) {
        return OutputCrs.EPSG_3857.fromCrs84(lonLat);
    }
}
