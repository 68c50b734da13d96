package org.custodian.demo;

import java.util.List;
import org.custodian.facilities.Facilities;
import org.custodian.facilities.Facility;
import org.custodian.facilities.FacilityKind;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facilities part of the demo: the roads of the scenario facts as transport facilities, clipped to the
 * demo area and attributed to the region where they start, and a few protected sites and utilities in the
 * towns, labelled illustrative. Loaded after the territory and before the accidents that flag roads.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class FacilitiesDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");

    /** A road of the scenario facts: name and the (lat, lon) points it passes through, in order. */
    record Road(String name, double[][] points) {}

    static final List<Road> ROADS = List.of(
            new Road(
                    "Ahmadbayli-Fuzuli-Shusha highway",
                    new double[][] {{39.470, 47.250}, {39.600, 47.145}, {39.70, 46.95}, {39.758, 46.749}}),
            new Road(
                    "Aghdam-Khankendi road",
                    new double[][] {{39.991, 46.930}, {39.935, 46.830}, {39.913, 46.790}, {39.815, 46.752}}),
            new Road(
                    "Lachin-Khankendi road",
                    new double[][] {{39.640, 46.547}, {39.72, 46.65}, {39.758, 46.749}, {39.815, 46.752}}),
            new Road(
                    "Yevlakh-Barda-Aghdam road", new double[][] {{40.618, 47.150}, {40.374, 47.126}, {39.991, 46.930}}),
            new Road(
                    "Horadiz-Jabrayil-Zangilan road",
                    new double[][] {{39.448, 47.335}, {39.399, 47.026}, {39.085, 46.655}}),
            new Road("Fuzuli-Aghdam road", new double[][] {{39.600, 47.145}, {39.80, 47.05}, {39.991, 46.930}}),
            new Road(
                    "Lachin-Gubadli-Zangilan road",
                    new double[][] {{39.640, 46.547}, {39.344, 46.579}, {39.085, 46.655}}),
            new Road(
                    "Khankendi-Khojavend road", new double[][] {{39.815, 46.752}, {39.790, 47.110}, {39.600, 47.145}}));

    /** Illustrative sites: name, kind, (lat, lon) a little off the town centres. */
    record Site(String name, FacilityKind kind, double lat, double lon, Facility.Status status) {}

    static final List<Site> SITES = List.of(
            new Site(
                    "Shusha city hospital (illustrative)",
                    FacilityKind.MEDICAL,
                    39.761,
                    46.752,
                    Facility.Status.OPERATIONAL),
            new Site(
                    "Shusha school No. 1 (illustrative)",
                    FacilityKind.EDUCATIONAL,
                    39.755,
                    46.744,
                    Facility.Status.DAMAGED),
            new Site(
                    "Shusha mosque (illustrative)",
                    FacilityKind.RELIGIOUS,
                    39.757,
                    46.755,
                    Facility.Status.OPERATIONAL),
            new Site(
                    "Khankendi regional hospital (illustrative)",
                    FacilityKind.MEDICAL,
                    39.818,
                    46.757,
                    Facility.Status.OPERATIONAL),
            new Site(
                    "Khankendi administration building (illustrative)",
                    FacilityKind.ADMINISTRATIVE,
                    39.812,
                    46.749,
                    Facility.Status.OPERATIONAL),
            new Site("Aghdam mosque (illustrative)", FacilityKind.RELIGIOUS, 39.993, 46.934, Facility.Status.DAMAGED),
            new Site(
                    "Fuzuli water tank (illustrative)",
                    FacilityKind.WATER_TANK,
                    39.604,
                    47.140,
                    Facility.Status.UNKNOWN),
            new Site(
                    "Lachin substation (illustrative)",
                    FacilityKind.ENERGY,
                    39.636,
                    46.552,
                    Facility.Status.OPERATIONAL));

    private final Facilities facilities;
    private final Territory territory;
    private final TransactionTemplate transaction;

    FacilitiesDemo(Facilities facilities, Territory territory, TransactionTemplate transaction) {
        this.facilities = facilities;
        this.territory = territory;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty()
                || !facilities.facilities(LOADER, null, null).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    void load() {
        Geometry area = Wgs84.box(DemoScenario.AREA);
        for (Road road : ROADS) {
            Coordinate[] coordinates = new Coordinate[road.points().length];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = new Coordinate(road.points()[i][1], road.points()[i][0]);
            }
            Geometry inside = Wgs84.FACTORY.createLineString(coordinates).intersection(area);
            inside.setSRID(Wgs84.SRID);
            LineString line = (LineString) inside.getGeometryN(0);
            Region region = regionOf(line.getStartPoint());
            facilities.record(
                    LOADER,
                    new Facilities.FacilityDraft(
                            region.code(), road.name(), FacilityKind.ROAD, line, Facility.Status.OPERATIONAL));
        }
        for (Site site : SITES) {
            Point point = Wgs84.point(site.lon(), site.lat());
            facilities.record(
                    LOADER,
                    new Facilities.FacilityDraft(
                            regionOf(point).code(), site.name(), site.kind(), point, site.status()));
        }
    }

    private Region regionOf(Point point) {
        return territory.regions().stream()
                .filter(r -> r.covers(point))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo region holds " + point));
    }
}
