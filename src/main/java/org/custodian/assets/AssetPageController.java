package org.custodian.assets;

import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the inventory of the caller's regions, filtered; one asset with its assessments and photos. */
@Controller
class AssetPageController {

    private final Assets assets;
    private final Territory territory;
    private final Callers callers;

    AssetPageController(Assets assets, Territory territory, Callers callers) {
        this.assets = assets;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/assets")
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) Asset.@Nullable Kind kind,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        model.addAttribute("assets", assets.assets(scope, selected, kind));
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("kinds", Asset.Kind.values());
        model.addAttribute("region", selected);
        model.addAttribute("kind", kind);
        return "assets/list";
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        model.addAttribute("asset", assets.asset(scope, id));
        model.addAttribute("photos", assets.photos(scope, id));
        return "assets/asset";
    }
}
