package org.custodian.cop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Administration;
import org.custodian.territory.Agency;
import org.custodian.territory.PopulationEstimate;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The regions list and each region's page: its administration, director and who appointed them, the
 * agencies it coordinates with, and its settlements with every population figure beside its source.
 */
@Controller
class RegionPageController {

    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    RegionPageController(Territory territory, Sources sources, Callers callers) {
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    record RegionRow(
            Region region, boolean inScope, @Nullable Administration administration) {}

    @GetMapping("/regions")
    String list(Model model) {
        Scope scope = callers.current();
        Map<String, Administration> active = territory.administrations(scope, null).stream()
                .filter(a -> a.status() == Administration.Status.ACTIVE)
                .collect(Collectors.toMap(a -> a.region().code(), Function.identity(), (a, b) -> a));
        model.addAttribute(
                "rows",
                territory.regions().stream()
                        .map(r -> new RegionRow(r, scope.reads(r.code()), active.get(r.code())))
                        .toList());
        return "cop/regions";
    }

    record Figure(PopulationEstimate estimate, Sources.@Nullable Citation source) {}

    record SettlementRow(Settlement settlement, List<Figure> figures) {}

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Scope scope = callers.current();
        Region region = territory.region(code);
        if (!scope.reads(code)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your scope does not include this region");
        }
        List<Administration> administrations = territory.administrations(scope, code);
        Optional<Administration> active = administrations.stream()
                .filter(a -> a.status() == Administration.Status.ACTIVE)
                .findFirst();
        List<Settlement> settlements = territory.settlements(scope, code);
        Map<Long, Sources.Citation> cited = sources.findAll(java.util.stream.Stream.concat(
                        settlements.stream()
                                .flatMap(s -> s.populationEstimates().stream())
                                .map(PopulationEstimate::sourceId),
                        administrations.stream().flatMap(a -> a.sources().stream()))
                .toList());
        Map<Long, Agency> agencies =
                territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("region", region);
        model.addAttribute("administration", active.orElse(null));
        model.addAttribute(
                "history",
                administrations.stream()
                        .filter(a -> a.status() != Administration.Status.ACTIVE)
                        .toList());
        model.addAttribute("agencies", agencies);
        model.addAttribute("cited", cited);
        model.addAttribute(
                "settlements",
                settlements.stream()
                        .map(s -> new SettlementRow(
                                s,
                                s.populationEstimates().stream()
                                        .map(e -> new Figure(e, cited.get(e.sourceId())))
                                        .toList()))
                        .toList());
        return "cop/region";
    }
}
