package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.custodian.geo.Tile;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class BasemapTilesUnitTests {

    static final BasemapTiles BASEMAP = BasemapTiles.bundled();

    @Test
    void theDemoRegionsTileHoldsTheLandAndTheBordersBetweenCountriesInsideTheTile() throws IOException {
        // Zoom 7 over the South Caucasus: Armenia, Azerbaijan, Iran; no sea shore.
        Tile tile = new Tile(7, 80, 48);
        JtsMvt mvt = read(BASEMAP.tile(tile));
        List<Geometry> land = geometries(mvt, "countries");
        List<Geometry> borders = geometries(mvt, "borders");
        assertThat(land).isNotEmpty().allMatch(Geometry::isValid);
        assertThat(borders).isNotEmpty();
        assertThat(geometries(mvt, "coast")).isEmpty();
        // Clipped to the tile and its buffer, in the tile's grid.
        Envelope grid = new Envelope(-Tile.BUFFER, Tile.EXTENT + Tile.BUFFER, -Tile.BUFFER, Tile.EXTENT + Tile.BUFFER);
        assertThat(land).allMatch(g -> grid.covers(g.getEnvelopeInternal()));
        assertThat(borders).allMatch(g -> grid.covers(g.getEnvelopeInternal()));
        // The tile is covered by land: its area is nearly the whole tile.
        double area = land.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(area).isGreaterThan(0.95 * Tile.EXTENT * Tile.EXTENT);
        // Written once, then kept.
        assertThat(BASEMAP.tile(tile)).isSameAs(BASEMAP.tile(tile));
    }

    @Test
    void theWorldHasLandCoastAndBordersAndTheOpenOceanHasNone() throws IOException {
        JtsMvt world = read(BASEMAP.tile(new Tile(0, 0, 0)));
        assertThat(geometries(world, "countries")).hasSizeGreaterThan(100).allMatch(Geometry::isValid);
        assertThat(geometries(world, "coast")).isNotEmpty();
        assertThat(geometries(world, "borders")).isNotEmpty();
        // The Pacific, south of Hawaii and far from any island.
        JtsMvt ocean = read(BASEMAP.tile(new Tile(6, 7, 32)));
        assertThat(ocean.getLayers()).isEmpty();
        // Every tile of the first zooms is written, the poles and the antimeridian included.
        for (int z = 0; z <= 2; z++) {
            for (int x = 0; x < 1 << z; x++) {
                for (int y = 0; y < 1 << z; y++) {
                    assertThat(geometries(read(BASEMAP.tile(new Tile(z, x, y))), "countries"))
                            .allMatch(Geometry::isValid);
                }
            }
        }
    }

    private static JtsMvt read(byte[] tile) throws IOException {
        return MvtReader.loadMvt(
                new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter(false));
    }

    static List<Geometry> geometries(byte[] tile, String layer) throws IOException {
        return geometries(read(tile), layer);
    }

    private static List<Geometry> geometries(JtsMvt mvt, String layer) {
        JtsLayer found = mvt.getLayer(layer);
        return found == null ? List.of() : List.copyOf(found.getGeometries());
    }
}
