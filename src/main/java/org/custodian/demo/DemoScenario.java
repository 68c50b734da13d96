package org.custodian.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.Sources.Citation;
import org.custodian.platform.Sources.NewSource;
import org.custodian.territory.Administration;
import org.custodian.territory.Agency;
import org.custodian.territory.AgencyKind;
import org.custodian.territory.Appointment;
import org.custodian.territory.CoordinationLink;
import org.custodian.territory.Names;
import org.custodian.territory.PopulationEstimate;
import org.custodian.territory.Region;
import org.custodian.territory.SettlementKind;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo scenario on an empty database, in one transaction: all of it or nothing. Every figure is
 * stored as the claim of a named source, never as fact.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class DemoScenario implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);
    private static final Scope LOADER = Scope.system("demo-loader");
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    /** The clip box for the generated boundaries (scenario facts: lat 38.9-40.4, lon 45.8-47.5). */
    static final Envelope AREA = new Envelope(45.8, 47.5, 38.9, 40.4);

    static final String BOUNDARY_NOTE =
            "Illustrative: generated as the Voronoi cell of the district centre, not an official boundary";

    /** A district with its administration: code, names (en, az, ru, hy), centre (lat, lon). */
    record District(String code, Names names, double lat, double lon) {}

    /** A settlement of the scenario: names, kind, position (lat, lon). */
    record Place(Names names, SettlementKind kind, double lat, double lon) {}

    static final List<District> DISTRICTS = List.of(
            new District("AGD", new Names("Aghdam", "Ağdam", "Агдам", "Աղդամ"), 39.991, 46.930),
            new District("FZL", new Names("Fuzuli", "Füzuli", "Физули", "Ֆիզուլի"), 39.600, 47.145),
            new District("JBR", new Names("Jabrayil", "Cəbrayıl", "Джебраил", "Ջաբրայիլ"), 39.399, 47.026),
            new District("ZNG", new Names("Zangilan", "Zəngilan", "Зангелан", "Զանգելան"), 39.085, 46.655),
            new District("GBD", new Names("Gubadli", "Qubadlı", "Кубатлы", "Ղուբաթլու"), 39.344, 46.579),
            new District("LAC", new Names("Lachin", "Laçın", "Лачин", "Լաչին"), 39.640, 46.547),
            new District("KLB", new Names("Kalbajar", "Kəlbəcər", "Кельбаджар", "Քելբաջար"), 40.105, 46.038),
            new District("SHU", new Names("Shusha", "Şuşa", "Шуша", "Շուշի"), 39.758, 46.749),
            new District("KHJ", new Names("Khojaly", "Xocalı", "Ходжалы", "Խոջալու"), 39.913, 46.790),
            new District("KHV", new Names("Khojavend", "Xocavənd", "Ходжавенд", "Խոջավենդ"), 39.790, 47.110),
            new District("KHK", new Names("Khankendi", "Xankəndi", "Ханкенди", "Խանքենդի"), 39.815, 46.752));

    /** The scenario's places inside the demo area; those the facts mark as outside it are left out. */
    static final List<Place> PLACES = List.of(
            new Place(new Names("Aghdam", "Ağdam", "Агдам", "Աղդամ"), SettlementKind.DISTRICT_CENTRE, 39.991, 46.930),
            new Place(
                    new Names("Fuzuli", "Füzuli", "Физули", "Ֆիզուլի"), SettlementKind.DISTRICT_CENTRE, 39.600, 47.145),
            new Place(
                    new Names("Jabrayil", "Cəbrayıl", "Джебраил", "Ջաբրայիլ"),
                    SettlementKind.DISTRICT_CENTRE,
                    39.399,
                    47.026),
            new Place(
                    new Names("Zangilan", "Zəngilan", "Зангелан", "Զանգելան"),
                    SettlementKind.DISTRICT_CENTRE,
                    39.085,
                    46.655),
            new Place(
                    new Names("Gubadli", "Qubadlı", "Кубатлы", "Ղուբաթլու"),
                    SettlementKind.DISTRICT_CENTRE,
                    39.344,
                    46.579),
            new Place(new Names("Lachin", "Laçın", "Лачин", "Լաչին"), SettlementKind.DISTRICT_CENTRE, 39.640, 46.547),
            new Place(
                    new Names("Kalbajar", "Kəlbəcər", "Кельбаджар", "Քելբաջար"),
                    SettlementKind.DISTRICT_CENTRE,
                    40.105,
                    46.038),
            new Place(new Names("Shusha", "Şuşa", "Шуша", "Շուշի"), SettlementKind.CITY, 39.758, 46.749),
            new Place(new Names("Khankendi", "Xankəndi", "Ханкенди", "Խանքենդի"), SettlementKind.CITY, 39.815, 46.752),
            new Place(new Names("Khojaly", "Xocalı", "Ходжалы", "Խոջալու"), SettlementKind.TOWN, 39.913, 46.790),
            new Place(new Names("Khojavend", "Xocavənd", "Ходжавенд", "Խոջավենդ"), SettlementKind.TOWN, 39.790, 47.110),
            new Place(new Names("Askeran", "Əsgəran", "Аскеран", "Ասկերան"), SettlementKind.TOWN, 39.935, 46.830));

    private final Territory territory;
    private final Sources sources;
    private final TransactionTemplate transaction;

    DemoScenario(Territory territory, Sources sources, TransactionTemplate transaction) {
        this.territory = territory;
        this.sources = sources;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!territory.regions().isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Loaded the demo scenario: {} regions, {} settlements", DISTRICTS.size(), PLACES.size());
    }

    void load() {
        Map<String, Citation> cite = registerSources();
        Map<String, Agency> agency = registerAgencies();
        Map<String, Region> regions = new HashMap<>();
        Map<Coordinate, Geometry> cells = cells();
        for (District d : DISTRICTS) {
            Geometry cell = cells.get(new Coordinate(d.lon(), d.lat()));
            regions.put(
                    d.code(),
                    territory.createRegion(
                            LOADER, new Territory.RegionDraft(d.code(), d.names(), cell, BOUNDARY_NOTE, BAKU)));
        }
        for (Place p : PLACES) {
            var location = Wgs84.point(p.lon(), p.lat());
            Region region = regions.values().stream()
                    .filter(r -> r.covers(location))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(p.names().en() + " lies in no demo region"));
            List<PopulationEstimate> estimates = new ArrayList<>();
            if (p.names().en().equals("Khankendi")) {
                estimates.add(new PopulationEstimate(
                        25_000,
                        LocalDate.of(2023, 9, 20),
                        cite.get("S-CAL").id(),
                        "Claimed population of Armenian origin in the area, not this city alone; other sources"
                                + " claim several times more"));
            }
            territory.addSettlement(
                    LOADER,
                    new Territory.SettlementDraft(region.code(), p.names(), p.kind(), location, null, estimates));
        }
        for (District d : DISTRICTS) {
            Administration a = territory.establish(
                    LOADER,
                    new Territory.AdministrationDraft(
                            d.code(),
                            "Temporary special administration of " + d.names().en(),
                            LocalDate.of(2020, 11, 12),
                            "Presidential decree establishing temporary special administrations (November 2020;"
                                    + " exact date not given by the source)",
                            List.of(
                                    new CoordinationLink(agency.get("MOD").id(), "Security of the region"),
                                    new CoordinationLink(agency.get("SBS").id(), "Border security")),
                            Set.of(cite.get("S-TSA").id())));
            territory.appoint(
                    LOADER,
                    a.id(),
                    new Appointment(
                            "Not named in the sources",
                            Appointment.DIRECTOR,
                            agency.get("MIA").id(),
                            LocalDate.of(2020, 11, 12),
                            null));
        }
    }

    private Map<String, Citation> registerSources() {
        Map<String, Citation> cite = new HashMap<>();
        cite.put(
                "S-TSA",
                source(
                        "Anadolu Agency",
                        "President signs decree establishing temporary special administrations in regions",
                        LocalDate.of(2020, 11, 12),
                        true,
                        "A Thursday after the 2020-11-10 statement; the exact date is approximate"));
        cite.put(
                "S-JWG",
                source(
                        "Anadolu Agency",
                        "Officials and Armenian residents of Karabakh agree on joint working group",
                        LocalDate.of(2023, 9, 25),
                        true,
                        "A Monday; approximate"));
        cite.put(
                "S-MFA",
                source(
                        "Ministry of Foreign Affairs of Azerbaijan",
                        "Briefing for the diplomatic corps on the situation in the region",
                        LocalDate.of(2023, 9, 20),
                        false,
                        null));
        cite.put(
                "S-JMC",
                source(
                        "Anadolu Agency / Hurriyet Daily News",
                        "Turkish-Russian joint Karabakh monitoring center to start operating",
                        LocalDate.of(2021, 1, 30),
                        false,
                        null));
        cite.put(
                "S-CAL",
                source(
                        "Caliber.az",
                        "Anti-terror measures; reintegration of Karabakh Armenians",
                        LocalDate.of(2023, 9, 20),
                        false,
                        null));
        return cite;
    }

    private Citation source(
            String publisher, String title, LocalDate date, boolean approximate, @Nullable String note) {
        return sources.register(new NewSource(publisher, title, date, approximate, note, null));
    }

    private Map<String, Agency> registerAgencies() {
        Map<String, Agency> agencies = new HashMap<>();
        agencies.put("MIA", agency("Ministry of Internal Affairs", "MIA", AgencyKind.MINISTRY, "Azerbaijan"));
        agencies.put("MOD", agency("Ministry of Defense", "MOD", AgencyKind.MINISTRY, "Azerbaijan"));
        agencies.put("SBS", agency("State Border Service", "SBS", AgencyKind.SERVICE, "Azerbaijan"));
        agencies.put("MFA", agency("Ministry of Foreign Affairs", "MFA", AgencyKind.MINISTRY, "Azerbaijan"));
        agencies.put("JMC", agency("Joint ceasefire monitoring centre", "JMC", AgencyKind.MONITORING_CENTRE, null));
        agencies.put("PKF", agency("Peacekeeping contingent", "PKF", AgencyKind.PEACEKEEPING, null));
        agencies.put(
                "ICRC",
                agency(
                        "International Committee of the Red Cross",
                        "ICRC",
                        AgencyKind.INTERNATIONAL_ORGANISATION,
                        null));
        agencies.put("RC", agency("Red Crescent", "RC", AgencyKind.NGO, null));
        return agencies;
    }

    private Agency agency(String name, String shortName, AgencyKind kind, @Nullable String country) {
        return territory.createAgency(LOADER, new Territory.AgencyDraft(name, shortName, kind, country));
    }

    /** Voronoi cells of the district centres, clipped to the demo area, keyed by centre (lon, lat). */
    static Map<Coordinate, Geometry> cells() {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(
                DISTRICTS.stream().map(d -> new Coordinate(d.lon(), d.lat())).toList());
        builder.setClipEnvelope(AREA);
        Geometry diagram = builder.getDiagram(Wgs84.FACTORY);
        Polygon area = Wgs84.box(AREA);
        Map<Coordinate, Geometry> cells = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Geometry clipped = cell.intersection(area);
            clipped.setSRID(Wgs84.SRID);
            cells.put((Coordinate) cell.getUserData(), clipped);
        }
        return cells;
    }
}
