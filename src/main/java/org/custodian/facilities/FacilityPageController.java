package org.custodian.facilities;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.GeoJsonModule;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ListPage;
import org.custodian.platform.PageForms;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
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

/**
 * Pages: the facilities of the caller's regions, filtered; a new facility; one facility with its history and
 * the forms that change it.
 */
@Controller
class FacilityPageController {

    private final Facilities facilities;
    private final Territory territory;
    private final Callers callers;

    FacilityPageController(Facilities facilities, Territory territory, Callers callers) {
        this.facilities = facilities;
        this.territory = territory;
        this.callers = callers;
    }

    /** Facilities a list page shows at a time. */
    static final int PAGE = 50;

    @GetMapping("/facilities")
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable FacilityKind kind,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        ListPage<Facility> found = facilities.facilities(scope, selected, kind, Math.max(page, 0), PAGE);
        model.addAttribute("facilities", found.records());
        model.addAttribute("matched", found.matched());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", found.pages(PAGE));
        model.addAttribute(
                "regions",
                territory.regionNames().stream()
                        .filter(r -> scope.reads(r.code()))
                        .toList());
        model.addAttribute("kinds", FacilityKind.values());
        model.addAttribute("region", selected);
        model.addAttribute("kind", kind);
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        return "facilities/list";
    }

    /** What the particulars form holds; given back with the reason when it is refused. */
    record ParticularsForm(
            @Nullable String regionCode,
            @Nullable String name,
            @Nullable FacilityKind kind,
            @Nullable String geometry,
            Facility.@Nullable Status status,
            @Nullable Long version)
            implements java.io.Serializable {

        static ParticularsForm of(Facility f) {
            return new ParticularsForm(
                    f.regionCode(), f.name(), f.kind(), GeoJsonModule.write(f.geometry()), f.status(), f.version());
        }

        Facilities.Particulars particulars() {
            if (regionCode == null || name == null || kind == null || geometry == null || geometry.isBlank()) {
                throw new RuleViolated("facility", CommonRefusals.GIVE_NAME_REGION_KIND_GEOMETRY);
            }
            return new Facilities.Particulars(regionCode, name, kind, GeoJsonModule.read("geometry", geometry));
        }
    }

    @GetMapping("/facilities/new")
    String newFacility(Model model) {
        if (!model.containsAttribute("particulars")) {
            model.addAttribute(
                    "particulars", new ParticularsForm(null, null, null, null, Facility.Status.UNKNOWN, null));
        }
        particularsChoices(callers.current(), model);
        return "facilities/new";
    }

    /** Records a facility from the new facility page, then shows it. */
    @PostMapping("/facilities")
    String record(ParticularsForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/facilities/new", redirect, "particulars", form, () -> {
            Facilities.Particulars p = form.particulars();
            Facility.Status status = form.status() == null ? Facility.Status.UNKNOWN : form.status();
            Facility facility = facilities.record(
                    callers.current(),
                    new Facilities.FacilityDraft(p.regionCode(), p.name(), p.kind(), p.geometry(), status));
            return "/facilities/" + facility.id();
        });
    }

    /** The particulars form of a facility's page: name, region, kind and geometry, as of the version shown. */
    @PostMapping("/facilities/{id}/particulars")
    String describe(@PathVariable long id, ParticularsForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/facilities/" + id + "#particulars-form", redirect, "particulars", form, () -> {
            if (form.version() == null) {
                throw new RuleViolated("version", CommonRefusals.FORM_LOST_VERSION_CHANGES_RELOAD);
            }
            facilities.describe(callers.current(), id, form.version(), form.particulars());
            return "/facilities/" + id;
        });
    }

    /** The regions the caller may record in, and the kinds. */
    private void particularsChoices(Scope scope, Model model) {
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("kinds", FacilityKind.values());
        model.addAttribute("statuses", Facility.Status.values());
    }

    @GetMapping("/facilities/{id}")
    String facility(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Map<Long, Agency> agencies =
                territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        Facility facility = facilities.facility(scope, id);
        model.addAttribute("facility", facility);
        model.addAttribute("agencies", agencies);
        model.addAttribute("writable", scope.writes(facility.regionCode()));
        model.addAttribute("particularsRefused", model.containsAttribute("particulars"));
        if (!model.containsAttribute("particulars")) {
            model.addAttribute("particulars", ParticularsForm.of(facility));
        }
        if (scope.writes(facility.regionCode())) {
            particularsChoices(scope, model);
        }
        return "facilities/facility";
    }

    /** The status form: changes the status with a reason, then shows the facility again. */
    @PostMapping("/facilities/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam Facility.Status status,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/facilities/" + id, redirect, () -> facilities.changeStatus(callers.current(), id, status, reason));
    }

    /** The inspection form: records what an inspector found and, if given, the status found. */
    @PostMapping("/facilities/{id}/inspections")
    String inspect(
            @PathVariable long id,
            @RequestParam LocalDate on,
            @RequestParam String inspector,
            @RequestParam String findings,
            @RequestParam(required = false) Facility.@Nullable Status found,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/facilities/" + id,
                redirect,
                () -> facilities.inspect(
                        callers.current(), id, new Inspection(on, inspector.strip(), findings.strip()), found));
    }

    /** The guard form: an agency guards the facility from a date, until a date if known. */
    @PostMapping("/facilities/{id}/guards")
    String assignGuard(
            @PathVariable long id,
            @RequestParam long agencyId,
            @RequestParam LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/facilities/" + id,
                redirect,
                () -> facilities.assignGuard(callers.current(), id, new GuardAssignment(agencyId, from, to)));
    }
}
