package org.custodian.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.JsonFeature;
import com.graphhopper.util.JsonFeatureCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.geo.Wgs84;
import org.custodian.mineaction.HazardAreaChanged;
import org.custodian.mineaction.MineAction;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What routes keep clear of: the active hazard areas (the part not yet released) and the roads closed now.
 * Kept in memory, filled once from mine action and the closed-road store, then following
 * {@link HazardAreaChanged} and closed-road changes as they commit; never read per request.
 *
 * <p>Each change bumps a version. The buffered areas and the GraphHopper custom model made from them are
 * cached per version, buffer and set of closures in force, because compiling a model costs milliseconds.
 * Thread-safe.
 */
@Component
class AreasToAvoid {

    /** An active hazard area. */
    record Hazard(long id, String reference, String name, String regionCode, Geometry remaining) {}

    /** A closed road, in force from {@code from} until {@code until} (open-ended when null). */
    record Closure(
            long id,
            String name,
            String regionCode,
            LineString line,
            Instant from,
            @Nullable Instant until) {

        boolean inForceAt(Instant at) {
            return !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    /** What one request avoids: each hazard grown by the buffer, each closure grown by half a road's width. */
    record Avoidance(
            long version,
            double bufferMetres,
            List<Hazard> hazards,
            List<Geometry> grownHazards,
            List<Closure> closures,
            List<Geometry> grownClosures,
            @Nullable CustomModel model) {}

    private record Key(long version, double buffer, Set<Long> closures) {}

    private final MineAction mineAction;
    private final ClosedRoads closedRoads;
    private final double closedRoadWidthMetres;
    private final Map<Long, Hazard> hazards = new ConcurrentHashMap<>();
    private final Map<Long, Closure> closures = new ConcurrentHashMap<>();
    /** Hazard areas whose state came by event: the first full read must not overwrite them with older state. */
    private final Set<Long> followed = ConcurrentHashMap.newKeySet();

    private final AtomicLong version = new AtomicLong();
    private final Cache<Key, Avoidance> models =
            Caffeine.newBuilder().maximumSize(16).build();
    private volatile boolean loaded;

    AreasToAvoid(
            MineAction mineAction,
            ClosedRoads closedRoads,
            @Value("${custodian.routing.closed-road-width-metres:30}") double closedRoadWidthMetres) {
        this.mineAction = mineAction;
        this.closedRoads = closedRoads;
        this.closedRoadWidthMetres = closedRoadWidthMetres;
    }

    @TransactionalEventListener
    void on(HazardAreaChanged changed) {
        followed.add(changed.hazardAreaId());
        apply(changed);
        version.incrementAndGet();
    }

    /** A road was closed or reopened: taken into account once the transaction under way commits. */
    void changed(Closure closure) {
        Runnable apply = () -> {
            closures.put(closure.id(), closure);
            version.incrementAndGet();
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }

    private void apply(HazardAreaChanged c) {
        if (c.active() && c.remaining() instanceof Polygonal) {
            Geometry area = c.remaining().copy();
            area.setSRID(Wgs84.SRID);
            hazards.put(c.hazardAreaId(), new Hazard(c.hazardAreaId(), c.reference(), c.name(), c.regionCode(), area));
        } else {
            hazards.remove(c.hazardAreaId());
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            for (HazardAreaChanged state : mineAction.hazardAreaStates()) {
                if (!followed.contains(state.hazardAreaId())) {
                    apply(state);
                }
            }
            closedRoads.findNotEnded(Instant.now()).forEach(c -> closures.putIfAbsent(c.id(), c.closure()));
            loaded = true;
            version.incrementAndGet();
        }
    }

    /** The version of the areas to avoid: it changes with every hazard area or closure that changes. */
    long version() {
        load();
        return version.get();
    }

    /** The active hazard areas, by reference. */
    List<Hazard> hazards() {
        load();
        return hazards.values().stream()
                .sorted(Comparator.comparing(Hazard::reference))
                .toList();
    }

    /** What to avoid now with this buffer around hazard areas. */
    Avoidance at(Instant now, double bufferMetres) {
        load();
        long v = version.get();
        List<Closure> inForce = closures.values().stream()
                .filter(c -> c.inForceAt(now))
                .sorted(Comparator.comparingLong(Closure::id))
                .toList();
        Key key = new Key(
                v, bufferMetres, Set.copyOf(inForce.stream().map(Closure::id).toList()));
        return models.get(key, k -> build(v, bufferMetres, inForce));
    }

    private Avoidance build(long v, double bufferMetres, List<Closure> inForce) {
        List<Hazard> active = hazards();
        List<Geometry> grown = new ArrayList<>(active.size());
        for (Hazard h : active) {
            grown.add(Buffers.grow(h.remaining(), bufferMetres));
        }
        List<Geometry> grownClosures = new ArrayList<>(inForce.size());
        for (Closure c : inForce) {
            grownClosures.add(Buffers.grow(c.line(), closedRoadWidthMetres / 2));
        }
        List<Geometry> all = new ArrayList<>(grown);
        all.addAll(grownClosures);
        CustomModel model = null;
        if (!all.isEmpty()) {
            Geometry union = UnaryUnionOp.union(all);
            JsonFeature feature = new JsonFeature("avoid", null, null, union, Map.of());
            JsonFeatureCollection areas = new JsonFeatureCollection();
            areas.getFeatures().add(feature);
            model = new CustomModel();
            model.setAreas(areas);
            model.addToPriority(Statement.If("in_avoid", Statement.Op.MULTIPLY, "0"));
        }
        return new Avoidance(v, bufferMetres, active, grown, inForce, grownClosures, model);
    }
}
