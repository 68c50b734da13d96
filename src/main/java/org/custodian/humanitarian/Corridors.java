package org.custodian.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Humanitarian corridors and the stations along them. Reads go through the caller's regions; officers and
 * directors of a region open corridors there and change their status.
 */
@Service
@Transactional(readOnly = true)
public class Corridors {

    private final CorridorRecords corridors;
    private final StationRecords stations;
    private final Territory territory;
    private final Sources sources;
    private final PlannedRoutes routes;

    Corridors(
            CorridorRecords corridors,
            StationRecords stations,
            Territory territory,
            Sources sources,
            PlannedRoutes routes) {
        this.corridors = corridors;
        this.stations = stations;
        this.territory = territory;
        this.sources = sources;
        this.routes = routes;
    }

    /**
     * A corridor: its line, or the two ends to plan it between by road; its first status and why; who
     * guarantees it; the sources.
     */
    public record CorridorDraft(
            String regionCode,
            String name,
            @Nullable LineString line,
            @Nullable Point from,
            @Nullable Point to,
            Corridor.Status status,
            @Nullable String reason,
            @Nullable Instant at,
            Set<Long> guarantors,
            Set<Long> sources) {}

    public record StationDraft(
            String regionCode,
            @Nullable Long corridorId,
            String name,
            Point location,
            Set<Station.Service> services,
            @Nullable Integer capacity) {}

    public List<Corridor> corridors(Scope scope) {
        return corridors.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public Corridor corridor(Scope scope, long id) {
        return corridors
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_CORRIDOR, id));
    }

    @Transactional
    public Corridor open(Scope scope, CorridorDraft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        if (d.name().isBlank()) {
            throw new RuleViolated("name", Refusals.NAME_CORRIDOR);
        }
        LineString line = d.line();
        if (line == null) {
            if (d.from() == null || d.to() == null) {
                throw new RuleViolated("line", Refusals.GIVE_CORRIDOR_S_LINE_BOTH);
            }
            GeometryRules.check("from", d.from(), Set.of("Point"));
            GeometryRules.check("to", d.to(), Set.of("Point"));
            line = routes.wayOf(null, d.from(), d.to());
            if (line == null) {
                throw new RuleViolated("line", Refusals.NO_ROAD_NETWORK_IS_INSTALLED);
            }
        }
        GeometryRules.check("line", line, Set.of("LineString"));
        region.requireHolds("line", Refusals.WHAT_CORRIDOR, line);
        Set<Long> agencies = territory.agencies().stream()
                .map(org.custodian.territory.Agency::id)
                .collect(java.util.stream.Collectors.toSet());
        d.guarantors().stream().filter(a -> !agencies.contains(a)).findFirst().ifPresent(a -> {
            throw new RuleViolated("guarantors", CommonRefusals.NO_AGENCY, a);
        });
        d.sources().forEach(id -> sources.require("sources", id));
        Corridor corridor = new Corridor(region.code(), d.name().strip(), line, d.guarantors(), d.sources());
        corridor.changeStatus(
                d.status(),
                d.reason() == null || d.reason().isBlank() ? "recorded" : d.reason(),
                scope.username(),
                d.at() == null ? Instant.now() : d.at());
        return corridors.save(corridor);
    }

    @Transactional
    public Corridor changeStatus(Scope scope, long id, Corridor.Status to, String reason, @Nullable Instant at) {
        Corridor corridor = corridor(scope, id);
        territory.writableRegion(scope, corridor.regionCode());
        corridor.changeStatus(to, reason, scope.username(), at == null ? Instant.now() : at);
        return corridor;
    }

    public List<Station> stations(Scope scope) {
        return stations.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public List<Station> stationsOf(Scope scope, long corridorId) {
        return stations(scope).stream()
                .filter(s -> Long.valueOf(corridorId).equals(s.corridorId()))
                .toList();
    }

    public Station station(Scope scope, long id) {
        return stations.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_STATION, id));
    }

    @Transactional
    public Station addStation(Scope scope, StationDraft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        if (d.name().isBlank()) {
            throw new RuleViolated("name", Refusals.NAME_STATION);
        }
        GeometryRules.check("location", d.location(), Set.of("Point"));
        region.requireHolds("location", Refusals.WHAT_STATION, d.location());
        if (d.capacity() != null && d.capacity() < 0) {
            throw new RuleViolated("capacity", Refusals.CAPACITY_CANNOT_NEGATIVE);
        }
        if (d.services().isEmpty()) {
            throw new RuleViolated("services", Refusals.SAY_WHAT_STATION_OFFERS);
        }
        if (d.corridorId() != null) {
            try {
                corridor(scope, d.corridorId());
            } catch (RecordNotFound e) {
                throw new RuleViolated("corridorId", Refusals.NO_CORRIDOR, d.corridorId());
            }
        }
        return stations.save(
                new Station(region.code(), d.corridorId(), d.name().strip(), d.location(), d.services(), d.capacity()));
    }
}
