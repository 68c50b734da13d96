package org.custodian.cop;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.custodian.geo.Tile;
import org.custodian.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's basemap: the bundled Natural Earth countries as vector tiles ({@link BasemapTiles}), and a better one
 * where an office has one: a raster PMTiles file named by the setting {@code custodian.map.basemap-pmtiles},
 * served from this origin in the byte ranges the map asks for.
 */
@RestController
class BasemapController {

    static final String PATH = "/basemap/local.pmtiles";

    static final String TILES = "/basemap/tiles/{z}/{x}/{y}.mvt";

    private final String file;
    private volatile @Nullable BasemapTiles bundled;

    BasemapController(@Value("${custodian.map.basemap-pmtiles:}") String file) {
        this.file = file;
    }

    /** The URL the map reads the configured file from, or empty when none is configured. */
    String url() {
        return file.isBlank() ? "" : PATH;
    }

    // Tiles the map page reads, not an operation of the API.
    @Hidden
    @GetMapping(TILES)
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
        TileController.requireInGrid(z, x, y, BasemapTiles.MAX_ZOOM);
        // The same for everyone and for the life of the release: a browser may keep it.
        return ResponseEntity.ok()
                .contentType(TileController.MVT)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(bundled().tile(new Tile(z, x, y)));
    }

    private BasemapTiles bundled() {
        BasemapTiles tiles = bundled;
        if (tiles == null) {
            synchronized (this) {
                tiles = bundled;
                if (tiles == null) {
                    tiles = BasemapTiles.bundled();
                    bundled = tiles;
                }
            }
        }
        return tiles;
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
