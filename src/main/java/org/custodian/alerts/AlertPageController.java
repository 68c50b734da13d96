package org.custodian.alerts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.custodian.geo.GeoJsonModule;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Scope;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the alerts and the approval queue, composing with the map, an alert with its infos, area, history,
 * loudspeaker announcements and leaflet, and the forms that act on them.
 */
@Controller
class AlertPageController {

    private final Alerts alerts;
    private final Loudspeakers loudspeakers;
    private final Territory territory;
    private final MineAction mineAction;
    private final RegionTimes times;
    private final Callers callers;

    AlertPageController(
            Alerts alerts,
            Loudspeakers loudspeakers,
            Territory territory,
            MineAction mineAction,
            RegionTimes times,
            Callers callers) {
        this.alerts = alerts;
        this.loudspeakers = loudspeakers;
        this.territory = territory;
        this.mineAction = mineAction;
        this.times = times;
        this.callers = callers;
    }

    @GetMapping("/alerts")
    String list(Model model) {
        Scope scope = callers.current();
        model.addAttribute("alerts", alerts.alerts(scope));
        model.addAttribute(
                "queue",
                alerts.approvalQueue(scope).stream()
                        .filter(a -> !a.composedBy().equals(scope.username()))
                        .toList());
        model.addAttribute("composes", !alerts.composingRegions(scope).isEmpty());
        return "alerts/list";
    }

    @GetMapping("/alerts/new")
    String compose(@RequestParam(required = false) @Nullable Long updates, Model model) {
        Scope scope = callers.current();
        var regions = alerts.composingRegions(scope);
        if (regions.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no region to compose alerts in");
        }
        model.addAttribute("regions", regions);
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("hazardAreas", mineAction.hazardAreas(scope, null));
        model.addAttribute("updates", updates == null ? null : alerts.alert(scope, updates));
        model.addAttribute("languages", AlertInfo.LANGUAGES);
        model.addAttribute("categories", AlertInfo.CATEGORIES);
        model.addAttribute("urgencies", AlertInfo.URGENCIES);
        model.addAttribute("severities", AlertInfo.SEVERITIES);
        model.addAttribute("certainties", AlertInfo.CERTAINTIES);
        model.addAttribute("responseTypes", AlertInfo.RESPONSE_TYPES);
        return "alerts/new";
    }

    /** The compose form: shared codes, and per language an event, headline, description and instruction. */
    @PostMapping("/alerts")
    String compose(
            @RequestParam String regionCode,
            @RequestParam String category,
            @RequestParam String urgency,
            @RequestParam String severity,
            @RequestParam String certainty,
            @RequestParam String responseType,
            @RequestParam List<String> language,
            @RequestParam List<String> event,
            @RequestParam List<String> headline,
            @RequestParam List<String> description,
            @RequestParam List<String> instruction,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable List<String> fromRegions,
            @RequestParam(required = false) @Nullable List<Long> settlements,
            @RequestParam(required = false) @Nullable List<Long> hazardAreas,
            @RequestParam(required = false) @Nullable Double bufferMetres,
            @RequestParam(required = false) @Nullable String areaDescription,
            @RequestParam LocalDateTime effective,
            @RequestParam LocalDateTime expires,
            @RequestParam(required = false) @Nullable Long updates,
            @RequestParam(defaultValue = "true") boolean submit,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                updates == null ? "/alerts/new" : "/alerts/new?updates=" + updates,
                redirect,
                "regionCode",
                regionCode,
                () -> {
                    Scope scope = callers.current();
                    List<AlertInfo> infos = new ArrayList<>();
                    for (int i = 0; i < language.size(); i++) {
                        if (at(headline, i).isBlank() && at(instruction, i).isBlank()) {
                            continue; // a language left empty is not written in
                        }
                        infos.add(new AlertInfo(
                                language.get(i),
                                category,
                                at(event, i),
                                urgency,
                                severity,
                                certainty,
                                responseType,
                                at(headline, i),
                                at(description, i),
                                at(instruction, i)));
                    }
                    Geometry drawn = area == null || area.isBlank() ? null : GeoJsonModule.read("area", area);
                    var zone = times.zone(regionCode);
                    Alerts.Draft draft = new Alerts.Draft(
                            regionCode,
                            infos,
                            drawn,
                            fromRegions == null ? List.of() : fromRegions,
                            settlements == null ? List.of() : settlements,
                            hazardAreas == null ? List.of() : hazardAreas,
                            bufferMetres == null ? 0 : bufferMetres,
                            areaDescription,
                            effective.atZone(zone).toInstant(),
                            expires.atZone(zone).toInstant(),
                            submit);
                    Alert a = updates == null ? alerts.compose(scope, draft) : alerts.update(scope, updates, draft);
                    return "/alerts/" + a.id();
                });
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Alert alert = alerts.alert(scope, id);
        model.addAttribute("alert", alert);
        model.addAttribute("earlier", alerts.referenced(alert));
        model.addAttribute("tasks", loudspeakers.tasks(scope, id));
        model.addAttribute("composes", alerts.composes(scope, alert.regionCode()));
        model.addAttribute(
                "approves",
                alerts.composes(scope, alert.regionCode())
                        && !alert.composedBy().equals(scope.username()));
        model.addAttribute(
                "announces",
                alerts.composes(scope, alert.regionCode())
                        || (scope.role() == org.custodian.platform.Role.FIELD && scope.reads(alert.regionCode())));
        model.addAttribute("areaJson", GeoJsonModule.write(alert.area()));
        model.addAttribute("drawnJson", GeoJsonModule.write(alert.drawnArea()));
        model.addAttribute("addedHectares", alert.addedSquareMetres() / 10_000);
        model.addAttribute("drawnHectares", alert.drawnSquareMetres() / 10_000);
        return "alerts/alert";
    }

    @PostMapping("/alerts/{id}/submission")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt("/alerts/" + id, redirect, () -> alerts.submit(callers.current(), id));
    }

    @PostMapping("/alerts/{id}/approval")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt("/alerts/" + id, redirect, () -> alerts.approve(callers.current(), id, null));
    }

    @PostMapping("/alerts/{id}/return")
    String returnToDraft(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        return PageForms.attempt("/alerts/" + id, redirect, () -> alerts.returnToDraft(callers.current(), id, reason));
    }

    @PostMapping("/alerts/{id}/cancellation")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/alerts/" + id,
                redirect,
                "cancel",
                id,
                () -> "/alerts/" + alerts.cancel(callers.current(), id, null).id());
    }

    @PostMapping("/alerts/{id}/loudspeakers/{task}")
    String assign(
            @PathVariable long id,
            @PathVariable long task,
            @RequestParam String teams,
            @RequestParam LocalDateTime scheduledAt,
            RedirectAttributes redirect) {
        return PageForms.attempt("/alerts/" + id + "#loudspeakers", redirect, () -> {
            Alert alert = alerts.alert(callers.current(), id);
            Instant at = scheduledAt.atZone(times.zone(alert.regionCode())).toInstant();
            loudspeakers.assign(callers.current(), id, task, teams, at);
        });
    }

    @PostMapping("/alerts/{id}/loudspeakers/{task}/done")
    String done(
            @PathVariable long id,
            @PathVariable long task,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/alerts/" + id + "#loudspeakers",
                redirect,
                () -> loudspeakers.done(callers.current(), id, task, note));
    }
}
