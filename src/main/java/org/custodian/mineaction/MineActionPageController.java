package org.custodian.mineaction;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Agency;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: hazard areas with land release progress and accidents; one hazard area with its releases. */
@Controller
class MineActionPageController {

    private final MineAction mineAction;
    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    MineActionPageController(MineAction mineAction, Territory territory, Sources sources, Callers callers) {
        this.mineAction = mineAction;
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    @GetMapping("/mine-action")
    String overview(@RequestParam(required = false) @Nullable String region, Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        List<HazardArea> areas = mineAction.hazardAreas(scope, selected);
        List<Accident> accidents = mineAction.accidents(scope, selected);
        model.addAttribute("region", selected);
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("areas", areas);
        model.addAttribute("accidents", accidents);
        model.addAttribute("progress", mineAction.progress(scope, selected));
        model.addAttribute(
                "totalArea",
                areas.stream().mapToDouble(HazardArea::areaSquareMetres).sum());
        model.addAttribute(
                "totalReleased",
                areas.stream().mapToDouble(HazardArea::releasedSquareMetres).sum());
        model.addAttribute(
                "cited",
                sources.findAll(accidents.stream()
                        .flatMap(a -> a.sources().stream())
                        .distinct()
                        .toList()));
        return "mineaction/overview";
    }

    @GetMapping("/mine-action/hazard-areas/{id}")
    String hazardArea(@PathVariable long id, Model model) {
        HazardArea area = mineAction.hazardArea(callers.current(), id);
        Map<Long, Agency> agencies =
                territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("area", area);
        model.addAttribute("agencies", agencies);
        model.addAttribute("cited", sources.findAll(area.sources()));
        model.addAttribute("writable", callers.current().writes(area.regionCode()));
        model.addAttribute("classifications", HazardArea.Classification.values());
        model.addAttribute("priorities", HazardArea.Priority.values());
        model.addAttribute("contaminations", Contamination.values());
        return "mineaction/hazard-area";
    }

    /** The edit form: name, classification, priority and contamination; the polygon and sources stay. */
    @PostMapping("/mine-action/hazard-areas/{id}")
    String describe(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam String name,
            @RequestParam HazardArea.Classification classification,
            @RequestParam HazardArea.Priority priority,
            @RequestParam(required = false) @Nullable List<Contamination> contamination,
            RedirectAttributes redirect) {
        Scope scope = callers.current();
        try {
            HazardArea area = mineAction.hazardArea(scope, id);
            mineAction.updateHazardArea(
                    scope,
                    id,
                    version,
                    new MineAction.HazardAreaDraft(
                            area.regionCode(),
                            name.strip(),
                            classification,
                            priority,
                            contamination == null ? java.util.Set.of() : java.util.Set.copyOf(contamination),
                            area.area(),
                            area.recordedOn(),
                            area.sources()));
            redirect.addFlashAttribute("saved", true);
        } catch (RuleViolated | ConflictWithState e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/mine-action/hazard-areas/" + id;
    }
}
