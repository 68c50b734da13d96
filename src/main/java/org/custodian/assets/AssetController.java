package org.custodian.assets;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.UploadedFileName;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Assets as GeoJSON features, their assessments and the photos taken at them. */
@RestController
class AssetController {

    private final Assets assets;
    private final Callers callers;

    AssetController(Assets assets, Callers callers) {
        this.assets = assets;
        this.callers = callers;
    }

    @Operation(
            summary = "List inventory assets",
            description =
                    "Assets (vehicles, generators, equipment) as a GeoJSON FeatureCollection, optionally of one region and kind. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/assets")
    GeoJsonFeatureCollection<AssetProperties> list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) Asset.@Nullable Kind kind) {
        return GeoJsonFeatureCollection.of(assets.assets(callers.current(), region, kind).stream()
                .map(AssetController::feature)
                .toList());
    }

    @Operation(
            summary = "Read an asset",
            description =
                    "One asset as a GeoJSON Feature with its particulars and latest condition. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/assets/{id}")
    GeoJsonFeature<AssetProperties> get(@PathVariable long id) {
        return feature(assets.asset(callers.current(), id));
    }

    @Operation(
            summary = "Record an asset",
            description =
                    "Records an asset of a region from a GeoJSON Feature: kind, name, place and particulars. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason.")
    @PostMapping("/api/assets")
    ResponseEntity<GeoJsonFeature<AssetProperties>> record(@Valid @RequestBody GeoJsonFeature<AssetProperties> body) {
        Asset asset = assets.record(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/assets/" + asset.id())).body(feature(asset));
    }

    /** Corrects region, kind, name, geometry and particulars; assessments are added through their own endpoint. */
    @Operation(
            summary = "Correct an asset",
            description =
                    "Corrects region, kind, name, geometry and particulars; assessments are added through their own operation. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/api/assets/{id}")
    GeoJsonFeature<AssetProperties> describe(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<AssetProperties> body) {
        AssetProperties p = body.properties();
        if (p.version() == null) {
            throw new RuleViolated("version", CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return feature(assets.describe(callers.current(), id, p.version(), draft(body)));
    }

    @Operation(
            summary = "Assess an asset's condition",
            description =
                    "Adds a dated condition assessment to an asset, which becomes its current condition. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions).")
    @PostMapping("/api/assets/{id}/assessments")
    ResponseEntity<GeoJsonFeature<AssetProperties>> assess(
            @PathVariable long id, @Valid @RequestBody AssessmentRequest request) {
        assets.assess(
                callers.current(),
                id,
                request.assessedOn(),
                request.assessor(),
                request.condition(),
                request.damage() == null ? "" : request.damage());
        return ResponseEntity.status(201).body(feature(assets.asset(callers.current(), id)));
    }

    @Operation(
            summary = "Attach a photo to an assessment",
            description =
                    "Stores a JPEG or PNG photo with an assessment of the asset. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). Another type is refused with 422 and a file too large with 413.")
    @PostMapping(
            path = "/api/assets/{id}/assessments/{assessment}/photos",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Assets.Photo> photo(
            @PathVariable long id, @PathVariable long assessment, @RequestParam("file") MultipartFile file)
            throws IOException {
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        String name = UploadedFileName.of(file.getOriginalFilename(), "photo");
        return ResponseEntity.status(201)
                .body(assets.attachPhoto(callers.current(), id, assessment, name, type, file.getBytes()));
    }

    @Operation(
            summary = "List an asset's photos",
            description =
                    "The photos of an asset's assessments: their ids, names and sizes. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/assets/{id}/photos")
    List<Assets.Photo> photos(@PathVariable long id) {
        return assets.photos(callers.current(), id);
    }

    @Operation(
            summary = "Download an asset's photo",
            description =
                    "One photo of an asset, as stored. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/assets/{id}/photos/{photo}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long photo) {
        Assets.PhotoContent content = assets.photo(callers.current(), id, photo);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        UploadedFileName.contentDisposition(true, UploadedFileName.of(content.fileName(), "photo")))
                .body(content.content());
    }

    private static Assets.AssetDraft draft(GeoJsonFeature<AssetProperties> body) {
        AssetProperties p = body.properties();
        return new Assets.AssetDraft(
                p.regionCode(),
                p.kind(),
                p.name(),
                body.geometry(),
                p.particulars() == null ? Asset.Particulars.NONE : p.particulars());
    }

    static GeoJsonFeature<AssetProperties> feature(Asset a) {
        return GeoJsonFeature.of(
                a.id(),
                a.geometry(),
                new AssetProperties(
                        a.regionCode(),
                        a.kind(),
                        a.name(),
                        a.particulars(),
                        Math.round(a.areaSquareMetres()),
                        a.condition(),
                        a.assessments().stream()
                                .map(s -> new AssessmentView(
                                        s.id(), s.assessedOn(), s.assessor(), s.condition(), s.damage()))
                                .toList(),
                        a.version()));
    }

    /**
     * An asset; the fields after {@code particulars} are filled in responses and ignored in requests, but for
     * {@code version}, which a change names.
     */
    record AssetProperties(
            @NotBlank String regionCode,
            @NotNull Asset.Kind kind,
            @NotBlank @Size(max = 300) String name,
            Asset.@Nullable Particulars particulars,
            @Nullable Long areaSquareMetres,
            Assessment.@Nullable Condition condition,
            @Nullable List<AssessmentView> assessments,
            @Nullable Long version) {}

    record AssessmentView(
            long id, LocalDate assessedOn, String assessor, Assessment.Condition condition, String damage) {}

    record AssessmentRequest(
            @NotNull LocalDate assessedOn,
            @NotBlank @Size(max = 200) String assessor,
            @NotNull Assessment.Condition condition,
            @Nullable @Size(max = 2000) String damage) {}
}
