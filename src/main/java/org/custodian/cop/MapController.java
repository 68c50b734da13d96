package org.custodian.cop;

import java.util.Comparator;
import java.util.List;
import org.custodian.geo.FeatureLayer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The map page: every layer the caller may see, drawn without any tile server. */
@Controller
class MapController {

    private final List<FeatureLayer> layers;

    MapController(List<FeatureLayer> layers) {
        this.layers =
                layers.stream().sorted(Comparator.comparing(FeatureLayer::id)).toList();
    }

    @GetMapping("/")
    String map(Model model) {
        model.addAttribute("layers", layers);
        return "cop/map";
    }
}
