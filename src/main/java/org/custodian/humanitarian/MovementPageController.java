package org.custodian.humanitarian;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Settlement;
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
 * Pages: the convoy board by status with days waiting, a convoy with its manifest and history, the
 * evacuation log with totals by age band, an evacuation with each source's figures side by side, the
 * notifications and their acknowledgements; and the forms that write them.
 */
@Controller
class MovementPageController {

    private final Convoys convoys;
    private final Evacuations evacuations;
    private final Notifications notifications;
    private final Corridors corridors;
    private final Shelters shelters;
    private final Territory territory;
    private final RegionTimes times;
    private final Sources sources;
    private final Callers callers;

    MovementPageController(
            Convoys convoys,
            Evacuations evacuations,
            Notifications notifications,
            Corridors corridors,
            Shelters shelters,
            Territory territory,
            RegionTimes times,
            Sources sources,
            Callers callers) {
        this.convoys = convoys;
        this.evacuations = evacuations;
        this.notifications = notifications;
        this.corridors = corridors;
        this.shelters = shelters;
        this.territory = territory;
        this.times = times;
        this.sources = sources;
        this.callers = callers;
    }

    @GetMapping("/convoys")
    String board(@RequestParam(required = false) @Nullable String region, Model model) {
        Scope scope = callers.current();
        Map<Convoy.Status, List<Convoy>> board = new LinkedHashMap<>();
        // A region's hub links here with its region: the board shows only its convoys.
        convoys.board(scope)
                .forEach((status, list) -> board.put(
                        status,
                        list.stream()
                                .filter(c -> region == null
                                        || region.isBlank()
                                        || c.regionCode().equals(region))
                                .toList()));
        model.addAttribute("region", region == null || region.isBlank() ? null : region);
        Map<Long, @Nullable Long> days = new LinkedHashMap<>();
        board.values().forEach(list -> list.forEach(c -> days.put(c.id(), convoys.daysWaiting(c))));
        model.addAttribute("board", board);
        model.addAttribute("days", days);
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("units", ManifestLine.Unit.values());
        model.addAttribute("sources", sources.all());
        return "humanitarian/convoys";
    }

    /** Records a convoy between two settlements with its first manifest line; the way is planned by road. */
    @PostMapping("/convoys")
    String recordConvoy(
            @RequestParam String regionCode,
            @RequestParam String organisation,
            @RequestParam long fromSettlement,
            @RequestParam long toSettlement,
            @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable BigDecimal quantity,
            @RequestParam(required = false) ManifestLine.@Nullable Unit unit,
            @RequestParam(required = false) @Nullable Long sourceId,
            RedirectAttributes redirect) {
        return PageForms.attempt("/convoys#convoy-form", redirect, "convoyForm", organisation, () -> {
            Scope scope = callers.current();
            Settlement from = territory.settlement(scope, fromSettlement);
            Settlement to = territory.settlement(scope, toSettlement);
            List<ManifestLine> manifest = item == null || item.isBlank()
                    ? List.of()
                    : List.of(new ManifestLine(
                            item,
                            required("quantity", Refusals.GIVE_MANIFEST_QUANTITY, quantity),
                            required("unit", Refusals.GIVE_MANIFEST_UNIT, unit)));
            Convoy c = convoys.record(
                    scope,
                    new Convoys.Draft(
                            regionCode,
                            organisation,
                            from.location(),
                            from.names().en(),
                            to.location(),
                            to.names().en(),
                            null,
                            manifest,
                            sourceId == null ? Set.of() : Set.of(sourceId),
                            null));
            return "/convoys/" + c.id();
        });
    }

    private static <T> T required(String field, Refusals missing, @Nullable T value) {
        if (value == null) {
            throw new RuleViolated(field, missing);
        }
        return value;
    }

    @GetMapping("/convoys/{id}")
    String convoy(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Convoy convoy = convoys.convoy(scope, id);
        model.addAttribute("convoy", convoy);
        model.addAttribute("daysWaiting", convoys.daysWaiting(convoy));
        model.addAttribute("geometry", GeoJsonModule.write(convoy.path()));
        model.addAttribute(
                "next", Convoy.NEXT.get(convoy.status()).stream().sorted().toList());
        model.addAttribute("units", ManifestLine.Unit.values());
        model.addAttribute(
                "cited", List.copyOf(sources.findAll(convoy.sources()).values()));
        model.addAttribute("writable", scope.writes(convoy.regionCode()));
        return "humanitarian/convoy";
    }

    @PostMapping("/convoys/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam Convoy.Status status,
            @RequestParam String reason,
            @RequestParam(required = false) @Nullable LocalDateTime at,
            RedirectAttributes redirect) {
        return PageForms.attempt("/convoys/" + id, redirect, () -> {
            Scope scope = callers.current();
            Convoy convoy = convoys.convoy(scope, id);
            convoys.changeStatus(
                    scope,
                    id,
                    status,
                    reason,
                    at == null
                            ? null
                            : at.atZone(times.zone(convoy.regionCode())).toInstant());
        });
    }

    @PostMapping("/convoys/{id}/manifest")
    String load(
            @PathVariable long id,
            @RequestParam String item,
            @RequestParam BigDecimal quantity,
            @RequestParam ManifestLine.Unit unit,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/convoys/" + id + "#manifest",
                redirect,
                () -> convoys.load(callers.current(), id, new ManifestLine(item, quantity, unit)));
    }

    @PostMapping("/convoys/{id}/manifest/{index}/removal")
    String unload(@PathVariable long id, @PathVariable int index, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/convoys/" + id + "#manifest", redirect, () -> convoys.unload(callers.current(), id, index));
    }

    @GetMapping("/evacuations")
    String log(@RequestParam(required = false) @Nullable String region, Model model) {
        Scope scope = callers.current();
        List<Evacuation> all = evacuations.evacuations(scope).stream()
                .filter(e ->
                        region == null || region.isBlank() || e.regionCode().equals(region))
                .toList();
        model.addAttribute("region", region == null || region.isBlank() ? null : region);
        Map<Long, Map<String, Integer>> standing = evacuations.standing(all);
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (String measure : People.MEASURES) {
            standing.values().stream()
                    .map(m -> m.get(measure))
                    .filter(java.util.Objects::nonNull)
                    .reduce(Integer::sum)
                    .ifPresent(sum -> totals.put(measure, sum));
        }
        model.addAttribute("evacuations", all);
        model.addAttribute("standing", standing);
        model.addAttribute("totals", totals);
        model.addAttribute("measures", Arrays.asList(People.MEASURES));
        model.addAttribute("bands", Arrays.asList(People.AGE_BANDS));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("shelters", shelters.shelters(scope));
        model.addAttribute("corridors", corridors.corridors(scope));
        model.addAttribute("sources", sources.all());
        return "humanitarian/evacuations";
    }

    /** The people as typed in a report form; blank fields are left out of the report. */
    record PeopleForm(
            @Nullable BigDecimal evacuated,
            @Nullable BigDecimal age0to4,
            @Nullable BigDecimal age5to11,
            @Nullable BigDecimal age12to17,
            @Nullable BigDecimal age18to59,
            @Nullable BigDecimal age60plus,
            @Nullable BigDecimal female,
            @Nullable BigDecimal male,
            @Nullable BigDecimal disabled,
            @Nullable BigDecimal children,
            @Nullable Long sourceId,
            @Nullable LocalDate reportedOn,
            @Nullable String note)
            implements java.io.Serializable {

        Evacuations.Report report() {
            if (sourceId == null || reportedOn == null || evacuated == null) {
                throw new RuleViolated("sourceId", Refusals.GIVE_SOURCE_DAY_REPORT_PEOPLE);
            }
            return new EvacuationController.ReportInput(
                            sourceId,
                            reportedOn,
                            note == null || note.isBlank() ? null : note,
                            new EvacuationController.PeopleInput(
                                    evacuated, age0to4, age5to11, age12to17, age18to59, age60plus, female, male,
                                    disabled, children))
                    .report();
        }
    }

    @PostMapping("/evacuations")
    String recordEvacuation(
            @RequestParam String regionCode,
            @RequestParam long fromSettlement,
            @RequestParam(required = false) @Nullable Long toShelterId,
            @RequestParam(required = false) @Nullable Long toSettlement,
            @RequestParam LocalDate evacuatedOn,
            @RequestParam(required = false) @Nullable String transport,
            @RequestParam(required = false) @Nullable Long corridorId,
            PeopleForm people,
            RedirectAttributes redirect) {
        return PageForms.attempt("/evacuations#evacuation-form", redirect, "peopleForm", people, () -> {
            Scope scope = callers.current();
            Settlement to = toSettlement == null ? null : territory.settlement(scope, toSettlement);
            Evacuation e = evacuations.record(
                    scope,
                    new Evacuations.Draft(
                            regionCode,
                            fromSettlement,
                            null,
                            null,
                            toShelterId,
                            to == null ? null : to.location(),
                            to == null ? null : to.names().en(),
                            evacuatedOn,
                            transport,
                            corridorId,
                            null),
                    people.report());
            return "/evacuations/" + e.id();
        });
    }

    @GetMapping("/evacuations/{id}")
    String evacuation(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Evacuation evacuation = evacuations.evacuation(scope, id);
        model.addAttribute("evacuation", evacuation);
        model.addAttribute("reports", evacuations.reports(scope, id));
        model.addAttribute("standing", evacuations.standing(List.of(evacuation)).get(evacuation.id()));
        model.addAttribute("measures", Arrays.asList(People.MEASURES));
        model.addAttribute("geometry", GeoJsonModule.write(evacuation.path()));
        model.addAttribute("writable", scope.writes(evacuation.regionCode()));
        model.addAttribute(
                "accepts", scope.writes(evacuation.regionCode()) && (scope.isAdmin() || scope.role() == Role.DIRECTOR));
        model.addAttribute("sources", sources.all());
        return "humanitarian/evacuation";
    }

    @PostMapping("/evacuations/{id}/reports")
    String report(@PathVariable long id, PeopleForm people, RedirectAttributes redirect) {
        return PageForms.attempt("/evacuations/" + id + "#report-form", redirect, "peopleForm", people, () -> {
            evacuations.report(callers.current(), id, people.report());
            return "/evacuations/" + id;
        });
    }

    @PostMapping("/evacuations/{id}/figures/{figure}/acceptance")
    String accept(@PathVariable long id, @PathVariable long figure, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/evacuations/" + id, redirect, () -> evacuations.accept(callers.current(), id, figure));
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        Scope scope = callers.current();
        model.addAttribute("notifications", notifications.notifications(scope));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("kinds", Notification.Kind.values());
        model.addAttribute(
                "writable",
                territory.writableRegions(scope).stream()
                        .map(org.custodian.territory.Region::code)
                        .toList());
        return "humanitarian/notifications";
    }

    @PostMapping("/notifications")
    String send(
            @RequestParam String regionCode,
            @RequestParam Notification.Kind kind,
            @RequestParam String subject,
            @RequestParam double longitude,
            @RequestParam double latitude,
            @RequestParam LocalDateTime startsAt,
            @RequestParam(required = false) @Nullable LocalDateTime endsAt,
            @RequestParam String parties,
            RedirectAttributes redirect) {
        return PageForms.attempt("/notifications#notification-form", redirect, () -> {
            var zone = times.zone(regionCode);
            notifications.send(
                    callers.current(),
                    new Notifications.Draft(
                            regionCode,
                            kind,
                            subject,
                            Wgs84.point(longitude, latitude),
                            startsAt.atZone(zone).toInstant(),
                            endsAt == null ? null : endsAt.atZone(zone).toInstant(),
                            parties.lines()
                                    .map(String::strip)
                                    .filter(p -> !p.isEmpty())
                                    .toList(),
                            null,
                            null,
                            null));
        });
    }

    @PostMapping("/notifications/{id}/acknowledgements")
    String acknowledge(
            @PathVariable long id,
            @RequestParam String party,
            @RequestParam String by,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/notifications#notification-" + id,
                redirect,
                () -> notifications.acknowledge(callers.current(), id, party, by, note, (Instant) null));
    }
}
