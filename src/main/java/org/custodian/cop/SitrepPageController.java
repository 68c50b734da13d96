package org.custodian.cop;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.custodian.platform.Callers;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page to choose a situation report's region and day, and open it as a page or download its PDF. */
@Controller
class SitrepPageController {

    private final Territory territory;
    private final Callers callers;

    SitrepPageController(Territory territory, Callers callers) {
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/reports/sitrep")
    String choose(@RequestParam(required = false) @Nullable String region, Model model) {
        model.addAttribute("regions", DashboardPageController.inScope(territory, callers.current()));
        model.addAttribute("selected", region);
        model.addAttribute("day", LocalDate.now(ZoneOffset.UTC));
        return "cop/sitrep-form";
    }
}
