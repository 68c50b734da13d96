package org.custodian.routing;

import java.io.IOException;
import java.util.Locale;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The road network page: the network in use, and an administrators' form that imports a new one. */
@Controller
class RoadNetworkController {

    private final RoadNetwork network;
    private final RoadNetworkImport imports;
    private final Callers callers;

    RoadNetworkController(RoadNetwork network, RoadNetworkImport imports, Callers callers) {
        this.network = network;
        this.imports = imports;
        this.callers = callers;
    }

    @GetMapping("/road-network")
    String page(Model model, Locale locale) {
        callers.current();
        // Plain values: the page's expressions cannot read this module's package-private types.
        RoadNetwork.Graph g = network.graph();
        model.addAttribute("source", g.source());
        model.addAttribute("edges", g.edges());
        RoadNetworkImport.Status latest = imports.latest();
        if (latest != null) {
            model.addAttribute("latestFile", latest.file());
            model.addAttribute("latestPhase", latest.phase());
            model.addAttribute(
                    "latestSeconds",
                    latest.took() == null ? null : latest.took().toMillis() / 1000.0);
            model.addAttribute(
                    "latestRefusal",
                    latest.reason() == null ? null : latest.reason().in(locale));
        }
        return "routing/road-network";
    }

    @PostMapping("/road-network")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return PageForms.attempt("/road-network", redirect, () -> {
            try {
                imports.start(callers.current(), name(file), file.getInputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? "upload" : n.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    }
}
