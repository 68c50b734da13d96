package org.custodian.assets;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.geo.GeoJsonModule;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.PageForms;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.UploadedFileName;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the inventory of the caller's regions, filtered; a new asset; one asset with its assessments and
 * photos and the forms that change it.
 */
@Controller
class AssetPageController {

    private final Assets assets;
    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    AssetPageController(Assets assets, Territory territory, Sources sources, Callers callers) {
        this.assets = assets;
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    @GetMapping("/assets")
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) Asset.@Nullable Kind kind,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        model.addAttribute("assets", assets.assets(scope, selected, kind));
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("kinds", Asset.Kind.values());
        model.addAttribute("region", selected);
        model.addAttribute("kind", kind);
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        return "assets/list";
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Asset asset = assets.asset(scope, id);
        model.addAttribute("asset", asset);
        Long reservesSource = asset.particulars().reservesSourceId();
        model.addAttribute("cited", sources.findAll(reservesSource == null ? List.of() : List.of(reservesSource)));
        model.addAttribute("photos", assets.photos(scope, id));
        model.addAttribute("conditions", Assessment.Condition.values());
        model.addAttribute("writable", scope.writes(asset.regionCode()));
        model.addAttribute("assessmentRefused", model.containsAttribute("assessment"));
        if (!model.containsAttribute("assessment")) {
            model.addAttribute("assessment", new AssessmentForm(null, null, null, null));
        }
        model.addAttribute("particularsRefused", model.containsAttribute("particulars"));
        if (!model.containsAttribute("particulars")) {
            model.addAttribute("particulars", ParticularsForm.of(asset));
        }
        if (scope.writes(asset.regionCode())) {
            particularsChoices(scope, model);
        }
        return "assets/asset";
    }

    /** What the assessment form holds but its photos; given back with the reason when it is refused. */
    record AssessmentForm(
            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate assessedOn,

            @Nullable String assessor,
            Assessment.@Nullable Condition condition,
            @Nullable String damage)
            implements java.io.Serializable {}

    /**
     * A condition assessment with its photos, from the asset page; refused as a whole, with the reason and
     * what was typed (a browser does not let a page choose files, so the photos are chosen again).
     */
    @PostMapping(path = "/assets/{id}/assessments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String assess(
            @PathVariable long id,
            AssessmentForm form,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes redirect)
            throws IOException {
        List<Assets.PhotoUpload> uploads = uploads(photos);
        return PageForms.attempt("/assets/" + id, redirect, "assessment", form, () -> {
            if (form.assessedOn() == null || form.assessor() == null || form.condition() == null) {
                throw new RuleViolated("assessment", Refusals.GIVE_DATE_ASSESSED_CONDITION_FOUND);
            }
            assets.assessWithPhotos(
                    callers.current(),
                    id,
                    form.assessedOn(),
                    form.assessor(),
                    form.condition(),
                    form.damage() == null ? "" : form.damage(),
                    uploads);
            return "/assets/" + id;
        });
    }

    /** Photos added to an assessment listed on the asset's page; refused as a whole, with the reason. */
    @PostMapping(path = "/assets/{id}/assessments/{assessment}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String addPhotos(
            @PathVariable long id,
            @PathVariable long assessment,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes redirect)
            throws IOException {
        List<Assets.PhotoUpload> uploads = uploads(photos);
        String row = "/assets/" + id + "#assessment-" + assessment;
        // A refusal names the assessment, so that the page says it beside that one's form.
        return PageForms.attempt(row, redirect, "photosRefused", assessment, () -> {
            assets.attachPhotos(callers.current(), id, assessment, uploads);
            return row;
        });
    }

    /** The files chosen, each as sent; an empty file field sends a nameless empty part, which is no photo. */
    private static List<Assets.PhotoUpload> uploads(@Nullable List<MultipartFile> photos) throws IOException {
        List<Assets.PhotoUpload> uploads = new ArrayList<>();
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (photo.isEmpty()
                    && (photo.getOriginalFilename() == null
                            || photo.getOriginalFilename().isBlank())) {
                continue; // the file field left empty
            }
            uploads.add(new Assets.PhotoUpload(
                    UploadedFileName.of(photo.getOriginalFilename(), "photo"),
                    photo.getContentType() == null ? "application/octet-stream" : photo.getContentType(),
                    photo.getBytes()));
        }
        return uploads;
    }

    /** What the particulars form holds; given back with the reason when it is refused. */
    record ParticularsForm(
            @Nullable String regionCode,
            Asset.@Nullable Kind kind,
            @Nullable String name,
            @Nullable String geometry,
            Asset.@Nullable Particulars particulars,
            @Nullable Long version)
            implements java.io.Serializable {

        static ParticularsForm of(Asset a) {
            return new ParticularsForm(
                    a.regionCode(),
                    a.kind(),
                    a.name(),
                    GeoJsonModule.write(a.geometry()),
                    a.particulars(),
                    a.version());
        }

        /** The particulars to show: none when the form has none yet. */
        public Asset.Particulars shown() {
            return particulars == null ? Asset.Particulars.NONE : particulars;
        }

        Assets.AssetDraft draft() {
            if (regionCode == null || kind == null || name == null || geometry == null || geometry.isBlank()) {
                throw new RuleViolated("asset", CommonRefusals.GIVE_NAME_REGION_KIND_GEOMETRY);
            }
            return new Assets.AssetDraft(regionCode, kind, name, GeoJsonModule.read("geometry", geometry), shown());
        }
    }

    @GetMapping("/assets/new")
    String newAsset(Model model) {
        if (!model.containsAttribute("particulars")) {
            model.addAttribute("particulars", new ParticularsForm(null, null, null, null, null, null));
        }
        particularsChoices(callers.current(), model);
        return "assets/new";
    }

    /** Records an asset from the new asset page, then shows it. */
    @PostMapping("/assets")
    String record(ParticularsForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/assets/new",
                redirect,
                "particulars",
                form,
                () -> "/assets/"
                        + assets.record(callers.current(), form.draft()).id());
    }

    /** The particulars form of an asset's page, as of the version shown. */
    @PostMapping("/assets/{id}/particulars")
    String describe(@PathVariable long id, ParticularsForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/assets/" + id + "#particulars-form", redirect, "particulars", form, () -> {
            if (form.version() == null) {
                throw new RuleViolated("version", CommonRefusals.FORM_LOST_VERSION_CHANGES_RELOAD);
            }
            assets.describe(callers.current(), id, form.version(), form.draft());
            return "/assets/" + id;
        });
    }

    /** The regions the caller may record in, the kinds, and the sources an estimate of reserves may cite. */
    private void particularsChoices(Scope scope, Model model) {
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("kinds", Asset.Kind.values());
        model.addAttribute("citable", sources.all());
    }
}
