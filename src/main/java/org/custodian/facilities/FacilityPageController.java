package org.custodian.facilities;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the facilities of the caller's regions, filtered; one facility with its history. */
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

    @GetMapping("/facilities")
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable FacilityKind kind,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        model.addAttribute("facilities", facilities.facilities(scope, selected, kind));
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("kinds", FacilityKind.values());
        model.addAttribute("region", selected);
        model.addAttribute("kind", kind);
        return "facilities/list";
    }

    @GetMapping("/facilities/{id}")
    String facility(@PathVariable long id, Model model) {
        Map<Long, Agency> agencies =
                territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("facility", facilities.facility(callers.current(), id));
        model.addAttribute("agencies", agencies);
        return "facilities/facility";
    }
}
