package org.custodian.routing;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.custodian.geo.GeoJsonModule;
import org.custodian.platform.Callers;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.PageForms;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.LineString;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the route planner on the map, and closed roads with the forms that close and reopen them. */
@Controller
class RoutePageController {

    private final ClosedRoadStore closedRoads;
    private final SafeRoutes routes;
    private final Territory territory;
    private final Callers callers;

    RoutePageController(ClosedRoadStore closedRoads, SafeRoutes routes, Territory territory, Callers callers) {
        this.closedRoads = closedRoads;
        this.routes = routes;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/routes")
    String planner(Model model) {
        Scope scope = callers.current();
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("buffer", (long) routes.defaultBuffer());
        return "routing/routes";
    }

    /**
     * The planner page's own question: the route as the API answers it, or the refusal as a problem whose
     * detail is in the page's language (the API's stays English, for programs).
     */
    // The page's, not a program's: programs ask /api/routes, which the API description documents.
    @Hidden
    @GetMapping(
            path = "/routes/plan",
            produces = {"application/geo+json", "application/json"})
    @ResponseBody
    ResponseEntity<?> plan(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Long fromSettlement,
            @RequestParam(required = false) @Nullable Long toSettlement,
            @RequestParam(required = false) @Nullable Double buffer,
            Locale language) {
        try {
            return ResponseEntity.ok(RouteController.planned(
                    routes, territory, callers.current(), from, to, fromSettlement, toSettlement, buffer));
        } catch (RuleViolated e) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, e.reason(), language);
        } catch (InvalidParameter e) {
            return refused(HttpStatus.BAD_REQUEST, e.reason(), language);
        } catch (RecordNotFound e) {
            return refused(HttpStatus.NOT_FOUND, e.reason(), language);
        } catch (ConflictWithState e) {
            return refused(HttpStatus.CONFLICT, e.reason(), language);
        }
    }

    private static ResponseEntity<?> refused(HttpStatus status, Reason reason, Locale language) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, reason.in(language)));
    }

    @GetMapping("/closed-roads")
    String closedRoads(Model model) {
        Scope scope = callers.current();
        model.addAttribute("roads", closedRoads.closedRoads(scope));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("regions", territory.writableRegions(scope));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        return "routing/closed-roads";
    }

    @PostMapping("/closed-roads")
    String close(
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam String line,
            @RequestParam String reason,
            @RequestParam(required = false) @Nullable LocalDateTime from,
            @RequestParam(required = false) @Nullable LocalDateTime until,
            RedirectAttributes redirect) {
        return PageForms.attempt("/closed-roads#closed-road-form", redirect, () -> {
            if (!(GeoJsonModule.read("line", line) instanceof LineString l)) {
                throw new RuleViolated("line", Refusals.CLOSED_ROAD_LINE);
            }
            closedRoads.close(
                    callers.current(),
                    new ClosedRoadStore.Draft(
                            regionCode,
                            name,
                            l,
                            reason,
                            from == null ? null : from.atZone(zone(regionCode)).toInstant(),
                            until == null
                                    ? null
                                    : until.atZone(zone(regionCode)).toInstant()));
        });
    }

    @PostMapping("/closed-roads/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/closed-roads", redirect, () -> closedRoads.reopen(callers.current(), id, version, null));
    }

    private java.time.ZoneId zone(String regionCode) {
        try {
            return territory.region(regionCode).zone();
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
