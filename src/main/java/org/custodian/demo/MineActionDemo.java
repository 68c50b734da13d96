package org.custodian.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.mineaction.Contamination;
import org.custodian.mineaction.HazardArea;
import org.custodian.mineaction.MineAction;
import org.custodian.mineaction.ReleaseMethod;
import org.custodian.mineaction.Victim;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.AgencyKind;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.locationtech.jts.densify.Densifier;
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
 * The mine action part of the demo: the two accidents of 2023-09-19 on the Ahmadbayli-Fuzuli-Shusha
 * highway as S-JWG reports them, and illustrative hazard areas along that road with one non-technical
 * survey. Loaded once, after the territory.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class MineActionDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    /** The highway's first stretch, Ahmadbayli to Fuzuli, then on towards Shusha (scenario facts). */
    static final Coordinate[] HIGHWAY = {
        new Coordinate(47.250, 39.470), new Coordinate(47.145, 39.600), new Coordinate(46.950, 39.700)
    };

    private final MineAction mineAction;
    private final Territory territory;
    private final Sources sources;
    private final TransactionTemplate transaction;

    MineActionDemo(MineAction mineAction, Territory territory, Sources sources, TransactionTemplate transaction) {
        this.mineAction = mineAction;
        this.territory = territory;
        this.sources = sources;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty()
                || !mineAction.hazardAreas(LOADER, null).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    void load() {
        long jwg =
                source("Anadolu Agency", "Officials and Armenian residents of Karabakh agree on joint working group");
        long mfa = source(
                "Ministry of Foreign Affairs of Azerbaijan",
                "Briefing for the diplomatic corps on the situation in the region");
        LineString highway = Wgs84.FACTORY.createLineString(HIGHWAY);

        Point truck = Wgs84.point(47.208, 39.522);
        Point police = Wgs84.point(47.205, 39.526);
        Region region = regionOf(truck);
        String where = "Reported by the source as in the Jabrayil region; the demo's illustrative boundaries place"
                + " this stretch of the highway in " + region.names().en() + ". Time of day not reported.";

        Geometry siteArea = Wgs84.FACTORY
                .createLineString(new Coordinate[] {new Coordinate(47.212, 39.518), new Coordinate(47.200, 39.530)})
                .buffer(0.0015, 2);
        siteArea = Densifier.densify(siteArea, 0.01);
        siteArea.setSRID(Wgs84.SRID);
        HazardArea site = mineAction.recordHazardArea(
                LOADER,
                new MineAction.HazardAreaDraft(
                        region.code(),
                        "Highway accident site (illustrative extent)",
                        HazardArea.Classification.CHA,
                        HazardArea.Priority.HIGH,
                        EnumSet.of(Contamination.UNKNOWN),
                        siteArea,
                        LocalDate.of(2023, 9, 19),
                        Set.of(jwg, mfa)));

        // Densified so that no two consecutive vertices are further apart than the survey rules allow.
        Geometry corridor = Densifier.densify(highway.buffer(0.003, 2), 0.01);
        corridor.setSRID(Wgs84.SRID);
        corridor = corridor.difference(siteArea);
        corridor.setSRID(Wgs84.SRID);
        HazardArea roadside = mineAction.recordHazardArea(
                LOADER,
                new MineAction.HazardAreaDraft(
                        region.code(),
                        "Ahmadbayli-Fuzuli-Shusha highway verges (illustrative)",
                        HazardArea.Classification.SHA,
                        HazardArea.Priority.HIGH,
                        EnumSet.of(Contamination.AT_MINE, Contamination.AP_MINE),
                        corridor,
                        LocalDate.of(2023, 9, 20),
                        Set.of(mfa)));

        long agency = territory
                .createAgency(
                        LOADER,
                        new Territory.AgencyDraft("Mine action agency (illustrative)", "MAA", AgencyKind.SERVICE, null))
                .id();
        Geometry surveyed = roadside.area()
                .intersection(Wgs84.box(new org.locationtech.jts.geom.Envelope(47.16, 47.26, 39.46, 39.55)))
                .difference(siteArea);
        surveyed.setSRID(Wgs84.SRID);
        mineAction.release(
                LOADER,
                roadside.id(),
                new MineAction.ReleaseDraft(
                        agency,
                        ReleaseMethod.NON_TECHNICAL_SURVEY,
                        LocalDate.of(2023, 10, 2),
                        LocalDate.of(2023, 10, 20),
                        surveyed));

        mineAction.recordAccident(
                LOADER,
                new MineAction.AccidentDraft(
                        region.code(),
                        LocalDate.of(2023, 9, 19)
                                .atTime(LocalTime.NOON)
                                .atZone(BAKU)
                                .toInstant(),
                        false,
                        truck,
                        Contamination.UNKNOWN,
                        "Travelling by vehicle",
                        "A truck of a government institution hit a mine on the Ahmadbayli-Fuzuli-Shusha highway. "
                                + where,
                        site.id(),
                        "Ahmadbayli-Fuzuli-Shusha highway",
                        Collections.nCopies(
                                2,
                                new Victim(
                                        Victim.Outcome.KILLED,
                                        Victim.Group.CIVILIAN,
                                        Victim.Sex.UNKNOWN,
                                        Victim.AgeBand.UNKNOWN)),
                        Set.of(jwg)));
        mineAction.recordAccident(
                LOADER,
                new MineAction.AccidentDraft(
                        region.code(),
                        LocalDate.of(2023, 9, 19)
                                .atTime(LocalTime.NOON)
                                .atZone(BAKU)
                                .toInstant()
                                .plusSeconds(3600),
                        false,
                        police,
                        Contamination.UNKNOWN,
                        "Responding to an accident",
                        "Police officers responding to the first explosion were killed when their vehicle struck another"
                                + " mine. " + where,
                        site.id(),
                        "Ahmadbayli-Fuzuli-Shusha highway",
                        Collections.nCopies(
                                4,
                                new Victim(
                                        Victim.Outcome.KILLED,
                                        Victim.Group.POLICE,
                                        Victim.Sex.UNKNOWN,
                                        Victim.AgeBand.UNKNOWN)),
                        Set.of(jwg, mfa)));
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
