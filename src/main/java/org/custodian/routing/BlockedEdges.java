package org.custodian.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.WeightingFactory;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The edges of one road network that touch an area to avoid, found once per set of areas rather than tested
 * against the areas' polygons at every edge a search explores (a GraphHopper custom model with areas does
 * that, which made the routes that avoid something several times slower than the others). A request that
 * names them in its hints gets a weighting under which they cannot be taken.
 *
 * <p>An edge is blocked when its geometry intersects an area, as GraphHopper's {@code in_area} decides. The
 * pieces of edges cut where a route starts or ends are tested by their own geometry, so an end beside an area
 * still leaves along the part of its road that is clear. Immutable and thread-safe.
 */
final class BlockedEdges {

    /** The key of a request hint that carries the blocked edges to the weighting. */
    static final String HINT = "custodian_blocked_edges";

    private final BaseGraph graph;
    private final BitSet edges;
    private final List<PreparedGeometry> areas;

    private BlockedEdges(BaseGraph graph, BitSet edges, List<PreparedGeometry> areas) {
        this.graph = graph;
        this.edges = edges;
        this.areas = areas;
    }

    /** The edges of this graph that intersect any of these areas (CRS84). */
    static BlockedEdges of(GraphHopper hopper, List<Geometry> areas) {
        BaseGraph graph = hopper.getBaseGraph();
        LocationIndex index = hopper.getLocationIndex();
        List<PreparedGeometry> prepared =
                areas.stream().map(PreparedGeometryFactory::prepare).toList();
        BitSet blocked = new BitSet(graph.getEdges());
        BitSet tested = new BitSet(graph.getEdges());
        for (PreparedGeometry area : prepared) {
            Envelope e = area.getGeometry().getEnvelopeInternal();
            tested.clear();
            index.query(new BBox(e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()), edge -> {
                if (edge >= graph.getEdges() || blocked.get(edge) || tested.get(edge)) {
                    return;
                }
                tested.set(edge);
                PointList points =
                        graph.getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
                if (intersects(area, points)) {
                    blocked.set(edge);
                }
            });
        }
        return new BlockedEdges(graph, blocked, prepared);
    }

    int count() {
        return edges.cardinality();
    }

    boolean isFor(GraphHopper hopper) {
        return hopper.getBaseGraph() == graph;
    }

    private static boolean intersects(PreparedGeometry area, PointList points) {
        if (points.isEmpty()) {
            return false;
        }
        Envelope box = new Envelope();
        for (int i = 0; i < points.size(); i++) {
            box.expandToInclude(points.getLon(i), points.getLat(i));
        }
        return box.intersects(area.getGeometry().getEnvelopeInternal()) && area.intersects(SafeRoutes.line(points));
    }

    /** GraphHopper's weightings, and for a request carrying blocked edges, one that refuses them. */
    static WeightingFactory factory(WeightingFactory plain) {
        return (profile, hints, disableTurnCosts) -> {
            Weighting weighting = plain.createWeighting(profile, hints, disableTurnCosts);
            BlockedEdges blocked = hints.getObject(HINT, null);
            return blocked == null ? weighting : blocked.new Refusing(weighting);
        };
    }

    /** Adds these blocked edges to a request's hints. */
    void addTo(PMap hints) {
        hints.putObject(HINT, this);
    }

    /** A weighting that refuses blocked edges; one per request, so its memory of cut pieces needs no lock. */
    private final class Refusing implements Weighting {

        private final Weighting plain;
        private final Map<Integer, Boolean> cutPieces = new HashMap<>();

        Refusing(Weighting plain) {
            this.plain = plain;
        }

        private boolean blocked(EdgeIteratorState edge) {
            int id = edge.getEdge();
            if (id < graph.getEdges()) {
                return edges.get(id);
            }
            return cutPieces.computeIfAbsent(id, k -> {
                PointList points = edge.fetchWayGeometry(FetchMode.ALL);
                return areas.stream().anyMatch(a -> intersects(a, points));
            });
        }

        @Override
        public double calcMinWeightPerDistance() {
            return plain.calcMinWeightPerDistance();
        }

        @Override
        public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
            return blocked(edge) ? Double.POSITIVE_INFINITY : plain.calcEdgeWeight(edge, reverse);
        }

        @Override
        public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
            return plain.calcEdgeMillis(edge, reverse);
        }

        @Override
        public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
            return plain.calcTurnWeight(inEdge, viaNode, outEdge);
        }

        @Override
        public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
            return plain.calcTurnMillis(inEdge, viaNode, outEdge);
        }

        @Override
        public boolean hasTurnCosts() {
            return plain.hasTurnCosts();
        }

        @Override
        public String getName() {
            return plain.getName();
        }

        @Override
        public String toString() {
            return plain + " refusing " + count() + " blocked edges";
        }
    }
}
