package org.custodian.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.PointList;
import com.graphhopper.util.exceptions.PointNotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.Wgs84;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.Reason;
import org.custodian.platform.Refusal;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Plans the shortest way by road that keeps clear of the areas to avoid. The way is first planned with no
 * area avoided: the hazard areas that way would have crossed are those the safe way {@code avoided}, and
 * those that block every way when there is no safe one. Before answering, the safe way is checked against
 * every grown area once more, so that a route never crosses an active hazard area, its buffer, or a closed
 * road, whatever the graph.
 */
@Service
class SafeRoutes implements RoutePlanner {

    /** How far from a route an active hazard area is reported as nearby. */
    static final double NEARBY_METRES = 1000;

    static final double MAX_BUFFER_METRES = 5000;

    /** A planned route with the regions of the hazard areas it names, so that callers can be told only theirs. */
    record Planned(Route route, List<String> nearbyRegions, List<String> avoidedRegions, List<String> closedRoads) {}

    private final RoadNetwork network;
    private final AreasToAvoid areas;
    private final double defaultBuffer;
    private final double maxSnapMetres;
    /** By the areas' reading (compared by identity, as cached by {@link AreasToAvoid}). */
    private final Cache<AreasToAvoid.Avoidance, BlockedEdges> blockedEdges =
            Caffeine.newBuilder().weakKeys().maximumSize(16).build();
    /** Plans safe ways beside direct ones; as many threads as cores, so that waiting plans queue. */
    private final ExecutorService besides = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("safe-route-", 0).daemon().factory());

    SafeRoutes(
            RoadNetwork network,
            AreasToAvoid areas,
            @Value("${custodian.routing.buffer-metres:100}") double defaultBuffer,
            @Value("${custodian.routing.max-snap-metres:2000}") double maxSnapMetres) {
        this.network = network;
        this.areas = areas;
        this.defaultBuffer = defaultBuffer;
        this.maxSnapMetres = maxSnapMetres;
    }

    double defaultBuffer() {
        return defaultBuffer;
    }

    @Override
    public Route plan(Point from, Point to, @Nullable Double bufferMetres) {
        return planned(from, to, bufferMetres).route();
    }

    Planned planned(Point from, Point to, @Nullable Double bufferMetres) {
        double buffer = bufferMetres == null ? defaultBuffer : bufferMetres;
        if (!(buffer >= 0 && buffer <= MAX_BUFFER_METRES)) {
            throw new InvalidParameter("buffer", Refusals.MUST_BETWEEN_0_METRES, (int) MAX_BUFFER_METRES);
        }
        if (from.equalsExact(to)) {
            throw new RuleViolated("to", Refusals.ROUTE_STARTS_ENDS_SAME_PLACE);
        }
        RoadNetwork.Graph graph = network.graph();
        AreasToAvoid.Avoidance avoid = areas.at(Instant.now(), buffer);
        refuseEndsInside("from", from, avoid);
        refuseEndsInside("to", to, avoid);

        // The safe way is planned beside the direct one when an area to avoid lies near the straight line
        // between the ends (where the direct way would most likely cross it): one waits for the slower of
        // the two plans instead of their sum. Elsewhere the safe way is planned only when the direct one crosses.
        BlockedEdges blocked = avoid.any() ? blockedOn(graph, avoid) : null;
        CompletableFuture<GHResponse> speculative = blocked != null && near(from, to, avoid)
                ? CompletableFuture.supplyAsync(() -> route(graph, from, to, blocked), besides)
                : null;
        GHResponse direct = route(graph, from, to, null);
        if (direct.hasErrors()) {
            throw offNetwork(graph, from, to, direct.getErrors());
        }
        requireNearRoad("from", from, direct.getBest().getWaypoints(), 0, false);
        requireNearRoad("to", to, direct.getBest().getWaypoints(), 1, false);
        LineString directLine = line(direct.getBest().getPoints());

        ResponsePath path = direct.getBest();
        List<Integer> crossed = crossed(directLine, avoid.grownHazards());
        List<Integer> closed = crossed(directLine, avoid.grownClosures());
        if (blocked != null && (!crossed.isEmpty() || !closed.isEmpty())) {
            GHResponse safe = speculative != null ? speculative.join() : route(graph, from, to, blocked);
            if (safe.hasErrors()) {
                throw blocked(avoid, crossed, closed);
            }
            path = safe.getBest();
            requireNearRoad("from", from, path.getWaypoints(), 0, true);
            requireNearRoad("to", to, path.getWaypoints(), 1, true);
        }
        LineString line = line(path.getPoints());
        List<Integer> stillCrossed = crossed(line, avoid.grownHazards());
        List<Integer> stillClosed = crossed(line, avoid.grownClosures());
        if (!stillCrossed.isEmpty() || !stillClosed.isEmpty()) {
            throw blocked(avoid, stillCrossed, stillClosed);
        }
        List<Route.HazardNearby> nearby = new ArrayList<>();
        List<String> nearbyRegions = new ArrayList<>();
        Envelope reach = line.getEnvelopeInternal();
        double nearDegrees = Buffers.degreesFor(NEARBY_METRES, reach.getMaxY()) * 1.1;
        reach.expandBy(nearDegrees);
        for (AreasToAvoid.Hazard h : avoid.hazards()) {
            // Cheap tests in degrees first (never closer than the metres they stand for): the exact distance
            // projects the whole line again for each area, costly for a long route near many areas.
            if (!reach.intersects(h.remaining().getEnvelopeInternal())
                    || !line.isWithinDistance(h.remaining(), nearDegrees)) {
                continue;
            }
            double d = Buffers.distanceMetres(line, h.remaining());
            if (d <= NEARBY_METRES) {
                nearby.add(new Route.HazardNearby(String.valueOf(h.id()), h.name(), Math.round(d * 10) / 10.0));
                nearbyRegions.add(h.regionCode());
            }
        }
        List<Route.HazardNearby> avoided = new ArrayList<>();
        List<String> avoidedRegions = new ArrayList<>();
        for (int i : crossed) {
            AreasToAvoid.Hazard h = avoid.hazards().get(i);
            avoided.add(new Route.HazardNearby(
                    String.valueOf(h.id()),
                    h.name(),
                    Math.round(Buffers.distanceMetres(line, h.remaining()) * 10) / 10.0));
            avoidedRegions.add(h.regionCode());
        }
        List<String> closedNames =
                closed.stream().map(i -> avoid.closures().get(i).name()).toList();
        return new Planned(
                new Route(line, path.getDistance(), path.getTime() / 1000.0, nearby, avoided),
                nearbyRegions,
                avoidedRegions,
                closedNames);
    }

    private static GHResponse route(RoadNetwork.Graph graph, Point from, Point to, @Nullable BlockedEdges blocked) {
        GHRequest request =
                new GHRequest(from.getY(), from.getX(), to.getY(), to.getX()).setProfile(RoadNetwork.PROFILE);
        if (blocked != null) {
            blocked.addTo(request.getHints());
        }
        return graph.hopper().route(request);
    }

    /** The edges these areas block on this graph: found once per set of areas and road network. */
    private BlockedEdges blockedOn(RoadNetwork.Graph graph, AreasToAvoid.Avoidance avoid) {
        BlockedEdges known = blockedEdges.getIfPresent(avoid);
        if (known != null && known.isFor(graph.hopper())) {
            return known;
        }
        BlockedEdges found = BlockedEdges.of(graph.hopper(), avoid.grown());
        blockedEdges.put(avoid, found);
        return found;
    }

    /** Whether an area to avoid lies within the ends' box, widened by a quarter of its diagonal. */
    private static boolean near(Point from, Point to, AreasToAvoid.Avoidance avoid) {
        Envelope box = new Envelope(from.getCoordinate(), to.getCoordinate());
        box.expandBy(Math.hypot(box.getWidth(), box.getHeight()) / 4);
        return avoid.grownHazards().stream().anyMatch(g -> box.intersects(g.getEnvelopeInternal()))
                || avoid.grownClosures().stream().anyMatch(g -> box.intersects(g.getEnvelopeInternal()));
    }

    @PreDestroy
    void stop() {
        besides.shutdownNow();
    }

    private static void refuseEndsInside(String end, Point p, AreasToAvoid.Avoidance avoid) {
        for (int i = 0; i < avoid.hazards().size(); i++) {
            Geometry grown = avoid.grownHazards().get(i);
            if (grown.getEnvelopeInternal().contains(p.getCoordinate()) && grown.covers(p)) {
                AreasToAvoid.Hazard h = avoid.hazards().get(i);
                throw new RuleViolated(
                        end,
                        end.equals("from") ? Refusals.START_IN_HAZARD_AREA : Refusals.DESTINATION_IN_HAZARD_AREA,
                        h.reference(),
                        h.name(),
                        Math.round(avoid.bufferMetres()));
            }
        }
    }

    private void requireNearRoad(String end, Point p, PointList waypoints, int index, boolean blocked) {
        if (waypoints.size() <= index) {
            return;
        }
        int i = index == 0 ? 0 : waypoints.size() - 1;
        double d = GeodesicMeasure.distanceMetres(
                p.getCoordinate(), new Coordinate(waypoints.getLon(i), waypoints.getLat(i)));
        if (d > maxSnapMetres) {
            Refusal refusal = end.equals("from")
                    ? (blocked ? Refusals.START_FAR_FROM_OPEN_ROAD : Refusals.START_FAR_FROM_ROAD)
                    : (blocked ? Refusals.DESTINATION_FAR_FROM_OPEN_ROAD : Refusals.DESTINATION_FAR_FROM_ROAD);
            throw new RuleViolated(end, refusal, Math.round(d), Math.round(maxSnapMetres));
        }
    }

    private static List<Integer> crossed(LineString line, List<Geometry> grown) {
        List<Integer> out = new ArrayList<>();
        Envelope e = line.getEnvelopeInternal();
        PreparedGeometry prepared = null;
        for (int i = 0; i < grown.size(); i++) {
            Geometry g = grown.get(i);
            if (!e.intersects(g.getEnvelopeInternal())) {
                continue;
            }
            if (prepared == null) {
                prepared = PreparedGeometryFactory.prepare(line);
            }
            if (prepared.intersects(g)) {
                out.add(i);
            }
        }
        return out;
    }

    private static RuleViolated blocked(AreasToAvoid.Avoidance avoid, List<Integer> hazards, List<Integer> closures) {
        List<Reason> names = new ArrayList<>();
        hazards.stream()
                .map(avoid.hazards()::get)
                .sorted(Comparator.comparing(AreasToAvoid.Hazard::reference))
                .forEach(h -> names.add(Reason.of(Refusals.BLOCKING_HAZARD_AREA, h.reference(), h.name())));
        closures.stream()
                .map(avoid.closures()::get)
                .forEach(c -> names.add(Reason.of(Refusals.BLOCKING_CLOSED_ROAD, c.name())));
        return new RuleViolated(
                "to",
                Refusals.NO_WAY_CLEAR,
                Math.round(avoid.bufferMetres()),
                names.isEmpty() ? Reason.of(Refusals.THE_AREAS_TO_AVOID) : names);
    }

    /** Which end an unroutable request fails at: one off the network, or the one in the smaller separate part. */
    private RuleViolated offNetwork(RoadNetwork.Graph graph, Point from, Point to, List<Throwable> errors) {
        for (Throwable e : errors) {
            if (e instanceof PointNotFoundException p) {
                String end = p.getPointIndex() == 0 ? "from" : "to";
                return new RuleViolated(
                        end, end.equals("from") ? Refusals.START_NO_ROAD_NEAR : Refusals.DESTINATION_NO_ROAD_NEAR);
            }
        }
        String end = smallerPart(graph, from, to);
        return new RuleViolated(
                end, end.equals("from") ? Refusals.START_NOT_CONNECTED : Refusals.DESTINATION_NOT_CONNECTED);
    }

    /** Explores the graph from both ends at once, ignoring direction: the first to run out is the smaller part. */
    private static String smallerPart(RoadNetwork.Graph graph, Point from, Point to) {
        BaseGraph g = graph.hopper().getBaseGraph();
        Snap a = graph.hopper().getLocationIndex().findClosest(from.getY(), from.getX(), EdgeFilter.ALL_EDGES);
        Snap b = graph.hopper().getLocationIndex().findClosest(to.getY(), to.getX(), EdgeFilter.ALL_EDGES);
        if (!a.isValid()) {
            return "from";
        }
        if (!b.isValid()) {
            return "to";
        }
        EdgeExplorer explorer = g.createEdgeExplorer();
        BitSet seenA = new BitSet();
        BitSet seenB = new BitSet();
        Deque<Integer> qa = new ArrayDeque<>(List.of(a.getClosestNode()));
        Deque<Integer> qb = new ArrayDeque<>(List.of(b.getClosestNode()));
        seenA.set(a.getClosestNode());
        seenB.set(b.getClosestNode());
        while (true) {
            if (!step(explorer, qa, seenA)) {
                return "from";
            }
            if (!step(explorer, qb, seenB)) {
                return "to";
            }
        }
    }

    private static boolean step(EdgeExplorer explorer, Deque<Integer> queue, BitSet seen) {
        Integer node = queue.poll();
        if (node == null) {
            return false;
        }
        EdgeIterator it = explorer.setBaseNode(node);
        while (it.next()) {
            if (!seen.get(it.getAdjNode())) {
                seen.set(it.getAdjNode());
                queue.add(it.getAdjNode());
            }
        }
        return true;
    }

    static LineString line(PointList points) {
        Coordinate[] c = new Coordinate[Math.max(points.size(), 2)];
        for (int i = 0; i < points.size(); i++) {
            c[i] = new Coordinate(points.getLon(i), points.getLat(i));
        }
        if (points.size() == 1) {
            c[1] = c[0];
        }
        LineString line = Wgs84.FACTORY.createLineString(c);
        line.setSRID(Wgs84.SRID);
        return line;
    }

    static String describe(List<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }
}
