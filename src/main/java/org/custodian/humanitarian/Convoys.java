package org.custodian.humanitarian;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sequences;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aid convoys: their manifests, their status history and how long they have been held up. */
@Service
@Transactional(readOnly = true)
public class Convoys {

    private final ConvoyRecords convoys;
    private final Territory territory;
    private final RegionTimes times;
    private final Sources sources;
    private final Sequences sequences;
    private final PlannedRoutes routes;

    Convoys(
            ConvoyRecords convoys,
            Territory territory,
            RegionTimes times,
            Sources sources,
            Sequences sequences,
            PlannedRoutes routes) {
        this.convoys = convoys;
        this.territory = territory;
        this.times = times;
        this.sources = sources;
        this.sequences = sequences;
        this.routes = routes;
    }

    /** A convoy as planned: who sends it, from where to where, by which way (planned by road if not given). */
    public record Draft(
            String regionCode,
            String organisation,
            Point origin,
            String originName,
            Point destination,
            String destinationName,
            @Nullable LineString route,
            List<ManifestLine> manifest,
            Set<Long> sources,
            @Nullable Instant plannedAt) {}

    public List<Convoy> convoys(Scope scope) {
        return convoys.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    /** The convoys by status, in the order of the statuses. */
    public Map<Convoy.Status, List<Convoy>> board(Scope scope) {
        Map<Convoy.Status, List<Convoy>> board = new EnumMap<>(Convoy.Status.class);
        for (Convoy.Status s : Convoy.Status.values()) {
            board.put(s, new java.util.ArrayList<>());
        }
        convoys(scope).forEach(c -> board.get(c.status()).add(c));
        return board;
    }

    public Convoy convoy(Scope scope, long id) {
        return convoys.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_CONVOY, id));
    }

    @Transactional
    public Convoy record(Scope scope, Draft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        if (d.organisation().isBlank()) {
            throw new RuleViolated("organisation", Refusals.NAME_ORGANISATION_SENDS_CONVOY);
        }
        if (d.originName().isBlank() || d.destinationName().isBlank()) {
            throw new RuleViolated(
                    d.originName().isBlank() ? "originName" : "destinationName", Refusals.NAME_BOTH_ENDS);
        }
        GeometryRules.check("origin", d.origin(), Set.of("Point"));
        GeometryRules.check("destination", d.destination(), Set.of("Point"));
        if (d.route() != null) {
            GeometryRules.check("route", d.route(), Set.of("LineString"));
        }
        d.sources().forEach(id -> sources.require("sources", id));
        Instant at = d.plannedAt() == null ? Instant.now() : d.plannedAt();
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("plannedAt", Refusals.CONVOY_RECORDED_WHEN_PLANNED_LATER);
        }
        LineString route = routes.wayOf(d.route(), d.origin(), d.destination());
        String reference = region.code() + "-CV-" + String.format("%05d", sequences.next("humanitarian_convoy_number"));
        Convoy convoy = new Convoy(reference, d, route, scope.username(), at);
        region.requireHolds("destination", Refusals.WHAT_CONVOY_WAY, convoy.path());
        return convoys.save(convoy);
    }

    /** Moves the convoy to another status with the reason, as its history allows. */
    @Transactional
    public Convoy changeStatus(Scope scope, long id, Convoy.Status to, String reason, @Nullable Instant at) {
        Convoy convoy = writable(scope, id);
        convoy.changeStatus(to, reason, scope.username(), at == null ? Instant.now() : at);
        return convoy;
    }

    @Transactional
    public Convoy load(Scope scope, long id, ManifestLine line) {
        Convoy convoy = writable(scope, id);
        convoy.load(line);
        return convoy;
    }

    @Transactional
    public Convoy unload(Scope scope, long id, int index) {
        Convoy convoy = writable(scope, id);
        convoy.unload(index);
        return convoy;
    }

    /** Whole days the convoy has been held up, counted in its region's days; null when it is not held up. */
    public @Nullable Long daysWaiting(Convoy convoy) {
        Instant since = convoy.waitingSince();
        if (since == null) {
            return null;
        }
        var zone = times.zone(convoy.regionCode());
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(since, zone), LocalDate.now(zone));
    }

    private Convoy writable(Scope scope, long id) {
        Convoy convoy = convoy(scope, id);
        territory.writableRegion(scope, convoy.regionCode());
        return convoy;
    }
}
