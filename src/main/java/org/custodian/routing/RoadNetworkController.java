package org.custodian.routing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The road network in use, and importing a new one: through the API and an administrators' page. */
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

    record NetworkView(
            String source, int edges, java.time.Instant builtAt, RoadNetworkImport.@Nullable Status latestImport) {}

    @Operation(
            summary = "Describe the road network in use",
            description =
                    "The road network routes are planned on: the file it was built from, its number of edges and when it was built, with where the latest import stands. Anyone signed in may call it.")
    @GetMapping(path = "/api/road-network", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    NetworkView describe() {
        callers.current();
        RoadNetwork.Graph g = network.graph();
        return new NetworkView(g.source(), g.edges(), g.builtAt(), imports.latest());
    }

    @Operation(
            summary = "Import a road network",
            description =
                    "Builds a road network from an uploaded OpenStreetMap file (multipart field file, XML or PBF) and puts it in use once complete; answers when done. Only administrators may call it (403 otherwise). A file that is not OpenStreetMap, is cut short or holds no road is refused with 422 and the network in use is kept; an import already under way gives 409.")
    @PostMapping(path = "/api/road-network", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    RoadNetworkImport.Status importNetwork(@RequestParam("file") MultipartFile file) throws IOException {
        return imports.importNow(callers.current(), name(file), file.getInputStream());
    }

    @GetMapping("/road-network")
    String page(Model model) {
        callers.current();
        model.addAttribute("network", network.graph());
        model.addAttribute("latest", imports.latest());
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

    private static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? "upload" : n.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    }
}
