package org.custodian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodian.geo.GeometryRules;
import org.custodian.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class DemoScenarioUnitTests {

    @Test
    void generatesOneValidCellPerDistrictTilingTheArea() {
        Map<Coordinate, Geometry> cells = DemoScenario.cells();
        assertThat(cells.size()).isEqualTo(DemoScenario.DISTRICTS.size());
        double total = 0;
        for (DemoScenario.District d : DemoScenario.DISTRICTS) {
            Geometry cell = cells.get(new Coordinate(d.lon(), d.lat()));
            assertThat((Object) cell).as(d.code()).isNotNull();
            GeometryRules.check(d.code(), cell, java.util.Set.of("Polygon", "MultiPolygon"));
            assertThat(cell.covers(Wgs84.point(d.lon(), d.lat())))
                    .as(d.code() + " holds its centre")
                    .isTrue();
            total += cell.getArea();
        }
        assertThat(total).isCloseTo(DemoScenario.AREA.getArea(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void everyPlaceFallsInsideOneRegion() {
        Map<Coordinate, Geometry> cells = DemoScenario.cells();
        for (DemoScenario.Place p : DemoScenario.PLACES) {
            long containing = cells.values().stream()
                    .filter(c -> c.covers(Wgs84.point(p.lon(), p.lat())))
                    .count();
            assertThat(containing).as(p.names().en()).isEqualTo(1);
        }
    }
}
