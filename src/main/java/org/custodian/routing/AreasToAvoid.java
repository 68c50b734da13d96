package org.custodian.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.geo.RegionRecords;
import org.custodian.geo.Wgs84;
import org.custodian.mineaction.HazardAreaChanged;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.AfterCommit;
import org.custodian.platform.nodes.NodeNotices;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What routes keep clear of: the active hazard areas (the part not yet released) and the roads closed now.
 * Kept in memory, filled once from mine action and the closed-road store, then following
 * {@link HazardAreaChanged} and closed-road changes as they commit, and read again whole after a region import
 * ({@link RegionRecords.Imported}); never read per request.
 *
 * <p>Several nodes: a change made on one node reaches the others as a {@link NodeNotices} notice, on which they
 * read everything again (as after a lost connection), rather than a state that may be older than theirs.
 *
 * <p>Each change bumps a version. The buffered areas are cached per version, buffer and set of closures in
 * force, because growing a hundred areas costs milliseconds.
 * Thread-safe.
 */
@Component
class AreasToAvoid implements NodeNotices.Listener {

    static final String CHANNEL = "custodian_routing_areas";

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
            List<Geometry> grownClosures) {

        /** Whether there is anything to avoid. */
        boolean any() {
            return !grownHazards.isEmpty() || !grownClosures.isEmpty();
        }

        /** Every grown area, hazards then closures. */
        List<Geometry> grown() {
            List<Geometry> all = new ArrayList<>(grownHazards);
            all.addAll(grownClosures);
            return all;
        }
    }

    private record Key(long version, double buffer, Set<Long> closures) {}

    private final MineAction mineAction;
    private final ClosedRoads closedRoads;
    private final double closedRoadWidthMetres;
    // Replaced whole when read again, so that a request never sees half of a reading.
    private volatile Map<Long, Hazard> hazards = new ConcurrentHashMap<>();
    private volatile Map<Long, Closure> closures = new ConcurrentHashMap<>();

    private final AtomicLong version = new AtomicLong();
    private final AtomicLong heard = new AtomicLong();
    private final Cache<Key, Avoidance> models =
            Caffeine.newBuilder().maximumSize(16).build();
    private volatile boolean loaded;
    private final NodeNotices notices;
    private final String node = UUID.randomUUID().toString();

    AreasToAvoid(
            MineAction mineAction,
            ClosedRoads closedRoads,
            NodeNotices notices,
            @Value("${custodian.routing.closed-road-width-metres:30}") double closedRoadWidthMetres) {
        this.mineAction = mineAction;
        this.closedRoads = closedRoads;
        this.notices = notices;
        this.closedRoadWidthMetres = closedRoadWidthMetres;
        notices.listen(CHANNEL, this);
    }

    @TransactionalEventListener
    void on(HazardAreaChanged changed) {
        // Under the same lock as a reading, so that an older reading never overwrites this newer state.
        synchronized (this) {
            apply(hazards, changed);
            version.incrementAndGet();
        }
    }

    /** Part of the changing transaction: the other nodes hear of it when, and only if, it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void tellOtherNodes(HazardAreaChanged changed) {
        notices.send(CHANNEL, node);
    }

    /**
     * A region import wrote hazard areas and closed roads straight into their tables, with no change events:
     * everything is read again on the next request. An import is rare; reading all again is simpler than
     * telling which of its tables feed the areas.
     */
    @TransactionalEventListener
    void on(RegionRecords.Imported imported) {
        missed();
    }

    /** Part of the importing transaction, as for a changed hazard area. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void tellOtherNodes(RegionRecords.Imported imported) {
        notices.send(CHANNEL, node);
    }

    /** Another node changed a hazard area or a closed road: everything is read again on the next request. */
    @Override
    public void heard(String sender) {
        if (!node.equals(sender)) {
            missed();
        }
    }

    @Override
    public void missed() {
        heard.incrementAndGet();
        loaded = false;
        version.incrementAndGet();
    }

    /** A road was closed or reopened: taken into account once the transaction under way commits. */
    void changed(Closure closure) {
        notices.send(CHANNEL, node);
        Runnable apply = () -> {
            synchronized (this) {
                closures.put(closure.id(), closure);
                version.incrementAndGet();
            }
        };
        AfterCommit.run(apply);
    }

    private static void apply(Map<Long, Hazard> hazards, HazardAreaChanged c) {
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
            long heardBefore = heard.get();
            Map<Long, Hazard> readHazards = new ConcurrentHashMap<>();
            for (HazardAreaChanged state : mineAction.hazardAreaStates()) {
                apply(readHazards, state);
            }
            Map<Long, Closure> readClosures = new ConcurrentHashMap<>();
            closedRoads.findNotEnded(Instant.now()).forEach(c -> readClosures.put(c.id(), c.closure()));
            hazards = readHazards;
            closures = readClosures;
            // A notice heard while reading: read once more on the next request.
            loaded = heard.get() == heardBefore;
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
        return new Avoidance(v, bufferMetres, active, grown, inForce, grownClosures);
    }
}
