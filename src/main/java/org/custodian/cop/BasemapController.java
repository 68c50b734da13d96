package org.custodian.cop;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.platform.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A better basemap than the bundled one, where an office has one: a raster PMTiles file named by the setting
 * {@code custodian.map.basemap-pmtiles}, served from this origin in the byte ranges the map asks for.
 */
@RestController
class BasemapController {

    static final String PATH = "/basemap/local.pmtiles";

    private final String file;

    BasemapController(@Value("${custodian.map.basemap-pmtiles:}") String file) {
        this.file = file;
    }

    /** The URL the map reads the configured file from, or empty when none is configured. */
    String url() {
        return file.isBlank() ? "" : PATH;
    }

    // A file the map page reads, not an operation of the API.
    @Hidden
    @GetMapping(PATH)
    ResponseEntity<Resource> pmtiles() {
        if (file.isBlank() || !Files.isReadable(Path.of(file))) {
            throw new RecordNotFound(Refusals.NO_RESOURCE, PATH);
        }
        // A Resource body: Spring answers Range requests with 206 and the parts asked for.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }
}
