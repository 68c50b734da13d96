package org.custodian.humanitarian;

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

    @GetMapping(
            path = "/api/corridors",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> corridors() {
        return collection(corridors.corridors(callers.current()).stream()
                .map(CorridorView::of)
                .toList());
    }

    @GetMapping("/api/corridors/{id}")
    GeoJsonFeature<CorridorView> corridor(@PathVariable long id) {
        return CorridorView.of(corridors.corridor(callers.current(), id));
    }

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

    @PostMapping("/api/corridors/{id}/status")
    GeoJsonFeature<CorridorView> changeStatus(@PathVariable long id, @Valid @RequestBody StatusInput in) {
        Corridor.Status to = Codes.of("status", Corridor.Status.class, in.status());
        return CorridorView.of(corridors.changeStatus(callers.current(), id, to, in.reason(), in.at()));
    }

    @GetMapping(
            path = "/api/stations",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> stations() {
        return collection(corridors.stations(callers.current()).stream()
                .map(StationView::of)
                .toList());
    }

    @GetMapping("/api/stations/{id}")
    GeoJsonFeature<StationView> station(@PathVariable long id) {
        return StationView.of(corridors.station(callers.current(), id));
    }

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

    @GetMapping(
            path = "/api/shelters",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> shelters() {
        return collection(shelters.shelters(callers.current()).stream()
                .map(ShelterView::of)
                .toList());
    }

    @GetMapping("/api/shelters/{id}")
    GeoJsonFeature<ShelterView> shelter(@PathVariable long id) {
        return ShelterView.of(shelters.shelter(callers.current(), id));
    }

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

    @PostMapping("/api/shelters/{id}/occupancy")
    GeoJsonFeature<ShelterView> count(@PathVariable long id, @Valid @RequestBody CountInput in) {
        Scope scope = callers.current();
        return ShelterView.of(shelters.count(
                scope, id, in.on(), Objects.requireNonNull(People.whole("people", in.people())), in.sourceId()));
    }
}
