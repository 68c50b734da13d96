package org.custodian.territory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.geo.RegionRecords;
import org.custodian.platform.nodes.NodeNotices;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every region's boundary in memory, indexed for point-in-area tests, so that telling the region of a point (once
 * per field submission) asks the database nothing. Read whole on first use and again after a change:
 *
 * <ul>
 *   <li>a region created, changed or deleted on this node, once its transaction ends, and a region import;
 *   <li>on another node sharing the database: its {@link NodeNotices} notice, sent in the changing transaction
 *       and so delivered on commit. While this node does not hear the others (the listening connection lost) it
 *       asks the database instead of trusting what it holds;
 *   <li>a change behind the application's back (SQL by hand): seen within {@link #KEPT}, after which everything
 *       is read again anyway.
 * </ul>
 *
 * Thread-safe.
 */
@Component
class RegionBoundaries implements NodeNotices.Listener {

    static final String CHANNEL = "custodian_regions";

    /** The longest a reading is trusted without any notice: the bound for changes no node announced. */
    static final Duration KEPT = Duration.ofSeconds(30);

    /** A boundary with its index; the locator builds its index once, under its own lock, then only reads it. */
    private record Boundary(String code, Envelope envelope, IndexedPointInAreaLocator area) {

        boolean holds(Point point) {
            return envelope.covers(point.getCoordinate()) && area.locate(point.getCoordinate()) != Location.EXTERIOR;
        }
    }

    private record Reading(List<Boundary> byCode, long readAtNanos) {}

    private final Regions regions;
    private final NodeNotices notices;
    /** Moves with every change heard of, so that a reading begun before one is not kept. */
    private final AtomicLong changes = new AtomicLong();

    private volatile @Nullable Reading reading;

    RegionBoundaries(Regions regions, NodeNotices notices) {
        this.regions = regions;
        this.notices = notices;
        notices.listen(CHANNEL, this);
    }

    /** The code of the region whose boundary holds the point (inside or on it), the first by code. */
    Optional<String> codeAt(Point point) {
        if (!notices.listening()) {
            return regions.codesAt(point).stream().findFirst();
        }
        for (Boundary b : current().byCode()) {
            if (b.holds(point)) {
                return Optional.of(b.code());
            }
        }
        return Optional.empty();
    }

    private Reading current() {
        Reading r = reading;
        if (r != null && System.nanoTime() - r.readAtNanos() < KEPT.toNanos()) {
            return r;
        }
        long before = changes.get();
        List<Boundary> read = new ArrayList<>();
        for (Object[] row : regions.codesAndBoundaries()) {
            Geometry boundary = (Geometry) row[1];
            read.add(new Boundary(
                    (String) row[0], boundary.getEnvelopeInternal(), new IndexedPointInAreaLocator(boundary)));
        }
        Reading fresh = new Reading(List.copyOf(read), System.nanoTime());
        // A change heard while reading: this reading serves this request only.
        synchronized (this) {
            if (changes.get() == before) {
                reading = fresh;
            }
        }
        return fresh;
    }

    /**
     * A region is created, changed or deleted in the transaction under way: every node reads the boundaries again
     * once it commits. This node forgets them when the transaction ends either way, since a reading made within it
     * saw the change before it was committed.
     */
    void changed() {
        notices.send(CHANNEL, "");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                missed();
            }
        });
    }

    /** An import may have written a region's row directly: the other nodes hear of it if it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void tellOtherNodes(RegionRecords.Imported imported) {
        notices.send(CHANNEL, "");
    }

    /** As for a change made here: forgotten when the import ends, committed or not. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void on(RegionRecords.Imported imported) {
        missed();
    }

    /** Another node changed a region (or this one: every node hears a notice, its sender too). */
    @Override
    public void heard(String payload) {
        missed();
    }

    /** Forgets every boundary, to read them again on the next request. */
    @Override
    public synchronized void missed() {
        changes.incrementAndGet();
        reading = null;
    }
}
