package org.custodian.alerts;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.custodian.geo.GeoJsonModule;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Reason;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
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
    String list(@RequestParam(required = false) @Nullable String region, Model model) {
        Scope scope = callers.current();
        model.addAttribute(
                "alerts",
                alerts.alerts(scope).stream()
                        .filter(a -> region == null
                                || region.isBlank()
                                || a.regionCode().equals(region))
                        .toList());
        model.addAttribute("region", region == null || region.isBlank() ? null : region);
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
            throw new AccessDeniedException("no region to compose alerts in");
        }
        Alert earlier = updates == null ? null : alerts.alert(scope, updates);
        if (earlier != null) {
            // An update stays in the region of the alert it updates.
            regions = regions.stream()
                    .filter(r -> r.code().equals(earlier.regionCode()))
                    .toList();
            if (earlier.status() != Alert.Status.ISSUED && !model.containsAttribute("error")) {
                model.addAttribute(
                        "error",
                        Reason.of(
                                        Refusals.ONLY_ISSUED_ALERT_UPDATED,
                                        earlier.identifier(),
                                        Alert.said(earlier.status()))
                                .in(LocaleContextHolder.getLocale()));
            }
        }
        if (!model.containsAttribute("alertForm")) {
            model.addAttribute(
                    "alertForm",
                    earlier == null
                            ? AlertForm.blank()
                            : AlertForm.of(earlier, times.zone(earlier.regionCode()), Instant.now()));
        }
        model.addAttribute("regions", regions);
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("hazardAreas", mineAction.hazardAreas(scope, null));
        model.addAttribute("updates", earlier);
        model.addAttribute("languages", AlertInfo.LANGUAGES);
        model.addAttribute("categories", AlertInfo.CATEGORIES);
        model.addAttribute("urgencies", AlertInfo.URGENCIES);
        model.addAttribute("severities", AlertInfo.SEVERITIES);
        model.addAttribute("certainties", AlertInfo.CERTAINTIES);
        model.addAttribute("responseTypes", AlertInfo.RESPONSE_TYPES);
        return "alerts/new";
    }

    /**
     * What the compose form holds: shared codes, per language (parallel lists, one entry a language) an event,
     * headline, description and instruction, the area and the times in the region's zone. Prefilled from the
     * alert an update replaces, and given back with the reason when refused, so nothing is typed twice.
     */
    record AlertForm(
            @Nullable String regionCode,
            @Nullable String category,
            @Nullable String urgency,
            @Nullable String severity,
            @Nullable String certainty,
            @Nullable String responseType,
            @Nullable List<String> language,
            @Nullable List<String> event,
            @Nullable List<String> headline,
            @Nullable List<String> description,
            @Nullable List<String> instruction,
            @Nullable String area,
            @Nullable List<String> fromRegions,
            @Nullable List<Long> settlements,
            @Nullable List<Long> hazardAreas,
            @Nullable Double bufferMetres,
            @Nullable String areaDescription,
            @Nullable LocalDateTime effective,
            @Nullable LocalDateTime expires,
            @Nullable Boolean submit)
            implements Serializable {

        private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        /** A new alert's form: the usual codes of a warning about explosive hazards chosen. */
        static AlertForm blank() {
            List<String> none = AlertInfo.LANGUAGES.stream().map(l -> "").toList();
            return new AlertForm(
                    null,
                    "Safety",
                    "Immediate",
                    "Severe",
                    "Observed",
                    "Avoid",
                    AlertInfo.LANGUAGES,
                    none,
                    none,
                    none,
                    none,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    0.0,
                    null,
                    null,
                    null,
                    true);
        }

        /**
         * An update's form, from the alert it updates: its texts in each language, its codes, its area as drawn
         * (as published when the drawing is too large to send again), effective from now until it expires.
         */
        static AlertForm of(Alert earlier, ZoneId zone, Instant now) {
            List<String> languages = AlertInfo.LANGUAGES;
            List<AlertInfo> infos = languages.stream()
                    .map(l -> earlier.infos().stream()
                            .filter(i -> i.language().equals(l))
                            .findFirst()
                            .orElse(null))
                    .toList();
            AlertInfo first = earlier.infos().getFirst();
            Geometry shown = earlier.drawnArea().getNumPoints() <= AreaChoice.MAX_DRAWN_VERTICES
                            && !earlier.drawnArea().isEmpty()
                    ? earlier.drawnArea()
                    : earlier.area();
            Instant from = earlier.effective().isAfter(now) ? earlier.effective() : now;
            return new AlertForm(
                    earlier.regionCode(),
                    first.category(),
                    first.urgency(),
                    first.severity(),
                    first.certainty(),
                    first.responseType(),
                    languages,
                    texts(infos, AlertInfo::event),
                    texts(infos, AlertInfo::headline),
                    texts(infos, AlertInfo::description),
                    texts(infos, AlertInfo::instruction),
                    GeoJsonModule.write(shown),
                    List.of(),
                    List.of(),
                    List.of(),
                    0.0,
                    earlier.areaDescription(),
                    LocalDateTime.ofInstant(from, zone).truncatedTo(ChronoUnit.MINUTES),
                    LocalDateTime.ofInstant(earlier.expires(), zone).truncatedTo(ChronoUnit.MINUTES),
                    true);
        }

        private static List<String> texts(List<@Nullable AlertInfo> infos, Function<AlertInfo, String> text) {
            return infos.stream().map(i -> i == null ? "" : text.apply(i)).toList();
        }

        /** The event, headline, description or instruction typed in a language; empty when none. */
        public String text(String field, String lang) {
            List<String> values =
                    switch (field) {
                        case "event" -> event;
                        case "headline" -> headline;
                        case "description" -> description;
                        default -> instruction;
                    };
            int i = language == null ? -1 : language.indexOf(lang);
            return values == null || i < 0 || i >= values.size() ? "" : values.get(i);
        }

        /** The buffer as typed: whole metres without a decimal point. */
        public String bufferField() {
            double metres = bufferMetres == null ? 0 : bufferMetres;
            return metres == Math.rint(metres) ? String.valueOf((long) metres) : String.valueOf(metres);
        }

        public String effectiveField() {
            return effective == null ? "" : LOCAL_MINUTE.format(effective);
        }

        public String expiresField() {
            return expires == null ? "" : LOCAL_MINUTE.format(expires);
        }

        Alerts.Draft draft(ZoneId zone) {
            if (regionCode == null || regionCode.isBlank()) {
                throw new RuleViolated("regionCode", Refusals.IS_REQUIRED, "regionCode");
            }
            if (effective == null) {
                throw new RuleViolated("effective", Refusals.IS_REQUIRED, "effective");
            }
            if (expires == null) {
                throw new RuleViolated("expires", Refusals.IS_REQUIRED, "expires");
            }
            List<AlertInfo> infos = new ArrayList<>();
            List<String> languages = language == null ? List.of() : language;
            for (String l : languages) {
                if (text("headline", l).isBlank() && text("instruction", l).isBlank()) {
                    continue; // a language left empty is not written in
                }
                infos.add(new AlertInfo(
                        l,
                        category,
                        text("event", l),
                        urgency,
                        severity,
                        certainty,
                        responseType,
                        text("headline", l),
                        text("description", l),
                        text("instruction", l)));
            }
            Geometry drawn = area == null || area.isBlank() ? null : GeoJsonModule.read("area", area);
            return new Alerts.Draft(
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
                    submit == null || submit);
        }
    }

    /** The compose form: a new alert, then shown. */
    @PostMapping("/alerts")
    String compose(AlertForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/alerts/new",
                redirect,
                "alertForm",
                form,
                () -> "/alerts/"
                        + alerts.compose(callers.current(), form.draft(zone(form)))
                                .id());
    }

    /** The compose form of an update of an issued alert: the update, referring to it, is then shown. */
    @PostMapping("/alerts/{id}/updates")
    String update(@PathVariable long id, AlertForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/alerts/new?updates=" + id,
                redirect,
                "alertForm",
                form,
                () -> "/alerts/"
                        + alerts.update(callers.current(), id, form.draft(zone(form)))
                                .id());
    }

    /** The zone the form's times are in: its region's, or any while no region is chosen (then refused). */
    private ZoneId zone(AlertForm form) {
        return form.regionCode() == null || form.regionCode().isBlank()
                ? ZoneOffset.UTC
                : times.zone(form.regionCode());
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
                        || (scope.role() == Role.FIELD && scope.reads(alert.regionCode())));
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
