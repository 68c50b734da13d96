package org.custodian.mineaction;

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

    @GetMapping("/api/hazard-areas")
    GeoJsonFeatureCollection<HazardAreaProperties> hazardAreas(
            @RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.hazardAreas(callers.current(), region).stream()
                .map(this::feature)
                .toList());
    }

    @GetMapping("/api/hazard-areas/{id}")
    GeoJsonFeature<HazardAreaProperties> hazardArea(@PathVariable long id) {
        return feature(mineAction.hazardArea(callers.current(), id));
    }

    @PostMapping("/api/hazard-areas")
    ResponseEntity<GeoJsonFeature<HazardAreaProperties>> record(
            @Valid @RequestBody GeoJsonFeature<HazardAreaProperties> body) {
        HazardArea area = mineAction.recordHazardArea(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/hazard-areas/" + area.id()))
                .body(feature(area));
    }

    @PutMapping("/api/hazard-areas/{id}")
    GeoJsonFeature<HazardAreaProperties> update(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<HazardAreaProperties> body) {
        Long version = body.properties().version();
        if (version == null) {
            throw new RuleViolated("version", "give the version you are changing");
        }
        return feature(mineAction.updateHazardArea(callers.current(), id, version, draft(body)));
    }

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

    @GetMapping("/api/mine-accidents")
    GeoJsonFeatureCollection<AccidentProperties> accidents(@RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.accidents(callers.current(), region).stream()
                .map(this::feature)
                .toList());
    }

    @GetMapping("/api/mine-accidents/{id}")
    GeoJsonFeature<AccidentProperties> accident(@PathVariable long id) {
        return feature(mineAction.accident(callers.current(), id));
    }

    @PostMapping("/api/mine-accidents")
    ResponseEntity<GeoJsonFeature<AccidentProperties>> recordAccident(
            @Valid @RequestBody GeoJsonFeature<AccidentProperties> body) {
        if (!(body.geometry() instanceof Point point)) {
            throw new RuleViolated("geometry", "an accident is located by a Point");
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

    @GetMapping("/api/ordnance-finds")
    GeoJsonFeatureCollection<FindProperties> finds(@RequestParam(required = false) @Nullable String region) {
        return GeoJsonFeatureCollection.of(mineAction.finds(callers.current(), region).stream()
                .map(MineActionController::feature)
                .toList());
    }

    @PostMapping("/api/ordnance-finds")
    ResponseEntity<GeoJsonFeature<FindProperties>> recordFind(@Valid @RequestBody GeoJsonFeature<FindProperties> body) {
        if (!(body.geometry() instanceof Point point)) {
            throw new RuleViolated("geometry", "a find is located by a Point");
        }
        FindProperties p = body.properties();
        OrdnanceFind find = mineAction.recordFind(
                callers.current(),
                new MineAction.FindDraft(
                        p.regionCode(), point, p.category(), p.description(), p.quantity(), p.foundOn()));
        return ResponseEntity.created(URI.create("/api/ordnance-finds/" + find.id()))
                .body(feature(find));
    }

    @PostMapping("/api/ordnance-finds/{id}/disposition")
    GeoJsonFeature<FindProperties> dispose(@PathVariable long id, @Valid @RequestBody DispositionRequest request) {
        return feature(mineAction.dispose(callers.current(), id, request.disposition(), request.disposedOn()));
    }

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
