package org.custodian.cop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.geo.BoundingBox;
import org.custodian.geo.FeatureLayer;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A layer limited to what lies in one region: a feature whose interior meets the region's. A neighbour's
 * feature that only touches the shared border belongs to the neighbour. The layer underneath still applies
 * the caller's scope; this only narrows it. Features are tested in memory after the layer's own query (the
 * region's box, time window), then paged, so {@code numberMatched} counts what the region holds.
 */
final class RegionalLayer implements FeatureLayer {

    private final FeatureLayer layer;
    private final Geometry boundary;
    private final PreparedGeometry inside;

    RegionalLayer(FeatureLayer layer, Geometry boundary) {
        this.layer = layer;
        this.boundary = boundary;
        this.inside = PreparedGeometryFactory.prepare(boundary);
    }

    /** Whether the feature lies in the region, not only on its border. */
    boolean holds(Feature feature) {
        Geometry g = feature.geometry();
        return inside.intersects(g) && (inside.containsProperly(g) || !boundary.touches(g));
    }

    /** Every feature of the region the caller may see. */
    List<Feature> all() {
        return features(Query.all()).features();
    }

    @Override
    public Page features(Query query) {
        BoundingBox box = query.bbox() == null ? BoundingBox.of(boundary.getEnvelopeInternal()) : query.bbox();
        List<Feature> held =
                layer.features(new Query(box, query.from(), query.to(), 0, Integer.MAX_VALUE)).features().stream()
                        .filter(this::holds)
                        .toList();
        int from = (int) Math.min(held.size(), query.offset());
        int to = (int) Math.min(held.size(), (long) from + query.limit());
        return new Page(held.subList(from, to), held.size());
    }

    @Override
    public Optional<Feature> feature(String id) {
        return layer.feature(id).filter(this::holds);
    }

    @Override
    public String id() {
        return layer.id();
    }

    @Override
    public String title() {
        return layer.title();
    }

    @Override
    public String geometryType() {
        return layer.geometryType();
    }

    @Override
    public Map<String, PropertyType> schema() {
        return layer.schema();
    }

    @Override
    public String color() {
        return layer.color();
    }

    /** The whole layer's time span: it encloses the region's, which is what an extent promises. */
    @Override
    public @Nullable TimeSpan temporalExtent() {
        return layer.temporalExtent();
    }
}
