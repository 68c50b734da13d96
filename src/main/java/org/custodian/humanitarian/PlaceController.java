package org.custodian.humanitarian;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The places of humanitarian operations through the API: corridors, their stations, shelters. */
@RestController
class PlaceController {

    private final Corridors corridors;
    private final Shelters shelters;
    private final Callers callers;

    PlaceController(Corridors corridors, Shelters shelters, Callers callers) {
        this.corridors = corridors;
        this.shelters = shelters;
        this.callers = callers;
    }

    record CorridorInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @Nullable LineString line,
            @Nullable Point from,
            @Nullable Point to,
            Corridor.@Nullable Status status,
            @Nullable @Size(max = 1000) String reason,
            @Nullable Instant at,
            @Nullable Set<Long> guarantors,
            @Nullable Set<Long> sources) {}

    record CorridorView(
            String regionCode,
            String name,
            Corridor.Status status,
            List<StatusChange> history,
            Set<Long> guarantors,
            Set<Long> sources,
            long version) {

        static GeoJsonFeature<CorridorView> of(Corridor c) {
            return GeoJsonFeature.of(
                    c.id(),
                    c.line(),
                    new CorridorView(
                            c.regionCode(),
                            c.name(),
                            c.status(),
                            c.history(),
                            c.guarantors(),
                            c.sources(),
                            c.version()));
        }
    }

    record StatusInput(
            @NotBlank String status,
            @NotBlank @Size(max = 1000) String reason,
            @Nullable Instant at) {}

    record StationInput(
            @NotBlank String regionCode,
            @Nullable Long corridorId,
            @NotBlank @Size(max = 300) String name,
            @NotNull Point location,
            @NotNull Set<Station.Service> services,
            @Nullable BigDecimal capacity) {}

    record StationView(
            String regionCode,
            @Nullable Long corridorId,
            String name,
            Set<Station.Service> services,
            @Nullable Integer capacity) {

        static GeoJsonFeature<StationView> of(Station s) {
            return GeoJsonFeature.of(
                    s.id(),
                    s.location(),
                    new StationView(s.regionCode(), s.corridorId(), s.name(), s.services(), s.capacity()));
        }
    }

    record ShelterInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @NotNull Point location,
            @NotNull BigDecimal capacity) {}

    record ShelterView(
            String regionCode,
            String name,
            int capacity,
            @Nullable Integer occupied,
            List<Occupancy> occupancy) {

        static GeoJsonFeature<ShelterView> of(Shelter s) {
            return GeoJsonFeature.of(
                    s.id(),
                    s.location(),
                    new ShelterView(s.regionCode(), s.name(), s.capacity(), s.occupied(), s.occupancy()));
        }
    }

    record CountInput(
            @NotNull LocalDate on,
            @NotNull BigDecimal people,
            @Nullable Long sourceId) {}

    /** A FeatureCollection of the features given. */
    static Map<String, Object> collection(List<? extends GeoJsonFeature<?>> features) {
        return Map.of("type", "FeatureCollection", "numberReturned", features.size(), "features", features);
    }

    @Operation(
            summary = "List humanitarian corridors",
            description =
                    "Humanitarian corridors as a GeoJSON FeatureCollection along their line, with status, its history, guarantor agencies and sources. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/corridors",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> corridors() {
        return collection(corridors.corridors(callers.current()).stream()
                .map(CorridorView::of)
                .toList());
    }

    @Operation(
            summary = "Read a humanitarian corridor",
            description =
                    "One humanitarian corridor with its line, status history, guarantors and sources. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/corridors/{id}")
    GeoJsonFeature<CorridorView> corridor(@PathVariable long id) {
        return CorridorView.of(corridors.corridor(callers.current(), id));
    }

    @Operation(
            summary = "Open a humanitarian corridor",
            description =
                    "Records a humanitarian corridor: region, name, its line (or both ends, to plan it by road), status with reason, guarantor agencies and sources; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing name, neither a line nor both ends, ends given when no road network is installed, an unknown agency or source, and an invalid or out-of-region geometry are refused with 422 naming the field.")
    @PostMapping("/api/corridors")
    ResponseEntity<GeoJsonFeature<CorridorView>> open(@Valid @RequestBody CorridorInput in) {
        Corridor c = corridors.open(
                callers.current(),
                new Corridors.CorridorDraft(
                        in.regionCode(),
                        in.name(),
                        in.line(),
                        in.from(),
                        in.to(),
                        in.status() == null ? Corridor.Status.PLANNED : in.status(),
                        in.reason(),
                        in.at(),
                        in.guarantors() == null ? Set.of() : in.guarantors(),
                        in.sources() == null ? Set.of() : in.sources()));
        return ResponseEntity.created(URI.create("/api/corridors/" + c.id())).body(CorridorView.of(c));
    }

    @Operation(
            summary = "Change a corridor's status",
            description =
                    "Moves a humanitarian corridor to another status with the reason and time. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing reason, a time in the future or an unknown status is refused with 422; a move to the status it already has with 409.")
    @PostMapping("/api/corridors/{id}/status")
    GeoJsonFeature<CorridorView> changeStatus(@PathVariable long id, @Valid @RequestBody StatusInput in) {
        Corridor.Status to = Codes.of("status", Corridor.Status.class, in.status());
        return CorridorView.of(corridors.changeStatus(callers.current(), id, to, in.reason(), in.at()));
    }

    @Operation(
            summary = "List stations on corridors",
            description =
                    "Stations (medical care, food, water and other services) as a GeoJSON FeatureCollection of points, with their corridor, services and capacity. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/stations",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> stations() {
        return collection(corridors.stations(callers.current()).stream()
                .map(StationView::of)
                .toList());
    }

    @Operation(
            summary = "Read a station",
            description =
                    "One station with its corridor, services and capacity. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/stations/{id}")
    GeoJsonFeature<StationView> station(@PathVariable long id) {
        return StationView.of(corridors.station(callers.current(), id));
    }

    @Operation(
            summary = "Add a station",
            description =
                    "Records a station: region, corridor (optional), name, location, services and capacity; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing name or service, a negative or fractional capacity, an unknown corridor and an invalid or out-of-region location are refused with 422 naming the field.")
    @PostMapping("/api/stations")
    ResponseEntity<GeoJsonFeature<StationView>> addStation(@Valid @RequestBody StationInput in) {
        Station s = corridors.addStation(
                callers.current(),
                new Corridors.StationDraft(
                        in.regionCode(),
                        in.corridorId(),
                        in.name(),
                        in.location(),
                        in.services(),
                        People.whole("capacity", in.capacity())));
        return ResponseEntity.created(URI.create("/api/stations/" + s.id())).body(StationView.of(s));
    }

    @Operation(
            summary = "List shelters",
            description =
                    "Shelters as a GeoJSON FeatureCollection of points with capacity, people held at the latest count and the counts by day. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/shelters",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> shelters() {
        return collection(shelters.shelters(callers.current()).stream()
                .map(ShelterView::of)
                .toList());
    }

    @Operation(
            summary = "Read a shelter",
            description =
                    "One shelter with its capacity and its occupancy counts by day. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/shelters/{id}")
    GeoJsonFeature<ShelterView> shelter(@PathVariable long id) {
        return ShelterView.of(shelters.shelter(callers.current(), id));
    }

    @Operation(
            summary = "Open a shelter",
            description =
                    "Records a shelter: region, name, location and capacity; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing name, a negative or fractional capacity, and an invalid or out-of-region location are refused with 422 naming the field.")
    @PostMapping("/api/shelters")
    ResponseEntity<GeoJsonFeature<ShelterView>> openShelter(@Valid @RequestBody ShelterInput in) {
        Shelter s = shelters.open(
                callers.current(),
                new Shelters.ShelterDraft(
                        in.regionCode(),
                        in.name(),
                        in.location(),
                        Objects.requireNonNull(People.whole("capacity", in.capacity()))));
        return ResponseEntity.created(URI.create("/api/shelters/" + s.id())).body(ShelterView.of(s));
    }

    @Operation(
            summary = "Count the people in a shelter",
            description =
                    "Records how many people the shelter held on a day, with the source, replacing an earlier count of that day. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A negative or fractional number, a day in the future or an unknown source is refused with 422.")
    @PostMapping("/api/shelters/{id}/occupancy")
    GeoJsonFeature<ShelterView> count(@PathVariable long id, @Valid @RequestBody CountInput in) {
        Scope scope = callers.current();
        return ShelterView.of(shelters.count(
                scope, id, in.on(), Objects.requireNonNull(People.whole("people", in.people())), in.sourceId()));
    }
}
