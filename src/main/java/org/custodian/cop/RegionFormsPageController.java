package org.custodian.cop;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.geo.GeoJsonModule;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.PageForms;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Names;
import org.custodian.territory.PopulationEstimate;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.SettlementKind;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms that create, correct and remove regions (administrators) and the settlements of a region (those
 * who may write in it), with the same rules as the API: a refusal is shown on the form in the person's language
 * and nothing is written.
 */
@Controller
class RegionFormsPageController {

    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    RegionFormsPageController(Territory territory, Sources sources, Callers callers) {
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    /** What the region form holds; given back with the reason when it is refused. */
    record RegionForm(
            @Nullable String code,
            @Nullable String nameEn,
            @Nullable String nameAz,
            @Nullable String nameRu,
            @Nullable String nameHy,
            @Nullable String boundary,
            @Nullable String boundaryNote,
            @Nullable String timeZone,
            @Nullable Long version)
            implements java.io.Serializable {

        static RegionForm blank() {
            return new RegionForm(null, null, null, null, null, "", null, "Asia/Baku", null);
        }

        static RegionForm of(Region r) {
            Names n = r.names();
            return new RegionForm(
                    r.code(),
                    n.en(),
                    n.az(),
                    n.ru(),
                    n.hy(),
                    GeoJsonModule.write(r.boundary()),
                    r.boundaryNote(),
                    r.zone().getId(),
                    r.version());
        }

        Territory.RegionDraft draft(String regionCode) {
            if (regionCode.isBlank() || missing(nameEn) || missing(boundary)) {
                throw new RuleViolated("region", Refusals.GIVE_REGION_CODE_NAME_BOUNDARY);
            }
            Geometry area = GeoJsonModule.read("boundary", boundary);
            return new Territory.RegionDraft(
                    regionCode,
                    names(nameEn, nameAz, nameRu, nameHy),
                    area,
                    orNull(boundaryNote),
                    Territory.timeZone("timeZone", orNull(timeZone)));
        }
    }

    @GetMapping("/regions/new")
    String newRegion(Model model) {
        requireAdmin();
        if (!model.containsAttribute("regionForm")) {
            model.addAttribute("regionForm", RegionForm.blank());
        }
        model.addAttribute("region", null);
        return "cop/region-form";
    }

    /** Creates a region, then shows its page; refused, the drawing and the fields are kept. */
    @PostMapping("/regions")
    String createRegion(RegionForm form, RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/regions/new", redirect, "regionForm", form, () -> {
            String code = form.code() == null ? "" : form.code().strip();
            Region region = territory.createRegion(callers.current(), form.draft(code));
            return "/regions/" + region.code();
        });
    }

    @GetMapping("/regions/{code}/edit")
    String editRegion(@PathVariable String code, Model model) {
        requireAdmin();
        Region region = territory.region(code);
        if (!model.containsAttribute("regionForm")) {
            model.addAttribute("regionForm", RegionForm.of(region));
        }
        model.addAttribute("region", region);
        return "cop/region-form";
    }

    /** Corrects a region's names, boundary and time zone; its code stays. */
    @PostMapping("/regions/{code}")
    String updateRegion(@PathVariable String code, RegionForm form, RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/regions/" + code + "/edit", redirect, "regionForm", form, () -> {
            territory.updateRegion(callers.current(), code, version(form.version()), form.draft(code));
            return "/regions/" + code;
        });
    }

    /** Removes a region no record refers to; one still in use stays, with the reason on its page. */
    @PostMapping("/regions/{code}/removal")
    String removeRegion(
            @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/regions/" + code + "#removal", redirect, "removal", Boolean.TRUE, () -> {
            PageForms.requireTicked("confirmed", confirmed);
            territory.deleteRegion(callers.current(), code);
            return "/regions";
        });
    }

    /**
     * What the settlement form holds; given back with the reason when it is refused. Population estimates come
     * as four lists of the same length, a figure a row; rows left empty are dropped.
     */
    record SettlementForm(
            @Nullable String nameEn,
            @Nullable String nameAz,
            @Nullable String nameRu,
            @Nullable String nameHy,
            @Nullable SettlementKind kind,
            @Nullable String location,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate underAdministrationSince,

            @Nullable List<String> estimatePopulation,
            @Nullable List<String> estimateAsOf,
            @Nullable List<Long> estimateSource,
            @Nullable List<String> estimateNote,
            @Nullable Long version)
            implements java.io.Serializable {

        static SettlementForm blank() {
            return new SettlementForm(
                    null,
                    null,
                    null,
                    null,
                    SettlementKind.VILLAGE,
                    "",
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null);
        }

        static SettlementForm of(Settlement s) {
            Names n = s.names();
            List<PopulationEstimate> e = s.populationEstimates();
            return new SettlementForm(
                    n.en(),
                    n.az(),
                    n.ru(),
                    n.hy(),
                    s.kind(),
                    GeoJsonModule.write(s.location()),
                    s.underAdministrationSince(),
                    e.stream().map(x -> Long.toString(x.population())).toList(),
                    e.stream()
                            .map(x -> x.asOf() == null ? "" : x.asOf().toString())
                            .toList(),
                    e.stream().map(PopulationEstimate::sourceId).toList(),
                    e.stream().map(x -> x.note() == null ? "" : x.note()).toList(),
                    s.version());
        }

        /** The rows to show: those given, and one empty one to add a figure (public: the page calls it). */
        public List<EstimateRow> rows() {
            List<EstimateRow> rows = new ArrayList<>();
            for (int i = 0; i < given() + 1; i++) {
                rows.add(new EstimateRow(
                        at(estimatePopulation, i), at(estimateAsOf, i), at(estimateSource, i), at(estimateNote, i)));
            }
            return rows;
        }

        private int given() {
            return Math.max(
                    Math.max(size(estimatePopulation), size(estimateAsOf)),
                    Math.max(size(estimateSource), size(estimateNote)));
        }

        Territory.SettlementDraft draft(String regionCode) {
            if (missing(nameEn) || kind == null) {
                throw new RuleViolated("settlement", Refusals.GIVE_SETTLEMENT_NAME_KIND_PLACE);
            }
            if (missing(location)) {
                throw new RuleViolated("location", Refusals.GIVE_SETTLEMENT_NAME_KIND_PLACE);
            }
            if (!(GeoJsonModule.read("location", location) instanceof Point point)) {
                throw new RuleViolated("location", Refusals.SETTLEMENT_IS_A_POINT);
            }
            List<PopulationEstimate> estimates = new ArrayList<>();
            for (int i = 0; i < given(); i++) {
                String population = at(estimatePopulation, i);
                String asOf = at(estimateAsOf, i);
                Long source = at(estimateSource, i);
                String note = at(estimateNote, i);
                if (missing(population) && missing(asOf) && source == null && missing(note)) {
                    continue;
                }
                if (missing(population) || source == null) {
                    throw new RuleViolated("populationEstimates", Refusals.EACH_FIGURE_NEEDS_NUMBER_SOURCE);
                }
                estimates.add(new PopulationEstimate(wholeNumber(population.strip()), day(asOf), source, orNull(note)));
            }
            return new Territory.SettlementDraft(
                    regionCode,
                    names(nameEn, nameAz, nameRu, nameHy),
                    kind,
                    point,
                    underAdministrationSince,
                    estimates);
        }
    }

    record EstimateRow(
            @Nullable String population,
            @Nullable String asOf,
            @Nullable Long sourceId,
            @Nullable String note) {}

    @GetMapping("/regions/{code}/settlements/new")
    String newSettlement(@PathVariable String code, Model model) {
        Region region = territory.writableRegion(callers.current(), code);
        if (!model.containsAttribute("settlementForm")) {
            model.addAttribute("settlementForm", SettlementForm.blank());
        }
        return settlementForm(region, null, model);
    }

    /** Adds a settlement to the region, then shows the region's settlements. */
    @PostMapping("/regions/{code}/settlements")
    String addSettlement(@PathVariable String code, SettlementForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/regions/" + code + "/settlements/new", redirect, "settlementForm", form, () -> {
            territory.addSettlement(callers.current(), form.draft(code));
            return "/regions/" + code + "#settlements";
        });
    }

    @GetMapping("/regions/{code}/settlements/{id}/edit")
    String editSettlement(@PathVariable String code, @PathVariable long id, Model model) {
        Settlement settlement = settlementOf(code, id);
        Region region = territory.writableRegion(callers.current(), code);
        if (!model.containsAttribute("settlementForm")) {
            model.addAttribute("settlementForm", SettlementForm.of(settlement));
        }
        return settlementForm(region, settlement, model);
    }

    /** Corrects a settlement's names, kind, place and figures; it stays in its region. */
    @PostMapping("/regions/{code}/settlements/{id}")
    String updateSettlement(
            @PathVariable String code, @PathVariable long id, SettlementForm form, RedirectAttributes redirect) {
        String page = "/regions/" + code + "/settlements/" + id + "/edit";
        return PageForms.attempt(page, redirect, "settlementForm", form, () -> {
            settlementOf(code, id);
            territory.updateSettlement(callers.current(), id, version(form.version()), form.draft(code));
            return "/regions/" + code + "#settlements";
        });
    }

    /** Removes a settlement no other record names; one still named stays, with what names it. */
    @PostMapping("/regions/{code}/settlements/{id}/removal")
    String removeSettlement(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        String page = "/regions/" + code + "/settlements/" + id + "/edit#removal";
        return PageForms.attempt(page, redirect, "removal", Boolean.TRUE, () -> {
            settlementOf(code, id);
            PageForms.requireTicked("confirmed", confirmed);
            territory.deleteSettlement(callers.current(), id);
            return "/regions/" + code + "#settlements";
        });
    }

    private String settlementForm(Region region, @Nullable Settlement settlement, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("settlement", settlement);
        model.addAttribute("kinds", SettlementKind.values());
        model.addAttribute("citable", sources.all());
        return "cop/settlement-form";
    }

    /** The settlement, if the caller sees it and it is of the region in the address. */
    private Settlement settlementOf(String code, long id) {
        Settlement settlement = territory.settlement(callers.current(), id);
        if (!settlement.region().code().equals(code)) {
            throw new RecordNotFound(CommonRefusals.NO_SETTLEMENT, id);
        }
        return settlement;
    }

    private void requireAdmin() {
        Scope scope = callers.current();
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("administrators only");
        }
    }

    static long version(@Nullable Long version) {
        if (version == null) {
            throw new RuleViolated("version", CommonRefusals.FORM_LOST_VERSION_CHANGES_RELOAD);
        }
        return version;
    }

    private static Names names(@Nullable String en, @Nullable String az, @Nullable String ru, @Nullable String hy) {
        return new Names(en == null ? "" : en.strip(), orNull(az), orNull(ru), orNull(hy));
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RuleViolated("populationEstimates", Refusals.NOT_A_WHOLE_NUMBER, text);
        }
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        if (missing(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new RuleViolated("populationEstimates", Refusals.NOT_A_DAY, text);
        }
    }

    static boolean missing(@Nullable String text) {
        return text == null || text.isBlank();
    }

    static @Nullable String orNull(@Nullable String text) {
        return missing(text) ? null : text.strip();
    }

    private static int size(@Nullable List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static <T> @Nullable T at(@Nullable List<T> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }
}
