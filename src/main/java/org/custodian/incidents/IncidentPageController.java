package org.custodian.incidents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.GeoJsonModule;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.PageForms;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Agency;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the incident list with filters, one incident with its sources and figures, the review queue, the
 * monitoring centre with its daily violations report. */
@Controller
class IncidentPageController {

    static final int PAGE = 50;

    private final Incidents incidents;
    private final Sources sources;
    private final Territory territory;
    private final Callers callers;

    IncidentPageController(Incidents incidents, Sources sources, Territory territory, Callers callers) {
        this.incidents = incidents;
        this.sources = sources;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/incidents")
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable IncidentType type,
            @RequestParam(required = false) Incident.@Nullable Status status,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        Incidents.Page found = incidents.incidents(
                scope, new Incidents.Filter(selected, type, status, from, to), Math.max(page, 0) * PAGE, PAGE);
        model.addAttribute("incidents", found.incidents());
        model.addAttribute("matched", found.matched());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (found.matched() + PAGE - 1) / PAGE);
        model.addAttribute(
                "regions",
                territory.regionNames().stream()
                        .filter(r -> scope.reads(r.code()))
                        .toList());
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("statuses", Incident.Status.values());
        model.addAttribute("region", selected);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("canRecord", territory.writesAnyRegion(scope));
        return "incidents/list";
    }

    /** What the new incident page sends; kept as typed so a refused form comes back filled in. */
    record IncidentForm(
            @Nullable String regionCode,
            @Nullable IncidentType type,
            @Nullable LocalDate occurredOn,
            @Nullable LocalTime occurredTime,
            Incident.@Nullable TimePrecision timePrecision,
            @Nullable String location,
            Incident.@Nullable GeoPrecision geoPrecision,
            @Nullable String actor1,
            @Nullable String actor2,
            @Nullable String description,
            @Nullable Boolean ceasefireViolation,
            @Nullable Long reportingAgencyId,
            @Nullable Set<Long> sources,
            @Nullable Integer killedCivilian,
            @Nullable Integer killedPolice,
            @Nullable Integer killedMilitary,
            @Nullable Integer killedDeminer,
            @Nullable Integer killedChildren,
            @Nullable Integer injuredCivilian,
            @Nullable Integer injuredPolice,
            @Nullable Integer injuredMilitary,
            @Nullable Integer injuredDeminer,
            @Nullable Integer injuredChildren,
            @Nullable String subType,
            @Nullable Long version)
            implements java.io.Serializable {

        static IncidentForm empty() {
            return new IncidentForm(
                    null,
                    null,
                    null,
                    null,
                    Incident.TimePrecision.EXACT,
                    null,
                    Incident.GeoPrecision.EXACT,
                    null,
                    null,
                    null,
                    false,
                    null,
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** The incident as it stands, for its edit page: its time and day read in the region's zone. */
        static IncidentForm of(Incident incident, ZoneId zone) {
            java.time.ZonedDateTime at = incident.occurredAt().atZone(zone);
            Casualties c = incident.casualties();
            return new IncidentForm(
                    incident.regionCode(),
                    incident.type(),
                    at.toLocalDate(),
                    incident.timePrecision() == Incident.TimePrecision.EXACT
                            ? at.toLocalTime().withSecond(0).withNano(0)
                            : null,
                    incident.timePrecision(),
                    GeoJsonModule.write(incident.location()),
                    incident.geoPrecision(),
                    incident.actor1(),
                    incident.actor2(),
                    incident.description(),
                    incident.ceasefireViolation(),
                    incident.reportingAgencyId(),
                    Set.copyOf(incident.sources()),
                    c.killedCivilian(),
                    c.killedPolice(),
                    c.killedMilitary(),
                    c.killedDeminer(),
                    c.killedChildren(),
                    c.injuredCivilian(),
                    c.injuredPolice(),
                    c.injuredMilitary(),
                    c.injuredDeminer(),
                    c.injuredChildren(),
                    incident.subType(),
                    incident.version());
        }

        /** A casualty count by its field name, for the form's table; 0 when left empty. */
        public int count(String field) {
            Integer n =
                    switch (field) {
                        case "killedCivilian" -> killedCivilian;
                        case "killedPolice" -> killedPolice;
                        case "killedMilitary" -> killedMilitary;
                        case "killedDeminer" -> killedDeminer;
                        case "killedChildren" -> killedChildren;
                        case "injuredCivilian" -> injuredCivilian;
                        case "injuredPolice" -> injuredPolice;
                        case "injuredMilitary" -> injuredMilitary;
                        case "injuredDeminer" -> injuredDeminer;
                        case "injuredChildren" -> injuredChildren;
                        default -> throw new IllegalArgumentException(field);
                    };
            return n == null ? 0 : n;
        }

        Incidents.IncidentDraft draft(ZoneId zone) {
            if (regionCode == null
                    || type == null
                    || occurredOn == null
                    || location == null
                    || location.isBlank()
                    || description == null
                    || description.isBlank()) {
                throw new RuleViolated("incident", Refusals.GIVE_REGION_TYPE_DAY_LOCATION);
            }
            Incident.TimePrecision precision = timePrecision == null ? Incident.TimePrecision.EXACT : timePrecision;
            if (precision == Incident.TimePrecision.EXACT && occurredTime == null) {
                throw new RuleViolated("occurredTime", Refusals.GIVE_TIME_SAY_ONLY_DAY);
            }
            return new Incidents.IncidentDraft(
                    regionCode,
                    type,
                    blankToNull(subType),
                    RegionTimes.moment(
                            occurredOn, precision == Incident.TimePrecision.EXACT ? occurredTime : null, zone),
                    precision,
                    GeoJsonModule.read("location", location),
                    geoPrecision == null ? Incident.GeoPrecision.EXACT : geoPrecision,
                    blankToNull(actor1),
                    blankToNull(actor2),
                    description,
                    new Casualties(
                            count("killedCivilian"),
                            count("killedPolice"),
                            count("killedMilitary"),
                            count("killedDeminer"),
                            count("killedChildren"),
                            count("injuredCivilian"),
                            count("injuredPolice"),
                            count("injuredMilitary"),
                            count("injuredDeminer"),
                            count("injuredChildren")),
                    Boolean.TRUE.equals(ceasefireViolation),
                    reportingAgencyId,
                    sources == null ? Set.of() : sources);
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    @GetMapping("/incidents/new")
    String newIncident(Model model) {
        Scope scope = callers.current();
        model.addAttribute("regions", territory.writableRegions(scope));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", IncidentForm.empty());
        }
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("timePrecisions", Incident.TimePrecision.values());
        model.addAttribute("geoPrecisions", Incident.GeoPrecision.values());
        model.addAttribute("agencies", territory.agencies());
        model.addAttribute("allSources", sources.all());
        return "incidents/new";
    }

    /** Records an incident from the new incident page, then shows it. */
    @PostMapping("/incidents")
    String record(IncidentForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/incidents/new", redirect, "form", form, () -> {
            if (form.regionCode() == null) {
                throw new RuleViolated("regionCode", CommonRefusals.CHOOSE_REGION);
            }
            ZoneId zone = territory.region(form.regionCode()).zone();
            Incident incident = incidents.record(callers.current(), form.draft(zone));
            return "/incidents/" + incident.id();
        });
    }

    /** The edit page: the incident's particulars and place in the new incident's form, filled in. */
    @GetMapping("/incidents/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Incident incident = incidents.incident(scope, id);
        model.addAttribute("regions", java.util.List.of(territory.writableRegion(scope, incident.regionCode())));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    IncidentForm.of(
                            incident, territory.region(incident.regionCode()).zone()));
        }
        model.addAttribute("editing", incident);
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("timePrecisions", Incident.TimePrecision.values());
        model.addAttribute("geoPrecisions", Incident.GeoPrecision.values());
        model.addAttribute("agencies", territory.agencies());
        model.addAttribute("allSources", sources.all());
        return "incidents/new";
    }

    /** Corrects the incident from its edit page; a version read before someone else's change is refused. */
    @PostMapping("/incidents/{id}")
    String correct(@PathVariable long id, IncidentForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/incidents/" + id + "/edit", redirect, "form", form, () -> {
            if (form.version() == null || form.regionCode() == null) {
                throw new RuleViolated("version", Refusals.OPEN_INCIDENT_S_EDIT_PAGE);
            }
            ZoneId zone = territory.region(form.regionCode()).zone();
            incidents.update(callers.current(), id, form.version(), form.draft(zone));
            return "/incidents/" + id;
        });
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Incident incident = incidents.incident(scope, id);
        model.addAttribute("incident", incident);
        model.addAttribute("cited", sources.findAll(incident.sources()).values());
        model.addAttribute("figures", incidents.figures(scope, id));
        model.addAttribute("allSources", sources.all());
        model.addAttribute("agencies", agencies());
        model.addAttribute("reviewer", incidents.reviews(scope, incident));
        model.addAttribute("writable", scope.writes(incident.regionCode()));
        model.addAttribute("statuses", Incident.Status.values());
        return "incidents/incident";
    }

    @GetMapping("/incidents/review")
    String queue(Model model) {
        Scope scope = callers.current();
        model.addAttribute("incidents", incidents.reviewQueue(scope));
        return "incidents/review";
    }

    @GetMapping("/monitoring")
    String monitoring(
            @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String region,
            Model model) {
        Scope scope = callers.current();
        LocalDate day = date == null ? LocalDate.of(2023, 9, 19) : date;
        String selected = region == null || region.isBlank() ? null : region;
        model.addAllAttributes(ViolationsReport.model(incidents, sources, territory, scope, day, selected));
        model.addAttribute(
                "centreSources",
                incidents
                        .monitoringCentre()
                        .map(c -> sources.findAll(c.sources()).values())
                        .orElse(java.util.List.of()));
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("regionCode", selected);
        return "incidents/monitoring";
    }

    @PostMapping("/incidents/{id}/reviews")
    String review(
            @PathVariable long id,
            @RequestParam Incident.Status status,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        // A refused step comes back with the status that was chosen, not the first of the list.
        return PageForms.attempt("/incidents/" + id, redirect, "chosenStatus", status, () -> {
            incidents.review(callers.current(), id, status, reason);
            return "/incidents/" + id;
        });
    }

    @PostMapping("/incidents/{id}/sources")
    String cite(@PathVariable long id, @RequestParam long sourceId, RedirectAttributes redirect) {
        return PageForms.attempt("/incidents/" + id, redirect, () -> incidents.cite(callers.current(), id, sourceId));
    }

    @PostMapping("/incidents/{id}/sources/{sourceId}/removal")
    String removeCitation(@PathVariable long id, @PathVariable long sourceId, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/incidents/" + id, redirect, () -> incidents.removeCitation(callers.current(), id, sourceId));
    }

    @PostMapping("/incidents/{id}/figures")
    String reportFigure(
            @PathVariable long id,
            @RequestParam String measure,
            @RequestParam BigDecimal value,
            @RequestParam long sourceId,
            @RequestParam LocalDate reportedOn,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/incidents/" + id,
                redirect,
                () -> incidents.reportFigure(
                        callers.current(),
                        id,
                        new ReportedFigures.Report(
                                measure, ReportedFigures.Kind.COUNT, value, sourceId, reportedOn, note)));
    }

    @PostMapping("/incidents/{id}/figures/{figure}/acceptance")
    String accept(@PathVariable long id, @PathVariable long figure, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/incidents/" + id, redirect, () -> incidents.acceptFigure(callers.current(), id, figure));
    }

    private Map<Long, Agency> agencies() {
        return territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }
}
