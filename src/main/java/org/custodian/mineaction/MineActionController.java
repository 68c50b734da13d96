package org.custodian.mineaction;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hazard areas, land release, accidents and progress, as GeoJSON where they have a place. */
@RestController
class MineActionController {

    private final MineAction mineAction;
    private final HazardAreaImport importer;
    private final Callers callers;
    private final Sources sources;

    MineActionController(MineAction mineAction, Callers callers, Sources sources, HazardAreaImport importer) {
        this.mineAction = mineAction;
        this.importer = importer;
        this.callers = callers;
        this.sources = sources;
    }

    @Operation(
            summary = "List hazard areas",
            description =
                    "Suspected and confirmed hazard areas as a GeoJSON FeatureCollection, optionally of one region. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/hazard-areas")
    GeoJsonFeatureCollection<HazardAreaProperties> hazardAreas(
            @RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.hazardAreas(callers.current(), region).stream()
                .map(this::feature)
                .toList());
    }

    @Operation(
            summary = "Read a hazard area",
            description =
                    "One hazard area with its classification, status, area and land released from it. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/hazard-areas/{id}")
    GeoJsonFeature<HazardAreaProperties> hazardArea(@PathVariable long id) {
        return feature(mineAction.hazardArea(callers.current(), id));
    }

    @Operation(
            summary = "Record a hazard area",
            description =
                    "Records a hazard area from a GeoJSON Feature with a Polygon or MultiPolygon boundary, its classification and status. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping("/api/hazard-areas")
    ResponseEntity<GeoJsonFeature<HazardAreaProperties>> record(
            @Valid @RequestBody GeoJsonFeature<HazardAreaProperties> body) {
        HazardArea area = mineAction.recordHazardArea(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/hazard-areas/" + area.id()))
                .body(feature(area));
    }

    @Operation(
            summary = "Correct a hazard area",
            description =
                    "Corrects a hazard area's boundary, classification and status. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). The body carries the version read; a stale one is refused with 409 and nothing is changed. An invalid or out-of-region geometry is refused with 422 naming the reason. Once land has been released from it, its boundary can no longer change (409).")
    @PutMapping("/api/hazard-areas/{id}")
    GeoJsonFeature<HazardAreaProperties> update(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<HazardAreaProperties> body) {
        Long version = body.properties().version();
        if (version == null) {
            throw new RuleViolated("version", CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return feature(mineAction.updateHazardArea(callers.current(), id, version, draft(body)));
    }

    @Operation(
            summary = "Release land from a hazard area",
            description =
                    "Records land released by a survey or clearance, with its polygon, method and date; the area released must lie within the hazard area. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A release outside the area is refused with 422; one from an area already wholly released with 409.")
    @PostMapping("/api/hazard-areas/{id}/releases")
    ResponseEntity<GeoJsonFeature<HazardAreaProperties>> release(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<ReleaseProperties> body) {
        ReleaseProperties p = body.properties();
        mineAction.release(
                callers.current(),
                id,
                new MineAction.ReleaseDraft(
                        p.organisationId(), p.method(), p.startedOn(), p.completedOn(), body.geometry()));
        return ResponseEntity.status(201).body(feature(mineAction.hazardArea(callers.current(), id)));
    }

    /**
     * Imports hazard areas from a GeoJSON or GeoPackage file; 201 with the report when all were written (200
     * when every feature had been imported before and nothing new was recorded), 422 with the report (and
     * nothing written) when any feature was rejected.
     */
    @Operation(
            summary = "Import hazard areas from a file",
            description =
                    "Imports hazard areas from a GeoJSON or GeoPackage file, all or nothing: 201 with the report when all were written, 200 when every feature had been imported before, 422 with each refused feature and its reason when any is invalid. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A file too large answers 413.")
    @PostMapping(path = "/api/hazard-areas/import", consumes = "multipart/form-data")
    ResponseEntity<?> importFile(
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @Nullable String region)
            throws java.io.IOException {
        String name = org.custodian.platform.UploadedFileName.of(file.getOriginalFilename(), "upload.geojson");
        HazardAreaImport.Report report = importer.importFile(callers.current(), name, file.getBytes(), region);
        if (report.written()) {
            return ResponseEntity.status(report.created() ? 201 : 200).body(report);
        }
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                report.rejected() + " of " + report.features().size()
                        + " features were rejected; nothing was imported");
        problem.setTitle("Import refused");
        problem.setProperty("report", report);
        return ResponseEntity.unprocessableContent()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Operation(
            summary = "List mine accidents",
            description =
                    "Mine and explosive ordnance accidents as a GeoJSON FeatureCollection, optionally of one region. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/mine-accidents")
    GeoJsonFeatureCollection<AccidentProperties> accidents(@RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.accidents(callers.current(), region).stream()
                .map(this::feature)
                .toList());
    }

    @Operation(
            summary = "Read a mine accident",
            description =
                    "One accident with its casualties by age and sex, the device and the sources. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/mine-accidents/{id}")
    GeoJsonFeature<AccidentProperties> accident(@PathVariable long id) {
        return feature(mineAction.accident(callers.current(), id));
    }

    @Operation(
            summary = "Record a mine accident",
            description =
                    "Records an accident with its place, day (and time when known), device and casualties; it also becomes an incident with the same casualties and sources. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping("/api/mine-accidents")
    ResponseEntity<GeoJsonFeature<AccidentProperties>> recordAccident(
            @Valid @RequestBody GeoJsonFeature<AccidentProperties> body) {
        if (!(body.geometry() instanceof Point point)) {
            throw new RuleViolated("geometry", Refusals.ACCIDENT_LOCATED_POINT);
        }
        AccidentProperties p = body.properties();
        Accident accident = mineAction.recordAccident(
                callers.current(),
                new MineAction.AccidentDraft(
                        p.regionCode(),
                        p.occurredAt(),
                        p.timeOfDayKnown() == null || p.timeOfDayKnown(),
                        point,
                        p.device(),
                        p.activity(),
                        p.description(),
                        p.hazardAreaId(),
                        p.road(),
                        p.victims() == null ? List.of() : p.victims(),
                        p.sourceIds() == null ? Set.of() : p.sourceIds()));
        return ResponseEntity.created(URI.create("/api/mine-accidents/" + accident.id()))
                .body(feature(accident));
    }

    @Operation(
            summary = "List ordnance finds",
            description =
                    "Explosive ordnance found and reported, as a GeoJSON FeatureCollection, optionally of one region. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/ordnance-finds")
    GeoJsonFeatureCollection<FindProperties> finds(@RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.finds(callers.current(), region).stream()
                .map(MineActionController::feature)
                .toList());
    }

    @Operation(
            summary = "Record an ordnance find",
            description =
                    "Records ordnance found: what, how many, where and when; a find handed over is registered in custody. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping("/api/ordnance-finds")
    ResponseEntity<GeoJsonFeature<FindProperties>> recordFind(@Valid @RequestBody GeoJsonFeature<FindProperties> body) {
        if (!(body.geometry() instanceof Point point)) {
            throw new RuleViolated("geometry", Refusals.FIND_LOCATED_POINT);
        }
        FindProperties p = body.properties();
        OrdnanceFind find = mineAction.recordFind(
                callers.current(),
                new MineAction.FindDraft(
                        p.regionCode(), point, p.category(), p.description(), p.quantity(), p.foundOn()));
        return ResponseEntity.created(URI.create("/api/ordnance-finds/" + find.id()))
                .body(feature(find));
    }

    @Operation(
            summary = "Record a find's disposition",
            description =
                    "Records what became of a find (destroyed in place, removed, handed to custody) and the day. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A find already disposed of is refused with 409.")
    @PostMapping("/api/ordnance-finds/{id}/disposition")
    GeoJsonFeature<FindProperties> dispose(@PathVariable long id, @Valid @RequestBody DispositionRequest request) {
        return feature(mineAction.dispose(callers.current(), id, request.disposition(), request.disposedOn()));
    }

    @Operation(
            summary = "Land released by month",
            description =
                    "Square metres of land released, by month and method, in the caller's regions or one. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/mine-action/progress")
    List<MineAction.MonthlyRelease> progress(@RequestParam(required = false) @Nullable String region) {
        return mineAction.progress(callers.current(), region);
    }

    private static MineAction.HazardAreaDraft draft(GeoJsonFeature<HazardAreaProperties> body) {
        HazardAreaProperties p = body.properties();
        return new MineAction.HazardAreaDraft(
                p.regionCode(),
                p.name(),
                p.classification(),
                p.priority() == null ? HazardArea.Priority.MEDIUM : p.priority(),
                p.contamination(),
                body.geometry(),
                p.recordedOn(),
                p.sourceIds() == null ? Set.of() : p.sourceIds());
    }

    private GeoJsonFeature<HazardAreaProperties> feature(HazardArea h) {
        return GeoJsonFeature.of(
                h.id(),
                h.area(),
                new HazardAreaProperties(
                        h.regionCode(),
                        h.name(),
                        h.classification(),
                        h.priority(),
                        h.contamination(),
                        h.recordedOn(),
                        h.sources(),
                        h.reference(),
                        h.status(),
                        Math.round(h.areaSquareMetres()),
                        Math.round(h.releasedSquareMetres()),
                        h.releases().stream()
                                .map(r -> new ReleaseView(
                                        r.id(),
                                        r.organisationId(),
                                        r.method(),
                                        r.method().outcome(),
                                        r.startedOn(),
                                        r.completedOn(),
                                        Math.round(r.areaSquareMetres())))
                                .toList(),
                        List.copyOf(sources.findAll(h.sources()).values()),
                        h.version()));
    }

    private GeoJsonFeature<AccidentProperties> feature(Accident a) {
        return GeoJsonFeature.of(
                a.id(),
                a.location(),
                new AccidentProperties(
                        a.regionCode(),
                        a.occurredAt(),
                        a.timeOfDayKnown(),
                        a.device(),
                        a.activity(),
                        a.description(),
                        a.hazardAreaId(),
                        a.road(),
                        a.victims(),
                        a.sources(),
                        a.count(Victim.Outcome.KILLED),
                        a.count(Victim.Outcome.INJURED),
                        List.copyOf(sources.findAll(a.sources()).values())));
    }

    private static GeoJsonFeature<FindProperties> feature(OrdnanceFind f) {
        return GeoJsonFeature.of(
                f.id(),
                f.location(),
                new FindProperties(
                        f.regionCode(),
                        f.category(),
                        f.description(),
                        f.quantity(),
                        f.foundOn(),
                        f.disposition(),
                        f.disposedOn()));
    }

    /** A find; {@code disposition} and {@code disposedOn} are filled in responses and ignored in requests. */
    record FindProperties(
            @NotBlank String regionCode,
            @NotNull Contamination category,
            @NotBlank @Size(max = 500) String description,
            @jakarta.validation.constraints.Positive int quantity,
            @NotNull LocalDate foundOn,
            OrdnanceFind.@Nullable Disposition disposition,
            @Nullable LocalDate disposedOn) {}

    record DispositionRequest(
            @NotNull OrdnanceFind.Disposition disposition,
            @NotNull LocalDate disposedOn) {}

    /** A hazard area; the fields after {@code sourceIds} are filled in responses and ignored in requests. */
    record HazardAreaProperties(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String name,
            @NotNull HazardArea.Classification classification,
            HazardArea.@Nullable Priority priority,
            @NotEmpty Set<Contamination> contamination,
            @Nullable LocalDate recordedOn,
            @Nullable Set<Long> sourceIds,
            @Nullable String reference,
            HazardArea.@Nullable Status status,
            @Nullable Long areaSquareMetres,
            @Nullable Long releasedSquareMetres,
            @Nullable List<ReleaseView> releases,
            @Nullable List<Sources.Citation> sources,
            @Nullable Long version) {}

    record ReleaseProperties(
            @NotNull Long organisationId,
            @NotNull ReleaseMethod method,
            @NotNull LocalDate startedOn,
            @NotNull LocalDate completedOn) {}

    record ReleaseView(
            long id,
            long organisationId,
            ReleaseMethod method,
            String outcome,
            LocalDate startedOn,
            LocalDate completedOn,
            long areaSquareMetres) {}

    /** An accident; {@code killed}, {@code injured} and {@code sources} are filled in responses. */
    record AccidentProperties(
            @NotBlank String regionCode,
            @NotNull Instant occurredAt,
            @Nullable Boolean timeOfDayKnown,
            @NotNull Contamination device,
            @NotBlank @Size(max = 200) String activity,
            @NotBlank @Size(max = 2000) String description,
            @Nullable Long hazardAreaId,
            @Nullable @Size(max = 200) String road,
            @Nullable List<@Valid @NotNull Victim> victims,
            @Nullable Set<Long> sourceIds,
            @Nullable Integer killed,
            @Nullable Integer injured,
            @Nullable List<Sources.Citation> sources) {}
}
