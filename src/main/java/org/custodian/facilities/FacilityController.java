package org.custodian.facilities;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Facilities as GeoJSON features, with their status changes, inspections and guards. */
@RestController
class FacilityController {

    private final Facilities facilities;
    private final Callers callers;

    FacilityController(Facilities facilities, Callers callers) {
        this.facilities = facilities;
        this.callers = callers;
    }

    @Operation(
            summary = "List facilities",
            description =
                    "Facilities (schools, clinics, water, power, government buildings) as a GeoJSON FeatureCollection, optionally of one region and kind. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/facilities")
    GeoJsonFeatureCollection<FacilityProperties> list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable FacilityKind kind) {
        return GeoJsonFeatureCollection.of(facilities.facilities(callers.current(), region, kind).stream()
                .map(FacilityController::feature)
                .toList());
    }

    @Operation(
            summary = "Read a facility",
            description =
                    "One facility with its status, inspections and guards. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/facilities/{id}")
    GeoJsonFeature<FacilityProperties> get(@PathVariable long id) {
        return feature(facilities.facility(callers.current(), id));
    }

    @Operation(
            summary = "Record a facility",
            description =
                    "Records a facility of a region from a GeoJSON Feature: name, kind and place. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping("/api/facilities")
    ResponseEntity<GeoJsonFeature<FacilityProperties>> record(
            @Valid @RequestBody GeoJsonFeature<FacilityProperties> body) {
        FacilityProperties p = body.properties();
        Facility facility = facilities.record(
                callers.current(),
                new Facilities.FacilityDraft(
                        p.regionCode(),
                        p.name(),
                        p.kind(),
                        body.geometry(),
                        p.status() == null ? Facility.Status.UNKNOWN : p.status()));
        return ResponseEntity.created(URI.create("/api/facilities/" + facility.id()))
                .body(feature(facility));
    }

    /** Corrects name, kind, region and geometry; the status changes through its own endpoint, with a reason. */
    @Operation(
            summary = "Correct a facility",
            description =
                    "Corrects name, kind, region and geometry; the status changes through its own operation, with a reason. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/api/facilities/{id}")
    GeoJsonFeature<FacilityProperties> describe(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<FacilityProperties> body) {
        FacilityProperties p = body.properties();
        if (p.version() == null) {
            throw new RuleViolated("version", CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return feature(facilities.describe(
                callers.current(),
                id,
                p.version(),
                new Facilities.Particulars(p.regionCode(), p.name(), p.kind(), body.geometry())));
    }

    @Operation(
            summary = "Change a facility's status",
            description =
                    "Sets a facility's status (operational, damaged, closed...) with the reason for the change. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing reason is refused with 422; the status it already has with 409.")
    @PostMapping("/api/facilities/{id}/status")
    GeoJsonFeature<FacilityProperties> status(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return feature(facilities.changeStatus(callers.current(), id, request.status(), request.reason()));
    }

    @Operation(
            summary = "Record an inspection",
            description =
                    "Records an inspection of a facility: the day, the inspector, findings and optionally the status found. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions).")
    @PostMapping("/api/facilities/{id}/inspections")
    GeoJsonFeature<FacilityProperties> inspect(@PathVariable long id, @Valid @RequestBody InspectionRequest request) {
        return feature(facilities.inspect(
                callers.current(),
                id,
                new Inspection(
                        request.on(),
                        request.inspector().strip(),
                        request.findings().strip()),
                request.statusFound()));
    }

    @Operation(
            summary = "Assign a guard",
            description =
                    "Assigns a guard (agency and period) to a facility. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A period ending before it starts is refused with 422.")
    @PostMapping("/api/facilities/{id}/guards")
    GeoJsonFeature<FacilityProperties> guard(@PathVariable long id, @Valid @RequestBody GuardRequest request) {
        return feature(facilities.assignGuard(
                callers.current(), id, new GuardAssignment(request.agencyId(), request.from(), request.to())));
    }

    static GeoJsonFeature<FacilityProperties> feature(Facility f) {
        return GeoJsonFeature.of(
                f.id(),
                f.geometry(),
                new FacilityProperties(
                        f.regionCode(),
                        f.name(),
                        f.kind(),
                        f.status(),
                        f.kind().protectedSite(),
                        f.posture(),
                        f.hazard(),
                        f.hazardSince(),
                        f.history(),
                        f.inspections(),
                        f.guards(),
                        f.version()));
    }

    /**
     * A facility; the fields after {@code status} are filled in responses and ignored in requests, but for
     * {@code version}, which a change names.
     */
    record FacilityProperties(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @NotNull FacilityKind kind,
            Facility.@Nullable Status status,
            @Nullable Boolean protectedSite,
            Facility.@Nullable Posture posture,
            @Nullable String hazard,
            @Nullable Instant hazardSince,
            @Nullable List<StatusChange> history,
            @Nullable List<Inspection> inspections,
            @Nullable List<GuardAssignment> guards,
            @Nullable Long version) {}

    record StatusRequest(
            @NotNull Facility.Status status,
            @NotBlank @Size(max = 1000) String reason) {}

    record InspectionRequest(
            @NotNull LocalDate on,
            @NotBlank @Size(max = 200) String inspector,
            @NotBlank @Size(max = 2000) String findings,
            Facility.@Nullable Status statusFound) {}

    record GuardRequest(
            @NotNull Long agencyId,
            @NotNull LocalDate from,
            @Nullable LocalDate to) {}
}
