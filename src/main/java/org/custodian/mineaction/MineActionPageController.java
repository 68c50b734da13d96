package org.custodian.mineaction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
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
import org.custodian.platform.Sources;
import org.custodian.territory.Agency;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: hazard areas with land release progress, accidents and recent ordnance finds; one hazard area with
 * its releases; the accident and find forms; one find with its disposal.
 */
@Controller
class MineActionPageController {

    private final MineAction mineAction;
    private final HazardAreaImport importer;
    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    MineActionPageController(
            MineAction mineAction, HazardAreaImport importer, Territory territory, Sources sources, Callers callers) {
        this.mineAction = mineAction;
        this.importer = importer;
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    /** Hazard areas, and accidents, the overview lists at a time. */
    static final int PAGE = 50;

    @GetMapping("/mine-action")
    String overview(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(name = "areas", defaultValue = "0") int areasPage,
            @RequestParam(name = "accidents", defaultValue = "0") int accidentsPage,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        ListPage<HazardArea> areas = mineAction.hazardAreas(scope, selected, Math.max(areasPage, 0), PAGE);
        ListPage<Accident> found = mineAction.accidents(scope, selected, Math.max(accidentsPage, 0), PAGE);
        List<Accident> accidents = found.records();
        MineAction.HazardTotals totals = mineAction.hazardTotals(scope, selected);
        model.addAttribute("region", selected);
        model.addAttribute(
                "regions",
                territory.regionNames().stream()
                        .filter(r -> scope.reads(r.code()))
                        .toList());
        model.addAttribute("areas", areas.records());
        model.addAttribute("areasPage", Math.max(areasPage, 0));
        model.addAttribute("areasPages", areas.pages(PAGE));
        model.addAttribute("accidents", accidents);
        model.addAttribute("accidentsMatched", found.matched());
        model.addAttribute("accidentsPage", Math.max(accidentsPage, 0));
        model.addAttribute("accidentsPages", found.pages(PAGE));
        model.addAttribute("finds", mineAction.recentFinds(scope, selected, RECENT_FINDS));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("progress", mineAction.progress(scope, selected));
        model.addAttribute("areasMatched", totals.areas());
        model.addAttribute("totalArea", totals.squareMetres());
        model.addAttribute("totalReleased", totals.releasedSquareMetres());
        model.addAttribute(
                "cited",
                sources.findAll(accidents.stream()
                        .flatMap(a -> a.sources().stream())
                        .distinct()
                        .toList()));
        return "mineaction/overview";
    }

    /** How many finds the overview lists: the latest, for the officer to follow up their disposal. */
    static final int RECENT_FINDS = 20;

    /** What the find form holds; given back with the reason when it is refused. */
    record FindForm(
            @Nullable String regionCode,
            @Nullable Double longitude,
            @Nullable Double latitude,
            @Nullable Contamination category,
            @Nullable String description,
            @Nullable Integer quantity,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate foundOn)
            implements java.io.Serializable {

        MineAction.FindDraft draft() {
            if (regionCode == null || category == null || quantity == null || foundOn == null) {
                throw new RuleViolated("find", Refusals.GIVE_REGION_CATEGORY_QUANTITY_DAY);
            }
            if (longitude == null || latitude == null) {
                throw new RuleViolated("location", CommonRefusals.PLACE_FIND_MAP_GIVE_LONGITUDE);
            }
            if (description == null || description.isBlank()) {
                throw new RuleViolated("description", Refusals.SAY_WHAT_FOUND);
            }
            return new MineAction.FindDraft(
                    regionCode,
                    org.custodian.geo.Wgs84.point(longitude, latitude),
                    category,
                    description.strip(),
                    quantity,
                    foundOn);
        }
    }

    @GetMapping("/mine-action/finds/new")
    String findForm(Model model) {
        Scope scope = callers.current();
        if (!model.containsAttribute("find")) {
            model.addAttribute("find", new FindForm(null, null, null, null, null, 1, null));
        }
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("categories", Contamination.values());
        return "mineaction/find-form";
    }

    /** Records a find from the form, then shows it, where its disposal is recorded. */
    @PostMapping("/mine-action/finds")
    String recordFind(FindForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/mine-action/finds/new",
                redirect,
                "find",
                form,
                () -> "/mine-action/finds/"
                        + mineAction.recordFind(callers.current(), form.draft()).id());
    }

    @GetMapping("/mine-action/finds/{id}")
    String find(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        OrdnanceFind find = mineAction.find(scope, id);
        model.addAttribute("find", find);
        model.addAttribute(
                "writable", scope.writes(find.regionCode()) && find.disposition() == OrdnanceFind.Disposition.AWAITING);
        model.addAttribute(
                "dispositions",
                List.of(OrdnanceFind.Disposition.DESTROYED_IN_SITU, OrdnanceFind.Disposition.MOVED_TO_CUSTODY));
        if (!model.containsAttribute("disposal")) {
            model.addAttribute("disposal", new DisposalForm(null, null));
        }
        return "mineaction/find";
    }

    /** What the disposal form holds; given back with the reason when it is refused. */
    record DisposalForm(
            OrdnanceFind.@Nullable Disposition disposition,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate disposedOn)
            implements java.io.Serializable {}

    /** Records what became of a find: destroyed where it lay, or moved to custody (custody takes it up). */
    @PostMapping("/mine-action/finds/{id}/disposition")
    String dispose(@PathVariable long id, DisposalForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/mine-action/finds/" + id, redirect, "disposal", form, () -> {
            if (form.disposition() == null || form.disposedOn() == null) {
                throw new RuleViolated("disposition", Refusals.SAY_WHAT_BECAME_FIND_DAY);
            }
            mineAction.dispose(callers.current(), id, form.disposition(), form.disposedOn());
            return "/mine-action/finds/" + id;
        });
    }

    /** What the accident form holds; given back with the reason when it is refused. */
    record AccidentForm(
            @Nullable String regionCode,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            LocalDateTime occurredAt,

            @Nullable Boolean dayOnly,
            @Nullable Double longitude,
            @Nullable Double latitude,
            @Nullable Contamination device,
            @Nullable String activity,
            @Nullable String description,
            @Nullable Long hazardAreaId,
            @Nullable String road,
            @Nullable List<VictimRow> victims,
            @Nullable List<Long> sourceIds)
            implements java.io.Serializable {

        static AccidentForm empty() {
            return new AccidentForm(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The victim rows to show: those given, then empty ones up to {@link #VICTIM_ROWS}. */
        public List<VictimRow> rows() {
            List<VictimRow> rows = new java.util.ArrayList<>(victims == null ? List.of() : victims);
            while (rows.size() < VICTIM_ROWS) {
                rows.add(new VictimRow(null, null, null, null));
            }
            return rows;
        }
    }

    /** One row of the victims table; a row with nothing chosen is no victim. */
    record VictimRow(
            Victim.@Nullable Outcome outcome,
            Victim.@Nullable Group group,
            Victim.@Nullable Sex sex,
            Victim.@Nullable AgeBand ageBand)
            implements java.io.Serializable {

        boolean blank() {
            return outcome == null && group == null && sex == null && ageBand == null;
        }
    }

    static final int VICTIM_ROWS = 6;

    @GetMapping("/mine-action/accidents/new")
    String accidentForm(Model model) {
        Scope scope = callers.current();
        if (!model.containsAttribute("accident")) {
            model.addAttribute("accident", AccidentForm.empty());
        }
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("devices", Contamination.values());
        model.addAttribute("areas", mineAction.hazardAreas(scope, null));
        model.addAttribute("outcomes", Victim.Outcome.values());
        model.addAttribute("groups", Victim.Group.values());
        model.addAttribute("sexes", Victim.Sex.values());
        model.addAttribute("ageBands", Victim.AgeBand.values());
        model.addAttribute("citable", sources.all());
        return "mineaction/accident-form";
    }

    /** Records an accident from the form; refused input comes back with the reason and what was typed. */
    @PostMapping("/mine-action/accidents")
    String recordAccident(AccidentForm form, RedirectAttributes redirect) {
        Scope scope = callers.current();
        return PageForms.attempt("/mine-action/accidents/new", redirect, "accident", form, () -> {
            if (form.regionCode() == null || form.occurredAt() == null || form.device() == null) {
                throw new RuleViolated("accident", Refusals.GIVE_REGION_TIME_DEVICE);
            }
            if (form.longitude() == null || form.latitude() == null) {
                throw new RuleViolated("location", Refusals.PLACE_ACCIDENT_MAP_GIVE_LONGITUDE);
            }
            if (form.activity() == null
                    || form.activity().isBlank()
                    || form.description() == null
                    || form.description().isBlank()) {
                throw new RuleViolated("description", Refusals.SAY_WHAT_VICTIMS_DOING_WHAT);
            }
            List<Victim> victims = new java.util.ArrayList<>();
            List<VictimRow> rows = form.victims() == null ? List.of() : form.victims();
            for (int i = 0; i < rows.size(); i++) {
                VictimRow row = rows.get(i);
                if (row.blank()) {
                    continue;
                }
                if (row.outcome() == null || row.group() == null || row.sex() == null || row.ageBand() == null) {
                    throw new RuleViolated("victims", Refusals.VICTIM_GIVE_OUTCOME_GROUP_SEX, (i + 1));
                }
                victims.add(new Victim(row.outcome(), row.group(), row.sex(), row.ageBand()));
            }
            Region region = territory.region(form.regionCode());
            mineAction.recordAccident(
                    scope,
                    new MineAction.AccidentDraft(
                            form.regionCode(),
                            org.custodian.territory.RegionTimes.moment(
                                    form.occurredAt().toLocalDate(),
                                    Boolean.TRUE.equals(form.dayOnly())
                                            ? null
                                            : form.occurredAt().toLocalTime(),
                                    region.zone()),
                            !Boolean.TRUE.equals(form.dayOnly()),
                            org.custodian.geo.Wgs84.point(form.longitude(), form.latitude()),
                            form.device(),
                            form.activity().strip(),
                            form.description().strip(),
                            form.hazardAreaId(),
                            form.road() == null || form.road().isBlank()
                                    ? null
                                    : form.road().strip(),
                            victims,
                            form.sourceIds() == null ? java.util.Set.of() : java.util.Set.copyOf(form.sourceIds())));
            return "/mine-action?region=" + form.regionCode() + "#accidents";
        });
    }

    /** What the new hazard area form holds; given back with the reason when it is refused. */
    record HazardAreaForm(
            @Nullable String regionCode,
            @Nullable String name,
            HazardArea.@Nullable Classification classification,
            HazardArea.@Nullable Priority priority,
            @Nullable List<Contamination> contamination,
            @Nullable List<Long> sourceIds,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate recordedOn,

            @Nullable String area)
            implements java.io.Serializable {

        static HazardAreaForm empty() {
            return new HazardAreaForm(
                    null,
                    null,
                    HazardArea.Classification.SHA,
                    HazardArea.Priority.MEDIUM,
                    List.of(),
                    List.of(),
                    null,
                    "");
        }

        MineAction.HazardAreaDraft draft() {
            if (regionCode == null || name == null || name.isBlank() || classification == null || priority == null) {
                throw new RuleViolated("hazardArea", Refusals.GIVE_NAME_REGION_CLASSIFICATION_PRIORITY);
            }
            if (area == null || area.isBlank()) {
                throw new RuleViolated("area", Refusals.DRAW_HAZARD_AREA_MAP_PASTE);
            }
            return new MineAction.HazardAreaDraft(
                    regionCode,
                    name.strip(),
                    classification,
                    priority,
                    contamination == null ? java.util.Set.of() : java.util.Set.copyOf(contamination),
                    GeoJsonModule.read("area", area),
                    recordedOn,
                    sourceIds == null ? java.util.Set.of() : java.util.Set.copyOf(sourceIds));
        }
    }

    @GetMapping("/mine-action/hazard-areas/new")
    String hazardAreaForm(Model model) {
        if (!model.containsAttribute("hazardArea")) {
            model.addAttribute("hazardArea", HazardAreaForm.empty());
        }
        model.addAttribute("regions", territory.writableRegions(callers.current()));
        model.addAttribute("classifications", HazardArea.Classification.values());
        model.addAttribute("priorities", HazardArea.Priority.values());
        model.addAttribute("contaminations", Contamination.values());
        model.addAttribute("citable", sources.all());
        return "mineaction/hazard-area-form";
    }

    /** Records a hazard area from the form, then shows it; refused, the drawing and the fields are kept. */
    @PostMapping("/mine-action/hazard-areas")
    String recordHazardArea(HazardAreaForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/mine-action/hazard-areas/new", redirect, "hazardArea", form, () -> {
            HazardArea area = mineAction.recordHazardArea(callers.current(), form.draft());
            return "/mine-action/hazard-areas/" + area.id();
        });
    }

    @GetMapping("/mine-action/hazard-areas/import")
    String importForm(Model model) {
        model.addAttribute("regions", territory.writableRegions(callers.current()));
        return "mineaction/hazard-area-import";
    }

    /**
     * Imports a GeoJSON or GeoPackage file as the API does, all or nothing, and shows what became of each
     * feature; a file that cannot be read comes back with the reason.
     */
    @PostMapping(path = "/mine-action/hazard-areas/import", consumes = "multipart/form-data")
    String importFile(
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @Nullable String region,
            Model model,
            RedirectAttributes redirect)
            throws java.io.IOException {
        String name = org.custodian.platform.UploadedFileName.of(file.getOriginalFilename(), "upload.geojson");
        String selected = region == null || region.isBlank() ? null : region;
        byte[] content = file.getBytes();
        // The report is shown on this page; only a refusal of the whole file goes back to the form.
        HazardAreaImport.Report[] report = new HazardAreaImport.Report[1];
        String refused = PageForms.attempt("/mine-action/hazard-areas/import", redirect, () -> {
            report[0] = importer.importFile(callers.current(), name, content, selected);
        });
        if (report[0] == null) {
            return refused;
        }
        model.addAttribute("regions", territory.writableRegions(callers.current()));
        model.addAttribute("report", report[0]);
        model.addAttribute("fileName", name);
        return "mineaction/hazard-area-import";
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
        model.addAttribute("methods", ReleaseMethod.values());
        model.addAttribute("areaGeoJson", GeoJsonModule.write(area.area()));
        List<Geometry> released =
                area.releases().stream().map(r -> (Geometry) r.area()).toList();
        model.addAttribute(
                "releasedGeoJson",
                released.isEmpty()
                        ? ""
                        : GeoJsonModule.write(area.area().getFactory().buildGeometry(released)));
        model.addAttribute("releaseRefused", model.containsAttribute("release"));
        if (!model.containsAttribute("release")) {
            model.addAttribute("release", new ReleaseForm(null, null, null, null, ""));
        }
        return "mineaction/hazard-area";
    }

    /** What the land release form holds; given back with the reason when it is refused. */
    record ReleaseForm(
            @Nullable Long organisationId,
            @Nullable ReleaseMethod method,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate startedOn,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate completedOn,

            String area)
            implements java.io.Serializable {}

    /**
     * Records land released from the hazard area: the polygon drawn on the page's map (or pasted as
     * GeoJSON), the method, the organisation and the dates.
     */
    @PostMapping("/mine-action/hazard-areas/{id}/releases")
    String release(@PathVariable long id, ReleaseForm form, RedirectAttributes redirect) {
        String page = "/mine-action/hazard-areas/" + id + "#release-form";
        return PageForms.attempt(page, redirect, "release", form, () -> {
            if (form.organisationId() == null
                    || form.method() == null
                    || form.startedOn() == null
                    || form.completedOn() == null) {
                throw new RuleViolated("release", Refusals.GIVE_ORGANISATION_METHOD_BOTH_DATES);
            }
            if (form.area().isBlank()) {
                throw new RuleViolated("area", Refusals.DRAW_RELEASED_AREA_MAP_PASTE);
            }
            mineAction.release(
                    callers.current(),
                    id,
                    new MineAction.ReleaseDraft(
                            form.organisationId(),
                            form.method(),
                            form.startedOn(),
                            form.completedOn(),
                            GeoJsonModule.read("area", form.area())));
            return page;
        });
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
        return PageForms.attempt("/mine-action/hazard-areas/" + id, redirect, () -> {
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
        });
    }
}
