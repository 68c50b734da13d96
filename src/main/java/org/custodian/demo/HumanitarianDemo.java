package org.custodian.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.humanitarian.Convoy;
import org.custodian.humanitarian.Convoys;
import org.custodian.humanitarian.Corridor;
import org.custodian.humanitarian.Corridors;
import org.custodian.humanitarian.Evacuations;
import org.custodian.humanitarian.ManifestLine;
import org.custodian.humanitarian.Notification;
import org.custodian.humanitarian.Notifications;
import org.custodian.humanitarian.People;
import org.custodian.humanitarian.Shelter;
import org.custodian.humanitarian.Shelters;
import org.custodian.humanitarian.Station;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The humanitarian part of the demo, from the scenario facts: corridors on the Lachin road and towards
 * Aghdam with stations along them; over 2,000 people evacuated, 1,049 of them children, as the Russian
 * Defence Ministry reported through Caliber.az; the Red Crescent convoy with 40 tonnes of flour held in
 * Aghdam since 2023-08-29 because receipt was refused; the ICRC cargo allowed on the Aghdam-Khankendi and
 * Lachin-Khankendi roads on 2023-09-18 and delivered that day. Stations, shelters, their counts and the
 * notifications are illustrative and say so. Days given without a time of day are noon in the region.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class HumanitarianDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");

    private final Corridors corridors;
    private final Shelters shelters;
    private final Evacuations evacuations;
    private final Convoys convoys;
    private final Notifications notifications;
    private final Territory territory;
    private final Sources sources;
    private final TransactionTemplate transaction;

    HumanitarianDemo(
            Corridors corridors,
            Shelters shelters,
            Evacuations evacuations,
            Convoys convoys,
            Notifications notifications,
            Territory territory,
            Sources sources,
            TransactionTemplate transaction) {
        this.corridors = corridors;
        this.shelters = shelters;
        this.evacuations = evacuations;
        this.convoys = convoys;
        this.notifications = notifications;
        this.territory = territory;
        this.sources = sources;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty() || !convoys.convoys(LOADER).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    /** A line through (lat, lon) points, as the facts give them. */
    static LineString line(double[][] points) {
        Coordinate[] c = new Coordinate[points.length];
        for (int i = 0; i < points.length; i++) {
            c[i] = new Coordinate(points[i][1], points[i][0]);
        }
        return Wgs84.FACTORY.createLineString(c);
    }

    private static final double[][] LACHIN_ROAD = {{39.815, 46.752}, {39.758, 46.749}, {39.72, 46.65}, {39.640, 46.547}
    };
    private static final double[][] AGHDAM_ROAD = {
        {39.815, 46.752}, {39.913, 46.790}, {39.935, 46.830}, {39.991, 46.930}
    };

    void load() {
        long cal = source("Caliber.az", "Anti-terror measures; reintegration of Karabakh Armenians");
        long mfa = source(
                "Ministry of Foreign Affairs of Azerbaijan",
                "Briefing for the diplomatic corps on the situation in the region");
        Instant announced = noon(LocalDate.of(2023, 9, 20), "LAC");
        Corridor lachin = corridors.open(
                LOADER,
                new Corridors.CorridorDraft(
                        "LAC",
                        "Lachin road humanitarian corridor",
                        line(LACHIN_ROAD),
                        null,
                        null,
                        Corridor.Status.OPEN,
                        "Announced for evacuation from the combat zone to shelters (S-MFA, S-CAL)",
                        announced,
                        Set.of(),
                        Set.of(mfa, cal)));
        Corridor aghdam = corridors.open(
                LOADER,
                new Corridors.CorridorDraft(
                        "AGD",
                        "Aghdam road humanitarian corridor",
                        line(AGHDAM_ROAD),
                        null,
                        null,
                        Corridor.Status.OPEN,
                        "One of the other directions announced (S-MFA, S-CAL)",
                        announced,
                        Set.of(),
                        Set.of(mfa, cal)));
        station(
                lachin,
                "Lachin registration point (illustrative)",
                46.560,
                39.645,
                300,
                Station.Service.REGISTRATION,
                Station.Service.MEDICAL,
                Station.Service.WATER);
        station(
                lachin,
                "Shusha road food point (illustrative)",
                46.700,
                39.740,
                150,
                Station.Service.FOOD,
                Station.Service.WATER);
        station(
                aghdam,
                "Aghdam reception station (illustrative)",
                46.925,
                39.985,
                500,
                Station.Service.REGISTRATION,
                Station.Service.MEDICAL,
                Station.Service.FOOD,
                Station.Service.SHELTER);
        station(aghdam, "Askeran water point (illustrative)", 46.835, 39.933, null, Station.Service.WATER);

        Shelter lachinShelter = shelter("Lachin temporary shelter (illustrative)", 46.552, 39.642, 1500);
        Shelter aghdamShelter = shelter("Aghdam temporary shelter (illustrative)", 46.935, 39.995, 800);
        int[] lachinCounts = {420, 910, 1260, 1380, 1150, 870};
        int[] aghdamCounts = {120, 340, 520, 610, 480};
        for (int d = 0; d < lachinCounts.length; d++) {
            shelters.count(LOADER, lachinShelter.id(), LocalDate.of(2023, 9, 20 + d), lachinCounts[d], null);
        }
        for (int d = 0; d < aghdamCounts.length; d++) {
            shelters.count(LOADER, aghdamShelter.id(), LocalDate.of(2023, 9, 21 + d), aghdamCounts[d], null);
        }

        var evacuation = evacuations.record(
                LOADER,
                new Evacuations.Draft(
                        "LAC",
                        null,
                        Wgs84.point(46.752, 39.815),
                        "Settlements of the combat zone (as reported)",
                        lachinShelter.id(),
                        null,
                        null,
                        LocalDate.of(2023, 9, 20),
                        null,
                        lachin.id(),
                        line(LACHIN_ROAD)),
                new Evacuations.Report(
                        cal,
                        LocalDate.of(2023, 9, 20),
                        "Russian Defence Ministry, as Caliber.az reports it: over 2,000 people, including 1,049"
                                + " children",
                        new People(2000, null, null, null, null, null, null, null, null, 1049)));

        Convoy redCrescent = convoys.record(
                LOADER,
                new Convoys.Draft(
                        "AGD",
                        "Red Crescent",
                        Wgs84.point(46.930, 39.991),
                        "Aghdam",
                        Wgs84.point(46.752, 39.815),
                        "Khankendi",
                        // No route given: the road network plans it, keeping clear of the hazard areas.
                        null,
                        List.of(new ManifestLine(
                                "Flour and flour products", new BigDecimal("40"), ManifestLine.Unit.TONNES)),
                        Set.of(cal),
                        noon(LocalDate.of(2023, 8, 29), "AGD")));
        convoys.changeStatus(
                LOADER,
                redCrescent.id(),
                Convoy.Status.REFUSED,
                "Receipt refused; the convoy waits in Aghdam (S-CAL)",
                noon(LocalDate.of(2023, 8, 29), "AGD"));

        Convoy icrcAghdam = icrc("AGD", "Aghdam", 46.930, 39.991, line(reversed(AGHDAM_ROAD)), "Aghdam-Khankendi", cal);
        icrc("LAC", "Lachin", 46.547, 39.640, line(reversed(LACHIN_ROAD)), "Lachin-Khankendi", cal);

        Instant sent = noon(LocalDate.of(2023, 9, 18), "AGD").minusSeconds(4 * 3600);
        var moving = notifications.send(
                LOADER,
                new Notifications.Draft(
                        "AGD",
                        Notification.Kind.MOVEMENT,
                        "ICRC cargo on the Aghdam-Khankendi road (illustrative notification)",
                        icrcAghdam.path(),
                        noon(LocalDate.of(2023, 9, 18), "AGD"),
                        noon(LocalDate.of(2023, 9, 18), "AGD").plusSeconds(6 * 3600),
                        List.of("Ministry of Defense", "Peacekeeping contingent"),
                        icrcAghdam.id(),
                        null,
                        sent));
        notifications.acknowledge(
                LOADER, moving.id(), "Peacekeeping contingent", "Duty officer", null, sent.plusSeconds(1800));
        notifications.send(
                LOADER,
                new Notifications.Draft(
                        "LAC",
                        Notification.Kind.STATIC_SITE,
                        "Lachin temporary shelter (illustrative notification)",
                        lachinShelter.location(),
                        noon(LocalDate.of(2023, 9, 20), "LAC"),
                        null,
                        List.of("Ministry of Defense", "Peacekeeping contingent"),
                        null,
                        evacuation.id(),
                        noon(LocalDate.of(2023, 9, 20), "LAC")));
    }

    private Convoy icrc(
            String region, String from, double lon, double lat, LineString road, String roadName, long cal) {
        Instant day = noon(LocalDate.of(2023, 9, 18), region);
        Convoy convoy = convoys.record(
                LOADER,
                new Convoys.Draft(
                        region,
                        "ICRC",
                        Wgs84.point(lon, lat),
                        from,
                        Wgs84.point(46.752, 39.815),
                        "Khankendi",
                        road,
                        List.of(),
                        Set.of(cal),
                        day));
        convoys.changeStatus(
                LOADER, convoy.id(), Convoy.Status.EN_ROUTE, "Cargo allowed on the " + roadName + " road (S-CAL)", day);
        convoys.changeStatus(LOADER, convoy.id(), Convoy.Status.DELIVERED, "Delivered the same day (S-CAL)", day);
        return convoy;
    }

    private void station(
            Corridor corridor, String name, double lon, double lat, @Nullable Integer capacity, Station.Service... s) {
        Point p = Wgs84.point(lon, lat);
        corridors.addStation(
                LOADER, new Corridors.StationDraft(regionOf(p).code(), corridor.id(), name, p, Set.of(s), capacity));
    }

    private Shelter shelter(String name, double lon, double lat, int capacity) {
        Point p = Wgs84.point(lon, lat);
        return shelters.open(LOADER, new Shelters.ShelterDraft(regionOf(p).code(), name, p, capacity));
    }

    private static double[][] reversed(double[][] points) {
        double[][] r = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            r[i] = points[points.length - 1 - i];
        }
        return r;
    }

    private Instant noon(LocalDate day, String region) {
        ZoneId zone = territory.region(region).zone();
        return RegionTimes.moment(day, null, zone);
    }

    private long source(String publisher, String title) {
        return sources.register(new Sources.NewSource(publisher, title, null, false, null, null))
                .id();
    }

    private Region regionOf(Point point) {
        return territory.regions().stream()
                .filter(r -> r.covers(point))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo region holds " + point));
    }
}
