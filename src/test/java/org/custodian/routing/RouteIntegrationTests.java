package org.custodian.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.Wgs84;
import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Safe routes over the shipped demo road network, end to end over HTTP: the route keeps its buffer clear of
 * every active hazard area (checked on the geometries in the database and with distances on a local azimuthal
 * equidistant projection, independent of the planner's own), the refusals, closed roads and their scope, a
 * new hazard area reflected at once, and a road network file that is refused leaving the network in use.
 */
@CustodianIntegrationTest
class RouteIntegrationTests {

    static final String PASSWORD = "routing-test-password";
    static final String AGHDAM = "46.930,39.991";
    static final String JABRAYIL = "47.026,39.399";
    static final String FUZULI = "47.145,39.600";
    static final String KALBAJAR = "46.038,40.105";
    static final String LACHIN = "46.547,39.640";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoadNetwork network;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("agd-route-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    private Api as(String user) {
        return Api.at(port).as(user, PASSWORD);
    }

    private static String route(String from, String to) {
        return "/api/routes?from=" + from + "&to=" + to;
    }

    @Test
    void aRouteAroundTheHighwayHazardKeepsItsBufferClearOfEveryActiveHazardArea() throws Exception {
        Api.Response r = admin.get(route(AGHDAM, JABRAYIL));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.get("type").asString()).isEqualTo("Feature");
        assertThat(f.at("/geometry/type").asString()).isEqualTo("LineString");
        assertThat(f.at("/properties/lengthMetres").asDouble()).isGreaterThan(50_000);
        assertThat(f.at("/properties/durationSeconds").asDouble()).isGreaterThan(0);
        List<String> avoided = new ArrayList<>();
        f.at("/properties/avoided").forEach(h -> avoided.add(h.get("name").asString()));
        assertThat(avoided).anyMatch(n -> n.contains("highway"));
        // An officer of Aghdam is routed around the same area, which lies in another region: not named to them.
        Api.Response scoped = as("agd-route-officer").get(route(AGHDAM, JABRAYIL));
        assertThat(scoped.json().at("/geometry")).isEqualTo(f.get("geometry"));
        assertThat(scoped.body()).doesNotContain("highway");
        assertThat(scoped.json().at("/properties/avoided/0/name").isNull()).isTrue();
        LineString line = line(f.get("geometry"));
        assertClear(line, 100);

        // A wider buffer is kept just as well.
        Api.Response wide = admin.get(route(AGHDAM, JABRAYIL) + "&buffer=600");
        assertThat(wide.status()).as(wide.body()).isEqualTo(200);
        assertClear(line(wide.json().get("geometry")), 600);
    }

    @Test
    void settlementsAreEndsToo() {
        long aghdam = settlement("Aghdam");
        long khankendi = settlement("Khankendi");
        Api.Response r = admin.get("/api/routes?fromSettlement=" + aghdam + "&toSettlement=" + khankendi);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode nearby = r.json().at("/properties/hazardsNearby");
        nearby.forEach(h -> assertThat(h.get("distanceMetres").asDouble()).isBetween(0d, 1000d));
        assertThat(admin.get("/api/routes?fromSettlement=999999&toSettlement=" + khankendi)
                        .status())
                .isEqualTo(404);
        Api.Response same = admin.get("/api/routes?fromSettlement=" + aghdam + "&toSettlement=" + aghdam);
        assertThat(same.status()).as(same.body()).isEqualTo(422);
        assertThat(same.json().get("detail").asString()).contains("same place");
    }

    @Test
    void refusesEndsOffTheNetworkOrInsideAHazardAndMalformedInput() {
        Api.Response farAway = admin.get(route("46.30,39.20", AGHDAM));
        assertThat(farAway.status()).as(farAway.body()).isEqualTo(422);
        assertThat(farAway.isProblem()).isTrue();
        assertThat(farAway.body()).contains("from").contains("off the road network");

        Api.Response offGraph = admin.get(route(AGHDAM, "44.0,41.9"));
        assertThat(offGraph.status()).as(offGraph.body()).isEqualTo(422);
        assertThat(offGraph.body()).contains("destination").contains("off the road network");

        Api.Response inHazard = admin.get(route(AGHDAM, FUZULI));
        assertThat(inHazard.status()).as(inHazard.body()).isEqualTo(422);
        assertThat(inHazard.body())
                .contains("destination lies within hazard area")
                .contains("highway");

        assertThat(admin.get(route("abc", AGHDAM)).status()).isEqualTo(400);
        assertThat(admin.get(route("46.9", AGHDAM)).status()).isEqualTo(400);
        assertThat(admin.get(route("200,39", AGHDAM)).status()).isEqualTo(400);
        assertThat(admin.get("/api/routes?to=" + AGHDAM).status()).isEqualTo(400);
        assertThat(admin.get(route(AGHDAM, LACHIN) + "&buffer=-5").status()).isEqualTo(400);
        assertThat(Api.at(port).anonymous().get(route(AGHDAM, LACHIN)).status()).isIn(401, 302);
    }

    @Test
    void aNewHazardAreaIsAvoidedAtOnceAndOneThatBlocksEveryWayIsNamed() {
        assertThat(admin.get(route(KALBAJAR, LACHIN)).status()).isEqualTo(200);
        // The only road to Kalbajar, a quarter of the way from Lachin.
        Map<String, Object> hazard = new LinkedHashMap<>();
        hazard.put("regionCode", "LAC");
        hazard.put("name", "Kalbajar road minefield (test)");
        hazard.put("classification", "CHA");
        hazard.put("contamination", List.of("AT_MINE"));
        Api.Response created = admin.post(
                "/api/hazard-areas",
                Api.json(Map.of("type", "Feature", "geometry", box(46.420, 39.756, 0.01), "properties", hazard)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response blocked = admin.get(route(KALBAJAR, LACHIN));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
        assertThat(blocked.body()).contains("Kalbajar road minefield (test)").contains("no way by road");
    }

    @Test
    void closedRoadsAreAvoidedAndScopedToTheirRegion() {
        String region = admin.regionOf(46.912, 39.981);
        assertThat(admin.regionOf(46.897, 39.9725)).isEqualTo(region);
        assertThat(admin.createUser(region.toLowerCase() + "-route-officer", "OFFICER", region, PASSWORD))
                .isIn(201, 409);
        String other = region.equals("LAC") ? "AGD" : "LAC";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionCode", region);
        body.put("name", "Aghdam-Khankendi road near Askeran (test)");
        body.put(
                "line",
                Map.of(
                        "type",
                        "LineString",
                        "coordinates",
                        List.of(List.of(46.912, 39.981), List.of(46.897, 39.9725))));
        body.put("reason", "Bridge damaged");
        Api officer = as(region.toLowerCase() + "-route-officer");
        Api.Response before = admin.get(route("46.925,39.985", "46.835,39.933"));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        Api.Response closed = officer.post("/api/closed-roads", Api.json(body));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        long id = closed.json().get("id").asLong();
        assertThat(closed.json().at("/properties/inForce").asBoolean()).isTrue();

        // The only road between Aghdam and Askeran is now closed: no way, and the closed road is named.
        Api.Response after = admin.get(route("46.925,39.985", "46.835,39.933"));
        assertThat(after.status()).as(after.body()).isEqualTo(422);
        assertThat(after.body()).contains("closed road Aghdam-Khankendi road near Askeran (test)");

        // Another region's officer neither sees nor reopens it, nor closes roads in a region not theirs.
        assertThat(admin.createUser(other.toLowerCase() + "-route-officer", "OFFICER", other, PASSWORD))
                .isIn(201, 409);
        Api lachin = as(other.toLowerCase() + "-route-officer");
        assertThat(lachin.get("/api/closed-roads/" + id).status()).isEqualTo(404);
        assertThat(lachin.get("/api/closed-roads").body()).doesNotContain("near Askeran (test)");
        assertThat(lachin.post("/api/closed-roads/" + id + "/reopen", "{\"version\":0}")
                        .status())
                .isEqualTo(404);
        assertThat(lachin.post("/api/closed-roads", Api.json(body)).status()).isEqualTo(403);
        assertThat(officer.get("/api/closed-roads").body()).contains("near Askeran (test)");

        Map<String, Object> bad = new LinkedHashMap<>(body);
        bad.put("line", Map.of("type", "LineString", "coordinates", List.of(List.of(46.912, 39.981))));
        assertThat(officer.post("/api/closed-roads", Api.json(bad)).status()).isIn(400, 422);

        Api.Response reopened = officer.post(
                "/api/closed-roads/" + id + "/reopen",
                "{\"version\":" + closed.json().at("/properties/version").asLong() + "}");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().at("/properties/inForce").asBoolean()).isFalse();
        assertThat(admin.get(route("46.925,39.985", "46.835,39.933")).status()).isEqualTo(200);
        assertThat(officer.post(
                                "/api/closed-roads/" + id + "/reopen",
                                "{\"version\":"
                                        + reopened.json()
                                                .at("/properties/version")
                                                .asLong() + "}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aFileThatIsNotOpenStreetMapOrIsCutShortIsRefusedAndTheNetworkInUseKept() throws Exception {
        RoadNetwork.Graph before = network.graph();
        Path notOsm = Files.createTempFile("not-osm", ".osm");
        Files.writeString(notOsm, "name,lat,lon\nAghdam,39.991,46.930\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> network.replace(notOsm, "not-osm.osm", null))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("neither OpenStreetMap");
        byte[] demo;
        try (var in = getClass().getClassLoader().getResourceAsStream(RoadNetwork.DEMO_FILE)) {
            demo = in.readAllBytes();
        }
        Path cut = Files.createTempFile("cut", ".osm");
        Files.write(cut, java.util.Arrays.copyOf(demo, demo.length / 2));
        assertThatThrownBy(() -> network.replace(cut, "cut.osm", null))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("could not be read");
        assertThat(network.graph()).isSameAs(before);

        // Through the API: refused with a problem naming the reason, for administrators only.
        Api.Response refused =
                admin.upload("/api/road-network", "roads.osm.pbf", "not a pbf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("neither OpenStreetMap");
        Api.Response cutShort =
                admin.upload("/api/road-network", "cut.osm", java.util.Arrays.copyOf(demo, demo.length / 3));
        assertThat(cutShort.status()).as(cutShort.body()).isEqualTo(422);
        assertThat(as("agd-route-officer")
                        .upload("/api/road-network", "roads.osm", demo)
                        .status())
                .isEqualTo(403);
        assertThat(network.graph()).isSameAs(before);
        assertThat(admin.get("/api/road-network").json().get("edges").asInt()).isEqualTo(before.edges());
        assertThat(admin.get(route(AGHDAM, LACHIN)).status()).isEqualTo(200);
    }

    @Test
    void anOpenStreetMapFileWithADoctypeIsRefusedBeforeItsEntitiesAreRead() throws Exception {
        RoadNetwork.Graph before = network.graph();
        Path secret = Files.createTempFile("server-secret", ".txt");
        Files.writeString(secret, "do-not-leak-4711", StandardCharsets.UTF_8);
        String external = "<?xml version=\"1.0\"?><!DOCTYPE osm [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<osm version=\"0.6\"><node id=\"1\" lat=\"39.7\" lon=\"46.7\"/><node id=\"2\" lat=\"39.71\""
                + " lon=\"46.71\"/><way id=\"3\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"primary\"/>"
                + "<tag k=\"name\" v=\"&x;\"/></way></osm>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE osm [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"");
            laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><osm version=\"0.6\"><node id=\"1\" lat=\"39.7\" lon=\"46.7\"><tag k=\"name\" v=\"&l12;\"/>")
                .append("</node></osm>");
        for (String xml : List.of(external, laughs.toString())) {
            Path file = Files.createTempFile("doctype", ".osm");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> network.replace(file, "doctype.osm", null))
                    .isInstanceOf(RuleViolated.class)
                    .hasMessageContaining("DOCTYPE");
            Api.Response refused = admin.upload("/api/road-network", "roads.osm", xml.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).contains("DOCTYPE").doesNotContain("do-not-leak");
            Files.delete(file);
        }
        Files.delete(secret);
        assertThat(network.graph()).isSameAs(before);
    }

    @Test
    void aConvoyWithoutARouteTakesThePlannedOne() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("regionCode", "AGD");
        c.put("organisation", "Routing test convoy");
        c.put("origin", Map.of("type", "Point", "coordinates", List.of(46.930, 39.991)));
        c.put("originName", "Aghdam");
        c.put("destination", Map.of("type", "Point", "coordinates", List.of(46.830, 39.935)));
        c.put("destinationName", "Askeran");
        c.put("manifest", List.of(Map.of("item", "Wheat flour", "quantity", 2, "unit", "TONNES")));
        Api.Response r = admin.post("/api/convoys", Api.json(c));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().at("/geometry/type").asString()).isEqualTo("LineString");
        // The demo's Red Crescent convoy was recorded without a route: it took the planned one, by the roads.
        for (JsonNode f : admin.get("/api/convoys").json().get("features")) {
            if (f.at("/properties/organisation").asString().equals("Red Crescent")) {
                assertThat(f.at("/geometry/coordinates").size()).isGreaterThan(3);
            }
        }
        Api.Response planned = admin.get(route("46.930,39.991", "46.830,39.935"));
        assertThat(r.json().at("/geometry/coordinates"))
                .isEqualTo(planned.json().at("/geometry/coordinates"));
    }

    private long settlement(String name) {
        for (JsonNode s : admin.get("/api/settlements").json().get("features")) {
            if (s.toString().contains("\"" + name + "\"")) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no settlement " + name);
    }

    private static Map<String, Object> box(double lon, double lat, double half) {
        return Map.of(
                "type",
                "Polygon",
                "coordinates",
                List.of(List.of(
                        List.of(lon - half, lat - half),
                        List.of(lon + half, lat - half),
                        List.of(lon + half, lat + half),
                        List.of(lon - half, lat + half),
                        List.of(lon - half, lat - half))));
    }

    private static LineString line(JsonNode geometry) {
        JsonNode coords = geometry.get("coordinates");
        Coordinate[] c = new Coordinate[coords.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(
                    coords.get(i).get(0).asDouble(), coords.get(i).get(1).asDouble());
        }
        return Wgs84.FACTORY.createLineString(c);
    }

    /**
     * The line crosses no active hazard area as stored (the database's own st_intersects), and keeps at least
     * {@code buffer} metres from each, measured on an azimuthal equidistant projection centred on the area.
     */
    private void assertClear(LineString line, double buffer) throws Exception {
        String wkt = line.toText();
        WKTReader reader = new WKTReader(Wgs84.FACTORY);
        List<Map<String, Object>> areas = jdbc.queryForList(
                "select id, name, st_astext(area) as area, st_intersects(area, st_geomfromtext(?, 4326)) as crosses"
                        + " from mine_hazard_area where status <> 'RELEASED'",
                wkt);
        assertThat(areas).isNotEmpty();
        for (Map<String, Object> a : areas) {
            Geometry remaining = reader.read((String) a.get("area"));
            for (Map<String, Object> r : jdbc.queryForList(
                    "select st_astext(area) as area from mine_land_release where hazard_area_id = ?", a.get("id"))) {
                remaining = remaining.difference(reader.read((String) r.get("area")));
            }
            if (remaining.isEmpty()) {
                continue;
            }
            boolean wholeAreaActive = jdbc.queryForObject(
                            "select count(*) from mine_land_release where hazard_area_id = ?", Long.class, a.get("id"))
                    == 0;
            if (wholeAreaActive) {
                assertThat(Boolean.TRUE.equals(a.get("crosses")))
                        .as("route crosses %s", a.get("name"))
                        .isFalse();
            }
            assertThat(metres(line, remaining))
                    .as("distance to %s", a.get("name"))
                    .isGreaterThanOrEqualTo(buffer);
        }
    }

    private static double metres(LineString line, Geometry area) {
        Coordinate centre = area.getEnvelopeInternal().centre();
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs = crs.createFromParameters("wgs84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem aeqd = crs.createFromParameters(
                "aeqd", "+proj=aeqd +lat_0=" + centre.y + " +lon_0=" + centre.x + " +datum=WGS84 +units=m +no_defs");
        CoordinateTransform t = new CoordinateTransformFactory().createTransform(wgs, aeqd);
        Geometry l = project(line, t);
        Geometry a = project(area, t);
        return l.distance(a);
    }

    private static Geometry project(Geometry g, CoordinateTransform t) {
        Geometry out = g.copy();
        out.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            ProjCoordinate p = t.transform(new ProjCoordinate(c.x, c.y), new ProjCoordinate());
            c.x = p.x;
            c.y = p.y;
        });
        out.geometryChanged();
        return out;
    }
}
