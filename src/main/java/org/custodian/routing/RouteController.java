package org.custodian.routing;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Callers;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Safe routes and closed roads through the API. */
@RestController
class RouteController {

    private final SafeRoutes routes;
    private final ClosedRoadStore closedRoads;
    private final Territory territory;
    private final RoadNetwork network;
    private final RoadNetworkImport imports;
    private final Callers callers;

    RouteController(
            SafeRoutes routes,
            ClosedRoadStore closedRoads,
            Territory territory,
            RoadNetwork network,
            RoadNetworkImport imports,
            Callers callers) {
        this.network = network;
        this.imports = imports;
        this.routes = routes;
        this.closedRoads = closedRoads;
        this.territory = territory;
        this.callers = callers;
    }

    /** A hazard area near or avoided; id and name are null for one outside the caller's regions. */
    record Hazard(@Nullable String id, @Nullable String name, double distanceMetres) {}

    record RouteView(
            double lengthMetres,
            double durationSeconds,
            double bufferMetres,
            List<Hazard> hazardsNearby,
            List<Hazard> avoided,
            int closedRoadsAvoided) {}

    @Operation(
            summary = "Plan a safe route by road",
            description =
                    "The shortest way by road between two points (from=LON,LAT and to=LON,LAT, WGS 84) or two settlements (fromSettlement, toSettlement), keeping the buffer (metres, 0 to 5000; 100 by default) clear of every active hazard area and off closed roads, as one GeoJSON Feature: a LineString with lengthMetres, durationSeconds, hazardsNearby (active hazard areas within 1 km: id, name, distance in metres) and avoided (those the shortest way would have crossed). Anyone signed in may call it; hazard areas outside the caller's regions are avoided all the same but answered without id and name, and settlements outside them are 404. Refused with 400 for a malformed point or buffer, and 422 naming the end that lies off the road network, on a part not connected to the other, or within a hazard area's buffer, or naming the hazard areas and closed roads that block every way.")
    @GetMapping(
            path = "/api/routes",
            produces = {"application/geo+json", "application/json"})
    GeoJsonFeature<RouteView> route(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Long fromSettlement,
            @RequestParam(required = false) @Nullable Long toSettlement,
            @RequestParam(required = false) @Nullable Double buffer) {
        return planned(routes, territory, callers.current(), from, to, fromSettlement, toSettlement, buffer);
    }

    /** The route between two ends given as the API takes them; the planner page asks the same. */
    static GeoJsonFeature<RouteView> planned(
            SafeRoutes routes,
            Territory territory,
            Scope scope,
            @Nullable String from,
            @Nullable String to,
            @Nullable Long fromSettlement,
            @Nullable Long toSettlement,
            @Nullable Double buffer) {
        Point a = end(territory, scope, "from", from, fromSettlement);
        Point b = end(territory, scope, "to", to, toSettlement);
        return view(scope, routes.planned(a, b, buffer), buffer == null ? routes.defaultBuffer() : buffer);
    }

    static GeoJsonFeature<RouteView> view(Scope scope, SafeRoutes.Planned planned, double buffer) {
        Route r = planned.route();
        return GeoJsonFeature.of(
                "route",
                r.line(),
                new RouteView(
                        Math.round(r.lengthMetres() * 10) / 10.0,
                        Math.round(r.durationSeconds() * 10) / 10.0,
                        buffer,
                        named(scope, r.hazardsNearby(), planned.nearbyRegions()),
                        named(scope, r.avoided(), planned.avoidedRegions()),
                        planned.closedRoads().size()));
    }

    private static List<Hazard> named(Scope scope, List<Route.HazardNearby> hazards, List<String> regions) {
        List<Hazard> out = new ArrayList<>();
        for (int i = 0; i < hazards.size(); i++) {
            Route.HazardNearby h = hazards.get(i);
            out.add(
                    scope.reads(regions.get(i))
                            ? new Hazard(h.id(), h.name(), h.distanceMetres())
                            : new Hazard(null, null, h.distanceMetres()));
        }
        return out;
    }

    private static Point end(
            Territory territory, Scope scope, String name, @Nullable String lonLat, @Nullable Long settlement) {
        if (lonLat != null && settlement != null) {
            throw new InvalidParameter(name, Refusals.GIVE_EITHER_SETTLEMENT_BOTH, name, name);
        }
        if (settlement != null) {
            return territory.settlement(scope, settlement).location();
        }
        if (lonLat == null || lonLat.isBlank()) {
            throw new InvalidParameter(name, Refusals.GIVE_LON_LAT_SETTLEMENT_ID, name, name);
        }
        return point(name, lonLat);
    }

    static Point point(String name, String lonLat) {
        String[] parts = lonLat.split(",");
        if (parts.length != 2) {
            throw new InvalidParameter(name, Refusals.MUST_LON_LAT_DECIMAL_DEGREES);
        }
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(parts[0].strip());
            lat = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(name, Refusals.MUST_LON_LAT_DECIMAL_DEGREES);
        }
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new InvalidParameter(name, Refusals.LONGITUDE_MUST_LIE_180_180);
        }
        return Wgs84.point(lon, lat);
    }

    record ClosedRoadInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @NotNull LineString line,
            @NotBlank @Size(max = 1000) String reason,
            @Nullable Instant from,
            @Nullable Instant until) {}

    record ClosedRoadView(
            String regionCode,
            String name,
            String reason,
            Instant from,
            @Nullable Instant until,
            @Nullable Instant reopenedAt,
            boolean inForce,
            String closedBy,
            long version) {

        static GeoJsonFeature<ClosedRoadView> of(ClosedRoad c) {
            return GeoJsonFeature.of(
                    c.id(),
                    c.line(),
                    new ClosedRoadView(
                            c.regionCode(),
                            c.name(),
                            c.reason(),
                            c.closedFrom(),
                            c.closedUntil(),
                            c.reopenedAt(),
                            c.inForceAt(Instant.now()),
                            c.closedBy(),
                            c.version()));
        }
    }

    record ReopenInput(@NotNull Long version, @Nullable Instant at) {}

    @Operation(
            summary = "List closed roads",
            description =
                    "Closed roads as a GeoJSON FeatureCollection along their line, with reason, from, until, whether in force now and who closed them. Anyone signed in may call it; it answers only the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/closed-roads",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> closedRoads() {
        List<GeoJsonFeature<ClosedRoadView>> features = closedRoads.closedRoads(callers.current()).stream()
                .map(ClosedRoadView::of)
                .toList();
        return Map.of("type", "FeatureCollection", "numberReturned", features.size(), "features", features);
    }

    @Operation(
            summary = "Close a road",
            description =
                    "Closes a road along a line (GeoJSON LineString, WGS 84) for a reason, from a moment (now by default) until another (open-ended by default); routes keep clear of it while it is in force. Administrators, and directors and officers of the region, may call it; other roles and regions are refused (403). An invalid line, one outside the region, or an end before the start is refused with 422.")
    @PostMapping(path = "/api/closed-roads", consumes = "application/json")
    ResponseEntity<GeoJsonFeature<ClosedRoadView>> close(@Valid @RequestBody ClosedRoadInput in) {
        line(in.line());
        ClosedRoad road = closedRoads.close(
                callers.current(),
                new ClosedRoadStore.Draft(in.regionCode(), in.name(), in.line(), in.reason(), in.from(), in.until()));
        return ResponseEntity.created(URI.create("/api/closed-roads/" + road.id()))
                .body(ClosedRoadView.of(road));
    }

    @Operation(
            summary = "Read a closed road",
            description =
                    "One closed road as a GeoJSON Feature. Anyone signed in may call it for a road of their regions; others get 404.")
    @GetMapping(
            path = "/api/closed-roads/{id}",
            produces = {"application/geo+json", "application/json"})
    GeoJsonFeature<ClosedRoadView> closedRoad(@PathVariable long id) {
        return ClosedRoadView.of(closedRoads.closedRoad(callers.current(), id));
    }

    @Operation(
            summary = "Reopen a closed road",
            description =
                    "Ends a closure now (or at the moment given); routes may use the road again. The body carries the version read: a stale one is refused with 409, and so is a road already reopened or whose closure has ended. Administrators, and directors and officers of the road's region, may call it; others are refused (403, or 404 for a road outside the caller's regions).")
    @PostMapping(path = "/api/closed-roads/{id}/reopen", consumes = "application/json")
    GeoJsonFeature<ClosedRoadView> reopen(@PathVariable long id, @Valid @RequestBody ReopenInput in) {
        return ClosedRoadView.of(closedRoads.reopen(callers.current(), id, in.version(), in.at()));
    }

    record NetworkView(
            String source, int edges, java.time.Instant builtAt, RoadNetworkImport.@Nullable Status latestImport) {}

    @Operation(
            summary = "Describe the road network in use",
            description =
                    "The road network routes are planned on: the file it was built from, its number of edges and when it was built, with where the latest import stands. Anyone signed in may call it.")
    @GetMapping(path = "/api/road-network", produces = MediaType.APPLICATION_JSON_VALUE)
    NetworkView describe() {
        callers.current();
        RoadNetwork.Graph g = network.graph();
        return new NetworkView(g.source(), g.edges(), g.builtAt(), imports.latest());
    }

    @Operation(
            summary = "Import a road network",
            description =
                    "Builds a road network from an uploaded OpenStreetMap file (multipart field file, XML or PBF) and puts it in use once complete; answers when done. Only administrators may call it (403 otherwise). A file that is not OpenStreetMap, is cut short or holds no road is refused with 422 and the network in use is kept; an import already under way gives 409.")
    @PostMapping(path = "/api/road-network", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RoadNetworkImport.Status importNetwork(@RequestParam("file") MultipartFile file) throws java.io.IOException {
        return imports.importNow(callers.current(), RoadNetworkController.name(file), file.getInputStream());
    }

    private static void line(LineString line) {
        line.setSRID(Wgs84.SRID);
    }
}
