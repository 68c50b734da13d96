package org.custodian.assets;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.Callers;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
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

/** Pages: the inventory of the caller's regions, filtered; one asset with its assessments and photos. */
@Controller
class AssetPageController {

    private final Assets assets;
    private final Territory territory;
    private final Callers callers;

    AssetPageController(Assets assets, Territory territory, Callers callers) {
        this.assets = assets;
        this.territory = territory;
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
        return "assets/list";
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        model.addAttribute("asset", assets.asset(scope, id));
        model.addAttribute("photos", assets.photos(scope, id));
        model.addAttribute("conditions", Assessment.Condition.values());
        model.addAttribute("writable", scope.writes(assets.asset(scope, id).regionCode()));
        return "assets/asset";
    }

    /** A condition assessment with its photos, from the asset page; refused as a whole, with the reason. */
    @PostMapping(path = "/assets/{id}/assessments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String assess(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate assessedOn,
            @RequestParam String assessor,
            @RequestParam Assessment.Condition condition,
            @RequestParam(required = false) @Nullable String damage,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (assessedOn == null) {
                throw new RuleViolated("assessedOn", "give the date of the assessment");
            }
            List<Assets.PhotoUpload> uploads = new ArrayList<>();
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (photo.isEmpty()
                        && (photo.getOriginalFilename() == null
                                || photo.getOriginalFilename().isBlank())) {
                    continue; // the file field left empty
                }
                uploads.add(new Assets.PhotoUpload(
                        photo.getOriginalFilename() == null ? "photo" : photo.getOriginalFilename(),
                        photo.getContentType() == null ? "application/octet-stream" : photo.getContentType(),
                        photo.getBytes()));
            }
            assets.assessWithPhotos(
                    callers.current(), id, assessedOn, assessor, condition, damage == null ? "" : damage, uploads);
            redirect.addFlashAttribute("saved", true);
        } catch (RuleViolated | RecordNotFound e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/assets/" + id;
    }
}
