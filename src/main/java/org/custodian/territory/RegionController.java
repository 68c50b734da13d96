package org.custodian.territory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
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

    @GetMapping
    GeoJsonFeatureCollection<RegionProperties> list() {
        return GeoJsonFeatureCollection.of(
                territory.regions().stream().map(RegionController::feature).toList());
    }

    @GetMapping("/{code}")
    GeoJsonFeature<RegionProperties> get(@PathVariable String code) {
        return feature(territory.region(code));
    }

    @PostMapping
    ResponseEntity<GeoJsonFeature<RegionProperties>> create(@Valid @RequestBody GeoJsonFeature<RegionProperties> body) {
        Region region = territory.createRegion(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/regions/" + region.code()))
                .body(feature(region));
    }

    @PutMapping("/{code}")
    GeoJsonFeature<RegionProperties> update(
            @PathVariable String code, @Valid @RequestBody GeoJsonFeature<RegionProperties> body) {
        return feature(territory.updateRegion(
                callers.current(), code, requireVersion(body.properties().version()), draft(body)));
    }

    @DeleteMapping("/{code}")
    ResponseEntity<Void> delete(@PathVariable String code) {
        territory.deleteRegion(callers.current(), code);
        return ResponseEntity.noContent().build();
    }

    static long requireVersion(@Nullable Long version) {
        if (version == null) {
            throw new RuleViolated("version", "give the version you are changing");
        }
        return version;
    }

    private static Territory.RegionDraft draft(GeoJsonFeature<RegionProperties> body) {
        RegionProperties p = body.properties();
        ZoneId zone;
        try {
            zone = ZoneId.of(p.timeZone() == null ? "UTC" : p.timeZone());
        } catch (DateTimeException e) {
            throw new RuleViolated("timeZone", "'" + p.timeZone() + "' is not a time zone (for example Asia/Baku)");
        }
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
