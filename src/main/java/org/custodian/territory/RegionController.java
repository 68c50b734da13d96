package org.custodian.territory;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.ZoneId;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Regions as GeoJSON features: read by everyone signed in (they are the basemap), written by admins. */
@RestController
@RequestMapping("/api/regions")
class RegionController {

    private final Territory territory;
    private final Callers callers;

    RegionController(Territory territory, Callers callers) {
        this.territory = territory;
        this.callers = callers;
    }

    @Operation(
            summary = "List regions",
            description =
                    "Every region with its names in four languages, boundary and time zone, as a GeoJSON FeatureCollection. Anyone signed in may call it.")
    @GetMapping
    GeoJsonFeatureCollection<RegionProperties> list() {
        return GeoJsonFeatureCollection.of(
                territory.regions().stream().map(RegionController::feature).toList());
    }

    @Operation(
            summary = "Read a region",
            description = "One region by its code. Anyone signed in may call it; an unknown code answers 404.")
    @GetMapping("/{code}")
    GeoJsonFeature<RegionProperties> get(@PathVariable String code) {
        return feature(territory.region(code));
    }

    @Operation(
            summary = "Create a region",
            description =
                    "Creates a region with its code, names, boundary and time zone. Administrators only; anyone else is refused with 403. A taken code answers 409; an invalid boundary or unknown time zone 422.")
    @PostMapping
    ResponseEntity<GeoJsonFeature<RegionProperties>> create(@Valid @RequestBody GeoJsonFeature<RegionProperties> body) {
        Region region = territory.createRegion(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/regions/" + region.code()))
                .body(feature(region));
    }

    @Operation(
            summary = "Correct a region",
            description =
                    "Corrects a region's names, boundary and time zone. Administrators only; anyone else is refused with 403. The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/{code}")
    GeoJsonFeature<RegionProperties> update(
            @PathVariable String code, @Valid @RequestBody GeoJsonFeature<RegionProperties> body) {
        return feature(territory.updateRegion(
                callers.current(), code, requireVersion(body.properties().version()), draft(body)));
    }

    @Operation(
            summary = "Remove a region",
            description =
                    "Removes a region that no record refers to. Administrators only; anyone else is refused with 403. A region still in use is refused with 409.")
    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        territory.deleteRegion(callers.current(), code);
        return ResponseEntity.noContent().build();
    }

    static long requireVersion(@Nullable Long version) {
        if (version == null) {
            throw new RuleViolated("version", CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return version;
    }

    private static Territory.RegionDraft draft(GeoJsonFeature<RegionProperties> body) {
        RegionProperties p = body.properties();
        ZoneId zone = Territory.timeZone("timeZone", p.timeZone());
        return new Territory.RegionDraft(p.code(), p.names(), body.geometry(), p.boundaryNote(), zone);
    }

    static GeoJsonFeature<RegionProperties> feature(Region r) {
        return GeoJsonFeature.of(
                r.code(),
                r.boundary(),
                new RegionProperties(
                        r.code(), r.names(), r.boundaryNote(), r.zone().getId(), r.version()));
    }

    record RegionProperties(
            @NotBlank @Size(max = 16) String code,
            @NotNull @Valid Names names,
            @Nullable @Size(max = 500) String boundaryNote,
            @Nullable String timeZone,
            @Nullable Long version) {}
}
