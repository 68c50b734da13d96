package org.custodian.cop;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The dashboards: every module's charts, over all the caller's regions or for one of them. */
@Controller
class DashboardPageController {

    private final Picture picture;
    private final Territory territory;
    private final Callers callers;

    DashboardPageController(Picture picture, Territory territory, Callers callers) {
        this.picture = picture;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/dashboards")
    String overall(Model model) {
        return dashboard(callers.current(), null, model);
    }

    @GetMapping("/regions/{code}/dashboard")
    String region(@PathVariable String code, Model model) {
        Scope scope = callers.current();
        Region region = territory.region(code);
        if (!scope.reads(code)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your scope does not include this region");
        }
        return dashboard(scope, region, model);
    }

    private String dashboard(Scope scope, @Nullable Region region, Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("region", region);
        model.addAttribute("day", today);
        model.addAttribute("regions", inScope(territory, scope));
        model.addAttribute(
                "boards",
                picture.boards(
                        scope, region == null ? null : region.code(), today, false, LocaleContextHolder.getLocale()));
        return "cop/dashboard";
    }

    static List<Region> inScope(Territory territory, Scope scope) {
        return territory.regions().stream().filter(r -> scope.reads(r.code())).toList();
    }
}
