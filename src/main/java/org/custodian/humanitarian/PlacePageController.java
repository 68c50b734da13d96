package org.custodian.humanitarian;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the corridors map with its corridors, stations and shelters; a corridor with its history and
 * stations; a shelter with its occupancy over time; and the forms that write them.
 */
@Controller
class PlacePageController {

    private final Corridors corridors;
    private final Shelters shelters;
    private final Territory territory;
    private final RegionTimes times;
    private final Sources sources;
    private final Callers callers;

    PlacePageController(
            Corridors corridors,
            Shelters shelters,
            Territory territory,
            RegionTimes times,
            Sources sources,
            Callers callers) {
        this.corridors = corridors;
        this.shelters = shelters;
        this.territory = territory;
        this.times = times;
        this.sources = sources;
        this.callers = callers;
    }

    @GetMapping("/corridors")
    String corridors(Model model) {
        Scope scope = callers.current();
        model.addAttribute("corridors", corridors.corridors(scope));
        model.addAttribute(
                "stationCounts",
                corridors.stations(scope).stream()
                        .filter(s -> s.corridorId() != null)
                        .collect(java.util.stream.Collectors.groupingBy(
                                Station::corridorId, java.util.stream.Collectors.counting())));
        model.addAttribute("shelters", shelters.shelters(scope));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("statuses", Corridor.Status.values());
        return "humanitarian/corridors";
    }

    /** Opens a corridor: drawn, or planned by road between two settlements. */
    @PostMapping("/corridors")
    String open(
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable String line,
            @RequestParam(required = false) @Nullable Long fromSettlement,
            @RequestParam(required = false) @Nullable Long toSettlement,
            @RequestParam Corridor.Status status,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return PageForms.attempt("/corridors#corridor-form", redirect, () -> {
            Scope scope = callers.current();
            corridors.open(
                    scope,
                    new Corridors.CorridorDraft(
                            regionCode,
                            name,
                            line == null || line.isBlank() ? null : lineOf(line),
                            place(scope, fromSettlement),
                            place(scope, toSettlement),
                            status,
                            reason,
                            null,
                            Set.of(),
                            Set.of()));
        });
    }

    private static LineString lineOf(String geoJson) {
        if (!(GeoJsonModule.read("line", geoJson) instanceof LineString l)) {
            throw new RuleViolated("line", Refusals.CORRIDOR_LINE);
        }
        return l;
    }

    private @Nullable Point place(Scope scope, @Nullable Long settlement) {
        return settlement == null
                ? null
                : territory.settlement(scope, settlement).location();
    }

    @GetMapping("/corridors/{id}")
    String corridor(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Corridor corridor = corridors.corridor(scope, id);
        model.addAttribute("corridor", corridor);
        model.addAttribute("geometry", GeoJsonModule.write(corridor.line()));
        model.addAttribute("stations", corridors.stationsOf(scope, id));
        model.addAttribute(
                "guarantors",
                territory.agencies().stream()
                        .filter(a -> corridor.guarantors().contains(a.id()))
                        .toList());
        model.addAttribute(
                "cited", List.copyOf(sources.findAll(corridor.sources()).values()));
        model.addAttribute("writable", scope.writes(corridor.regionCode()));
        model.addAttribute("statuses", Corridor.Status.values());
        model.addAttribute("services", Station.Service.values());
        model.addAttribute("regions", territory.writableRegions(scope));
        return "humanitarian/corridor";
    }

    @PostMapping("/corridors/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam Corridor.Status status,
            @RequestParam String reason,
            @RequestParam(required = false) @Nullable LocalDateTime at,
            RedirectAttributes redirect) {
        return PageForms.attempt("/corridors/" + id, redirect, () -> {
            Scope scope = callers.current();
            Corridor corridor = corridors.corridor(scope, id);
            corridors.changeStatus(scope, id, status, reason, instant(at, corridor.regionCode()));
        });
    }

    /** Adds a station along the corridor. */
    @PostMapping("/corridors/{id}/stations")
    String addStation(
            @PathVariable long id,
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam double longitude,
            @RequestParam double latitude,
            @RequestParam(required = false) @Nullable List<Station.Service> services,
            @RequestParam(required = false) @Nullable Integer capacity,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/corridors/" + id + "#station-form",
                redirect,
                () -> corridors.addStation(
                        callers.current(),
                        new Corridors.StationDraft(
                                regionCode,
                                id,
                                name,
                                Wgs84.point(longitude, latitude),
                                services == null ? Set.of() : EnumSet.copyOf(services),
                                capacity)));
    }

    @GetMapping("/shelters")
    String shelters(Model model) {
        Scope scope = callers.current();
        model.addAttribute("shelters", shelters.shelters(scope));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writableRegions(scope));
        return "humanitarian/shelters";
    }

    @PostMapping("/shelters")
    String openShelter(
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam double longitude,
            @RequestParam double latitude,
            @RequestParam int capacity,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/shelters#shelter-form",
                redirect,
                "shelterForm",
                name,
                () -> "/shelters/"
                        + shelters.open(
                                        callers.current(),
                                        new Shelters.ShelterDraft(
                                                regionCode, name, Wgs84.point(longitude, latitude), capacity))
                                .id());
    }

    @GetMapping("/shelters/{id}")
    String shelter(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Shelter shelter = shelters.shelter(scope, id);
        model.addAttribute("shelter", shelter);
        model.addAttribute("chart", OccupancyChart.svg(shelter.occupancy(), shelter.capacity()));
        model.addAttribute("writable", scope.writes(shelter.regionCode()));
        model.addAttribute("sources", sources.all());
        model.addAttribute(
                "cited",
                sources.findAll(shelter.occupancy().stream()
                        .map(Occupancy::sourceId)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        return "humanitarian/shelter";
    }

    @PostMapping("/shelters/{id}/occupancy")
    String count(
            @PathVariable long id,
            @RequestParam LocalDate on,
            @RequestParam int people,
            @RequestParam(required = false) @Nullable Long sourceId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/shelters/" + id, redirect, () -> shelters.count(callers.current(), id, on, people, sourceId));
    }

    private @Nullable Instant instant(@Nullable LocalDateTime at, String regionCode) {
        return at == null ? null : at.atZone(times.zone(regionCode)).toInstant();
    }
}
