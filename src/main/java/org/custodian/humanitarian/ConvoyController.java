package org.custodian.humanitarian;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aid convoys through the API: their manifests and the status history that says where they are held up. */
@RestController
class ConvoyController {

    private final Convoys convoys;
    private final Callers callers;

    ConvoyController(Convoys convoys, Callers callers) {
        this.convoys = convoys;
        this.callers = callers;
    }

    record ConvoyInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String organisation,
            @NotNull Point origin,
            @NotBlank @Size(max = 300) String originName,
            @NotNull Point destination,
            @NotBlank @Size(max = 300) String destinationName,
            @Nullable LineString route,
            @Nullable List<@Valid LineInput> manifest,
            @Nullable Set<Long> sources,
            @Nullable Instant plannedAt) {}

    record LineInput(
            @NotBlank @Size(max = 300) String item,
            @NotNull BigDecimal quantity,
            @NotBlank String unit) {

        ManifestLine line() {
            return new ManifestLine(item, quantity, Codes.of("unit", ManifestLine.Unit.class, unit));
        }
    }

    record ConvoyView(
            String reference,
            String regionCode,
            String organisation,
            String originName,
            String destinationName,
            Point origin,
            Point destination,
            Convoy.Status status,
            @Nullable Instant waitingSince,
            @Nullable Long daysWaiting,
            List<ManifestLine> manifest,
            List<StatusChange> history,
            Set<Long> sources,
            boolean routePlanned,
            long version) {}

    GeoJsonFeature<ConvoyView> convoy(Convoy c) {
        return GeoJsonFeature.of(
                c.id(),
                c.path(),
                new ConvoyView(
                        c.reference(),
                        c.regionCode(),
                        c.organisation(),
                        c.originName(),
                        c.destinationName(),
                        c.origin(),
                        c.destination(),
                        c.status(),
                        c.waitingSince(),
                        convoys.daysWaiting(c),
                        c.manifest(),
                        c.history(),
                        c.sources(),
                        c.route() != null,
                        c.version()));
    }

    @Operation(
            summary = "List aid convoys",
            description =
                    "Aid convoys as a GeoJSON FeatureCollection along their way, with organisation, ends, status, days held up, manifest and status history; filter by status. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region). An unknown status is refused with 422.")
    @GetMapping(
            path = "/api/convoys",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> convoys(@RequestParam(required = false) @Nullable String status) {
        Convoy.Status only = status == null ? null : Codes.of("status", Convoy.Status.class, status);
        return PlaceController.collection(convoys.convoys(callers.current()).stream()
                .filter(c -> only == null || c.status() == only)
                .map(this::convoy)
                .toList());
    }

    @Operation(
            summary = "Read an aid convoy",
            description =
                    "One aid convoy with its manifest, status history, cited sources and days held up. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/convoys/{id}")
    GeoJsonFeature<ConvoyView> convoy(@PathVariable long id) {
        return convoy(convoys.convoy(callers.current(), id));
    }

    @Operation(
            summary = "Record an aid convoy",
            description =
                    "Records a planned aid convoy: region, organisation, both ends with their names, route (planned by road when absent and a road network is installed), manifest lines and sources; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing organisation or end name, a planned time in the future, an unknown unit or source, a non-positive quantity, and an invalid or out-of-region geometry are refused with 422 naming the field.")
    @PostMapping("/api/convoys")
    ResponseEntity<GeoJsonFeature<ConvoyView>> recordConvoy(@Valid @RequestBody ConvoyInput in) {
        Convoy c = convoys.record(
                callers.current(),
                new Convoys.Draft(
                        in.regionCode(),
                        in.organisation(),
                        in.origin(),
                        in.originName(),
                        in.destination(),
                        in.destinationName(),
                        in.route(),
                        in.manifest() == null
                                ? List.of()
                                : in.manifest().stream().map(LineInput::line).toList(),
                        in.sources() == null ? Set.of() : in.sources(),
                        in.plannedAt()));
        return ResponseEntity.created(URI.create("/api/convoys/" + c.id())).body(convoy(c));
    }

    @Operation(
            summary = "Change an aid convoy's status",
            description =
                    "Moves a convoy to another status with the reason and time, as its history allows. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing reason, a time in the future or an unknown status is refused with 422; a move its history does not allow (a delivered convoy never moves again) or to the status it already has is refused with 409.")
    @PostMapping("/api/convoys/{id}/status")
    GeoJsonFeature<ConvoyView> changeConvoyStatus(
            @PathVariable long id, @Valid @RequestBody PlaceController.StatusInput in) {
        Convoy.Status to = Codes.of("status", Convoy.Status.class, in.status());
        return convoy(convoys.changeStatus(callers.current(), id, to, in.reason(), in.at()));
    }

    @Operation(
            summary = "Add a line to a convoy's manifest",
            description =
                    "Adds an item, its quantity and unit to the convoy's manifest. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing item, a quantity not above zero or an unknown unit is refused with 422; a delivered convoy's manifest is closed (409).")
    @PostMapping("/api/convoys/{id}/manifest")
    GeoJsonFeature<ConvoyView> load(@PathVariable long id, @Valid @RequestBody LineInput in) {
        return convoy(convoys.load(callers.current(), id, in.line()));
    }

    /** Removes a manifest line by its position, from 0. */
    @Operation(
            summary = "Remove a line from a convoy's manifest",
            description =
                    "Removes the manifest line at the given position, counting from 0. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A position with no line answers 404; a delivered convoy's manifest is closed (409).")
    @DeleteMapping("/api/convoys/{id}/manifest/{index}")
    GeoJsonFeature<ConvoyView> unload(@PathVariable long id, @PathVariable int index) {
        return convoy(convoys.unload(callers.current(), id, index));
    }
}
