package org.custodian.territory;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Settlements as GeoJSON point features, within the caller's scope; each estimate shows its source. */
@RestController
@RequestMapping("/api/settlements")
class SettlementController {

    private final Territory territory;
    private final Callers callers;
    private final Sources sources;

    SettlementController(Territory territory, Callers callers, Sources sources) {
        this.territory = territory;
        this.callers = callers;
        this.sources = sources;
    }

    @Operation(
            summary = "List settlements",
            description =
                    "Settlements with their population estimates and sources, as a GeoJSON FeatureCollection, optionally of one region. Anyone signed in may call it.")
    @GetMapping
    GeoJsonFeatureCollection<SettlementProperties> list(@RequestParam(required = false) @Nullable String region) {
        List<Settlement> found = territory.settlements(callers.current(), region);
        Map<Long, Sources.Citation> cited = sources.findAll(found.stream()
                .flatMap(s -> s.populationEstimates().stream())
                .map(PopulationEstimate::sourceId)
                .distinct()
                .toList());
        return GeoJsonFeatureCollection.of(
                found.stream().map(s -> feature(s, cited)).toList());
    }

    @Operation(
            summary = "Read a settlement",
            description = "One settlement with its population figures by source. Anyone signed in may call it.")
    @GetMapping("/{id}")
    GeoJsonFeature<SettlementProperties> get(@PathVariable long id) {
        Settlement s = territory.settlement(callers.current(), id);
        return feature(s, citations(s));
    }

    @Operation(
            summary = "Add a settlement",
            description =
                    "Adds a settlement of a region with its names, kind and place. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping
    ResponseEntity<GeoJsonFeature<SettlementProperties>> create(
            @Valid @RequestBody GeoJsonFeature<SettlementProperties> body) {
        Settlement s = territory.addSettlement(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/settlements/" + s.id())).body(feature(s, citations(s)));
    }

    @Operation(
            summary = "Correct a settlement",
            description =
                    "Corrects a settlement's names, kind and place. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/{id}")
    GeoJsonFeature<SettlementProperties> update(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<SettlementProperties> body) {
        Settlement s = territory.updateSettlement(
                callers.current(),
                id,
                RegionController.requireVersion(body.properties().version()),
                draft(body));
        return feature(s, citations(s));
    }

    @Operation(
            summary = "Remove a settlement",
            description =
                    "Removes a settlement. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A settlement still named by other records (SMS subscribers, loudspeaker announcements, meetings, beneficiaries, field visits, evacuations) is refused with 409 saying which, and nothing is removed.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        territory.deleteSettlement(callers.current(), id);
        return ResponseEntity.noContent().build();
    }

    private Map<Long, Sources.Citation> citations(Settlement s) {
        return sources.findAll(s.populationEstimates().stream()
                .map(PopulationEstimate::sourceId)
                .toList());
    }

    private static Territory.SettlementDraft draft(GeoJsonFeature<SettlementProperties> body) {
        if (!(body.geometry() instanceof Point point)) {
            throw new RuleViolated("geometry", Refusals.SETTLEMENT_LOCATED_POINT);
        }
        SettlementProperties p = body.properties();
        List<PopulationEstimate> estimates = p.populationEstimates() == null
                ? List.of()
                : p.populationEstimates().stream()
                        .map(e -> new PopulationEstimate(e.population(), e.asOf(), e.sourceId(), e.note()))
                        .toList();
        return new Territory.SettlementDraft(
                p.regionCode(), p.names(), p.kind(), point, p.underAdministrationSince(), estimates);
    }

    static GeoJsonFeature<SettlementProperties> feature(Settlement s, Map<Long, Sources.Citation> cited) {
        List<Estimate> estimates = s.populationEstimates().stream()
                .map(e -> new Estimate(e.population(), e.asOf(), e.sourceId(), e.note(), cited.get(e.sourceId())))
                .toList();
        return GeoJsonFeature.of(
                s.id(),
                s.location(),
                new SettlementProperties(
                        s.region().code(), s.names(), s.kind(), s.underAdministrationSince(), estimates, s.version()));
    }

    record SettlementProperties(
            @NotBlank String regionCode,
            @NotNull @Valid Names names,
            @NotNull SettlementKind kind,
            @Nullable LocalDate underAdministrationSince,
            @Nullable List<@Valid Estimate> populationEstimates,
            @Nullable Long version) {}

    /** A population estimate; {@code source} is filled in responses and ignored in requests. */
    record Estimate(
            long population,
            @Nullable LocalDate asOf,
            long sourceId,
            @Nullable String note,
            Sources.@Nullable Citation source) {}
}
