package org.custodian.cop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.FeatureLayer;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.Tile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The map's vector tiles on the demo data, on whichever database runs: each tile decoded and compared with the
 * layer's GeoJSON over the same box written by the Java writer (so on PostGIS, {@code ST_AsMVT}'s tiles are
 * held against it), scope, no stale tile after a write, the time window, refusals.
 */
@CustodianIntegrationTest
class TileIntegrationTests {

    static final String PASSWORD = "tile-test-password";

    @LocalServerPort
    int port;

    @Autowired
    List<FeatureLayer> layers;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void users() {
        admin = Api.at(port).asAdmin();
        assertThat(admin.createUser("tile-agd-officer", "OFFICER", "AGD", PASSWORD))
                .isIn(201, 409);
    }

    @Test
    void tilesHoldWhatTheLayerHoldsFeatureForFeature() throws IOException {
        JsonNode incident = first("/api/incidents?region=AGD");
        double[] at = lonLat(incident);
        // Street zoom: each incident alone; region zoom: points grouped into clusters.
        int compared = 0;
        for (int z : new int[] {15, 12, 9}) {
            compared += sameContent("incidents", tileAt(z, at[0], at[1]));
        }
        JsonNode hazard =
                admin.get("/map/layers/hazard-areas").json().get("features").get(0);
        Geometry area = GeoJsonModule.read("g", hazard.get("geometry").toString());
        var centre = area.getInteriorPoint();
        for (int z : new int[] {14, 10}) {
            compared += sameContent("hazard-areas", tileAt(z, centre.getX(), centre.getY()));
        }
        compared += sameContent("settlements", tileAt(9, at[0], at[1]));
        assertThat(compared).isGreaterThan(6);
    }

    @Test
    void clustersAtRegionZoomCountEveryPointOnce() throws IOException {
        double[] at = lonLat(first("/api/incidents?region=AGD"));
        Tile tile = tileAt(9, at[0], at[1]);
        long inTile = 0;
        for (JsonNode f : admin.get("/map/layers/incidents?bbox=" + bbox(tile.envelope()))
                .json()
                .get("features")) {
            Geometry g = GeoJsonModule.read("g", f.get("geometry").toString());
            if (g instanceof org.locationtech.jts.geom.Point p
                    && tile.envelope().contains(Tile.mercatorX(p.getX()), Tile.mercatorY(p.getY()))) {
                inTile++;
            }
        }
        long counted = 0;
        boolean grouped = false;
        for (Geometry g : decode(admin, "incidents", tile)) {
            Map<?, ?> p = (Map<?, ?>) g.getUserData();
            if (p.get("count") instanceof Number n) {
                counted += n.longValue();
                grouped = true;
                assertThat(p.containsKey("id")).isFalse();
            } else if (g.getGeometryType().equals("Point")) {
                counted++;
            }
        }
        assertThat(grouped).isTrue();
        assertThat(counted).isEqualTo(inTile);
    }

    @Test
    void aUserOfOneRegionGetsNothingOfAnother() throws IOException {
        JsonNode shusha = first("/api/incidents?region=SHU");
        double[] at = lonLat(shusha);
        Tile tile = tileAt(15, at[0], at[1]);
        assertThat(ids(decode(admin, "incidents", tile)))
                .contains(shusha.get("id").asString());
        Api officer = Api.at(port).as("tile-agd-officer", PASSWORD);
        assertThat(ids(decode(officer, "incidents", tile)))
                .doesNotContain(shusha.get("id").asString());
        // Not even counted in a cluster: the officer's region-zoom tile over Shusha holds only Aghdam's.
        Tile wide = tileAt(9, at[0], at[1]);
        long officerPoints = 0;
        for (Geometry g : decode(officer, "incidents", wide)) {
            officerPoints += ((Map<?, ?>) g.getUserData()).get("count") instanceof Number n ? n.longValue() : 1;
        }
        long agdPoints = 0;
        for (JsonNode f : officer.get("/map/layers/incidents?bbox=" + bbox(wide.envelope()))
                .json()
                .get("features")) {
            Geometry g = GeoJsonModule.read("g", f.get("geometry").toString());
            if (wide.envelope().contains(Tile.mercatorX(g.getCoordinate().x), Tile.mercatorY(g.getCoordinate().y))) {
                agdPoints++;
            }
        }
        assertThat(officerPoints).isEqualTo(agdPoints);
        assertThat(officer.getBytes("/tiles/hazard-areas/9/" + wide.x() + "/" + wide.y() + ".mvt"))
                .isNotNull();
    }

    @Test
    void aChangedRecordShowsInItsTileAtOnceAndTheTimeWindowNarrowsIt() throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("regionCode", "AGD");
        p.put("type", "CEASEFIRE_VIOLATION");
        p.put("occurredAt", "2023-09-21T10:00:00Z");
        p.put("description", "Shots heard near the tile test post");
        Map<String, Object> casualties = new LinkedHashMap<>();
        for (String who : List.of("Civilian", "Police", "Military", "Deminer", "Children")) {
            casualties.put("killed" + who, 0);
            casualties.put("injured" + who, 0);
        }
        p.put("casualties", casualties);
        p.put("sources", List.of());
        Api.Response created = admin.post(
                "/api/incidents",
                Api.json(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Point", "coordinates", List.of(46.9412, 39.9873)),
                        "properties",
                        p)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Tile tile = tileAt(16, 46.9412, 39.9873);

        Api.Response served = admin.get(path("incidents", tile), "application/vnd.mapbox-vector-tile");
        assertThat(served.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(served.raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Map<?, ?> before = feature(decode(admin, "incidents", tile), id);
        assertThat(before.get("date")).isEqualTo("2023-09-21");
        assertThat(before.get("type")).isEqualTo("CEASEFIRE_VIOLATION");
        String statusBefore = (String) before.get("status");

        assertThat(admin.post("/api/incidents/" + id + "/reviews", "{\"status\":\"UNDER_REVIEW\"}")
                        .status())
                .isEqualTo(200);
        assertThat(feature(decode(admin, "incidents", tile), id).get("status"))
                .isEqualTo("UNDER_REVIEW")
                .isNotEqualTo(statusBefore);

        assertThat(ids(decode(admin, path("incidents", tile) + "?to=2023-09-20")))
                .doesNotContain(id);
        assertThat(ids(decode(admin, path("incidents", tile) + "?from=2023-09-21&to=2023-09-21")))
                .contains(id);
    }

    @Test
    void regionZoomShowsEveryHazardAreaOnceAsItsShapeAPointOrACount() throws IOException {
        String a = hazardArea(admin, 46.9500, 39.9900, 0.0002);
        String b = hazardArea(admin, 46.9503, 39.9902, 0.0002);
        String tiny = hazardArea(admin, 46.9600, 39.9950, 0.00001);
        // Region zoom: a pixel is about 300 m, so each of these is a point, grouped with its neighbours.
        Tile region = tileAt(8, 46.95, 39.99);
        long shown = everyHazardAreaShowsOnce(admin, region);
        assertThat(shown).isGreaterThanOrEqualTo(3);
        assertThat(decode(admin, "hazard-areas", region))
                .allSatisfy(g -> assertThat(g.getGeometryType()).isIn("Point", "Polygon", "MultiPolygon"));
        everyHazardAreaShowsOnce(admin, tileAt(11, 46.95, 39.99));

        // Street zoom: each its own shape, with its properties; the one of about a metre, under a pixel, a point.
        Tile street = tileAt(15, 46.9500, 39.9900);
        everyHazardAreaShowsOnce(admin, street);
        assertThat(drawn(decode(admin, "hazard-areas", street), a).getGeometryType())
                .isEqualTo("Polygon");
        assertThat(drawn(decode(admin, "hazard-areas", street), b).getGeometryType())
                .isEqualTo("Polygon");
        Geometry dot = drawn(decode(admin, "hazard-areas", tileAt(15, 46.9600, 39.9950)), tiny);
        assertThat(dot.getGeometryType()).isEqualTo("Point");
        assertThat(((Map<?, ?>) dot.getUserData()).get("status")).isEqualTo("SUSPECTED");
        assertThat(((Map<?, ?>) dot.getUserData()).get("classification")).isEqualTo("SHA");
        // The Java writer draws the same, feature for feature (on PostGIS the database's tile is held against it).
        sameContent("hazard-areas", region);
        sameContent("hazard-areas", street);
    }

    @Test
    void aChangedHazardAreaShowsAtOnceInTilesAlreadyServed() throws IOException {
        Tile region = tileAt(8, 46.97, 39.98);
        Tile street = tileAt(15, 46.9700, 39.9800);
        long before = represented(decode(admin, "hazard-areas", region));
        // Served twice: whatever a node keeps, it now keeps these.
        assertThat(represented(decode(admin, "hazard-areas", region))).isEqualTo(before);
        decode(admin, "hazard-areas", street);

        String id = hazardArea(admin, 46.9700, 39.9800, 0.0002);
        assertThat(represented(decode(admin, "hazard-areas", region))).isEqualTo(before + 1);
        assertThat(feature(decode(admin, "hazard-areas", street), id).get("status"))
                .isEqualTo("SUSPECTED");
        // A change written by another client of the database, not through this application.
        jdbc.update("update mine_hazard_area set status = 'CONFIRMED' where id = ?", Long.parseLong(id));
        assertThat(feature(decode(admin, "hazard-areas", street), id).get("status"))
                .isEqualTo("CONFIRMED");
        jdbc.update("delete from mine_hazard_area where id = ?", Long.parseLong(id));
        assertThat(represented(decode(admin, "hazard-areas", region))).isEqualTo(before);
        assertThat(ids(decode(admin, "hazard-areas", street))).doesNotContain(id);
    }

    @Test
    void aUserOfOneRegionCountsOnlyItsHazardAreasAtRegionZoom() throws IOException {
        double[] shusha = lonLat(first("/api/incidents?region=SHU"));
        String there = admin.recordSquareHazardArea("SHU", shusha[0], shusha[1], 0.0002, "SHA");
        Api officer = Api.at(port).as("tile-agd-officer", PASSWORD);
        Tile region = tileAt(8, shusha[0], shusha[1]);
        // The officer's tile holds what the officer's layer holds, and less than the administrator's.
        long officers = everyHazardAreaShowsOnce(officer, region);
        assertThat(everyHazardAreaShowsOnce(admin, region)).isGreaterThan(officers);
        Tile street = tileAt(15, shusha[0], shusha[1]);
        assertThat(ids(decode(admin, "hazard-areas", street))).contains(there);
        assertThat(ids(decode(officer, "hazard-areas", street))).doesNotContain(there);
    }

    @Test
    void oneTileOfManyLayersHoldsEachAsItsOwnTileInTheCallersScope() throws IOException {
        JsonNode shusha = first("/api/incidents?region=SHU");
        double[] at = lonLat(shusha);
        String id = shusha.get("id").asString();
        Api officer = Api.at(port).as("tile-agd-officer", PASSWORD);
        for (Tile tile : List.of(tileAt(9, at[0], at[1]), tileAt(15, at[0], at[1]))) {
            for (Api api : List.of(admin, officer)) {
                Map<String, List<Geometry>> all = layersOf(api.getBytes(many(tile) + "?layers=incidents,hazard-areas"));
                assertThat(all.keySet()).isSubsetOf("incidents", "hazard-areas");
                for (String layer : List.of("incidents", "hazard-areas")) {
                    assertThat(summary(all.getOrDefault(layer, List.of())))
                            .as("%s %s", layer, tile)
                            .isEqualTo(summary(decode(api, layer, tile)));
                }
            }
        }
        Tile street = tileAt(15, at[0], at[1]);
        assertThat(ids(layersOf(admin.getBytes(many(street))).get("incidents"))).contains(id);
        assertThat(ids(layersOf(officer.getBytes(many(street))).getOrDefault("incidents", List.of())))
                .doesNotContain(id);
        // Every layer when none is named; the time window narrows the dated layers and leaves the others whole.
        Tile region = tileAt(8, at[0], at[1]);
        Map<String, List<Geometry>> whole = layersOf(admin.getBytes(many(region)));
        assertThat(whole.keySet()).contains("incidents", "regions");
        Map<String, List<Geometry>> early = layersOf(admin.getBytes(many(region) + "?to=1900-01-01"));
        assertThat(early.getOrDefault("incidents", List.of())).isEmpty();
        assertThat(summary(early.get("regions"))).isEqualTo(summary(whole.get("regions")));

        assertThat(admin.get(many(region) + "?layers=incidents,no-such-layer").status())
                .isEqualTo(404);
        Api.Response noneNamed = admin.get(many(region) + "?layers=");
        assertThat(noneNamed.status()).isEqualTo(400);
        assertThat(noneNamed.isProblem()).isTrue();
        assertThat(noneNamed.json().get("detail").asString()).contains("layers");
        assertThat(admin.get(many(region) + "?layers=incidents,,regions").status())
                .isEqualTo(400);
        assertThat(admin.get("/tiles/25/0/0.mvt").status()).isEqualTo(400);
        assertThat(admin.get(many(region) + "?to=tomorrow").status()).isEqualTo(400);
        assertThat(Api.at(port).get(many(region)).status()).isEqualTo(401);
    }

    @Test
    void refusesTilesOutsideTheGridUnknownLayersAndBadTimes() {
        Api.Response deep = admin.get("/tiles/incidents/25/0/0.mvt");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.isProblem()).isTrue();
        assertThat(deep.json().get("detail").asString()).contains("25/0/0");
        assertThat(admin.get("/tiles/incidents/3/8/0.mvt").status()).isEqualTo(400);
        assertThat(admin.get("/tiles/no-such-layer/3/1/1.mvt").status()).isEqualTo(404);
        Api.Response badDay = admin.get("/tiles/incidents/3/1/1.mvt?from=yesterday");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().get("detail").asString()).contains("yesterday");
        assertThat(Api.at(port).get("/tiles/incidents/3/1/1.mvt").status()).isEqualTo(401);
    }

    @Test
    void theOfflineBasemapIsServedWithItsNoticeAndNoOtherIsConfigured() throws IOException {
        Api.Response countries = admin.get("/basemap/countries-10m.json");
        assertThat(countries.status()).isEqualTo(200);
        assertThat(countries.json().at("/objects/countries/geometries").size()).isGreaterThan(200);
        assertThat(admin.get("/basemap/NOTICE.txt", "text/plain").body()).contains("Natural Earth", "ISC");
        assertThat(admin.get("/basemap/local.pmtiles").status()).isEqualTo(404);
        // The map reads it as vector tiles of the view: the land and borders around the demo's regions.
        byte[] caucasus = admin.getBytes("/basemap/tiles/7/80/48.mvt");
        assertThat(BasemapTilesUnitTests.geometries(caucasus, "countries")).isNotEmpty();
        assertThat(BasemapTilesUnitTests.geometries(caucasus, "borders")).isNotEmpty();
        assertThat(admin.get("/basemap/tiles/9/0/0.mvt").status()).isEqualTo(400);
        assertThat(admin.get("/basemap/tiles/2/4/0.mvt").status()).isEqualTo(400);
    }

    // ---- comparison ----

    /**
     * Compares the served tile with the one the Java writer makes from the layer's GeoJSON over the same box;
     * returns the number of features compared.
     */
    private int sameContent(String layerId, Tile tile) throws IOException {
        FeatureLayer layer =
                layers.stream().filter(l -> l.id().equals(layerId)).findFirst().orElseThrow();
        List<FeatureLayer.Feature> features = new ArrayList<>();
        for (JsonNode f : admin.get("/map/layers/" + layerId + "?bbox=" + bbox(tile.buffered()))
                .json()
                .get("features")) {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            f.get("properties").properties().forEach(e -> properties.put(e.getKey(), scalar(e.getValue())));
            features.add(new FeatureLayer.Feature(
                    f.get("id").asString(),
                    GeoJsonModule.read("g", f.get("geometry").toString()),
                    properties));
        }
        List<Geometry> served = decode(admin, layerId, tile);
        List<Geometry> expected = decode(TileWriter.write(layer, tile, features), layerId);
        assertThat(summary(served)).as("%s %s", layerId, tile).isEqualTo(summary(expected));
        for (int i = 0; i < served.size(); i++) {
            Geometry s = sorted(served).get(i);
            Geometry e = sorted(expected).get(i);
            assertThat(s.getGeometryType()).isEqualTo(e.getGeometryType());
            // Rounding to the tile's grid may differ by a unit between PROJ and Java; shapes simplified a little.
            double tolerance = s.getDimension() == 0 ? 1.5 : 16;
            assertThat(s.getCentroid().distance(e.getCentroid()))
                    .as("%s %s %s", layerId, tile, s.getUserData())
                    .isLessThanOrEqualTo(tolerance);
        }
        return served.size();
    }

    private static List<String> summary(List<Geometry> features) {
        return sorted(features).stream()
                .map(g -> new TreeMap<>((Map<?, ?>) g.getUserData()).toString())
                .toList();
    }

    private static List<Geometry> sorted(List<Geometry> features) {
        return features.stream()
                .sorted(Comparator.comparing((Geometry g) -> new TreeMap<>((Map<?, ?>) g.getUserData()).toString())
                        .thenComparing(g -> g.getCentroid().getX())
                        .thenComparing(g -> g.getCentroid().getY()))
                .toList();
    }

    private static @Nullable Object scalar(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.numberValue() : v.isBoolean() ? v.asBoolean() : v.isString() ? v.asString() : v;
    }

    /**
     * Checks that the tile shows every hazard area of the caller's layer once: those under a pixel whose centroid
     * lies in the tile as points, alone or counted in a group; the others as their shapes, by id. Returns the
     * number of records the tile shows.
     */
    private long everyHazardAreaShowsOnce(Api api, Tile tile) throws IOException {
        long points = 0;
        List<String> shapes = new ArrayList<>();
        List<String> mustShow = new ArrayList<>();
        for (JsonNode f : api.get("/map/layers/hazard-areas?bbox=" + bbox(tile.buffered()))
                .json()
                .get("features")) {
            Geometry g = GeoJsonModule.read("g", f.get("geometry").toString());
            if (!tile.belowPixel(g.getEnvelopeInternal())) {
                shapes.add(f.get("id").asString());
                // One merely touching the buffer may be clipped to nothing; one reaching into the tile may not.
                var inside = g.getInteriorPoint();
                if (tile.envelope().contains(Tile.mercatorX(inside.getX()), Tile.mercatorY(inside.getY()))) {
                    mustShow.add(f.get("id").asString());
                }
            } else if (tile.z() > Tile.CLUSTER_MAX_ZOOM
                    || tile.envelope()
                            .contains(
                                    Tile.mercatorX(g.getCentroid().getX()),
                                    Tile.mercatorY(g.getCentroid().getY()))) {
                points++;
            }
        }
        List<Geometry> served = decode(api, "hazard-areas", tile);
        List<Geometry> servedPoints =
                served.stream().filter(g -> g.getGeometryType().equals("Point")).toList();
        List<Geometry> servedShapes = served.stream()
                .filter(g -> !g.getGeometryType().equals("Point"))
                .toList();
        assertThat(ids(servedShapes))
                .as("shapes of %s", tile)
                .doesNotHaveDuplicates()
                .isSubsetOf(shapes);
        assertThat(ids(servedShapes)).as("shapes of %s", tile).containsAll(mustShow);
        if (tile.z() > Tile.CLUSTER_MAX_ZOOM) {
            // Points in the buffer too, beyond the grid's edge some may fall outside it: at least those inside.
            assertThat(represented(servedPoints)).as("points of %s", tile).isLessThanOrEqualTo(points);
        } else {
            assertThat(represented(servedPoints)).as("points of %s", tile).isEqualTo(points);
        }
        return represented(served);
    }

    /** The records a tile shows: one a feature, a group's count for a group. */
    private static long represented(List<Geometry> features) {
        return features.stream()
                .mapToLong(g -> ((Map<?, ?>) g.getUserData()).get("count") instanceof Number n ? n.longValue() : 1)
                .sum();
    }

    /** Records a square hazard area of AGD centred on a point, {@code side} degrees wide; returns its id. */
    private static String hazardArea(Api api, double lon, double lat, double side) {
        return api.recordSquareHazardArea("AGD", lon, lat, side, "SHA");
    }

    private static Geometry drawn(List<Geometry> features, String id) {
        return features.stream()
                .filter(g -> id.equals(((Map<?, ?>) g.getUserData()).get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + id + " in the tile"));
    }

    // ---- helpers ----

    private JsonNode first(String path) {
        return admin.get(path).json().get("features").get(0);
    }

    private static double[] lonLat(JsonNode feature) {
        Geometry g = GeoJsonModule.read("g", feature.get("geometry").toString());
        return new double[] {g.getCoordinate().x, g.getCoordinate().y};
    }

    static Tile tileAt(int z, double lon, double lat) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new Tile(z, x, y);
    }

    private static String bbox(org.locationtech.jts.geom.Envelope mercator) {
        double w = mercator.getMinX() * 180 / Tile.HALF_WORLD;
        double e = mercator.getMaxX() * 180 / Tile.HALF_WORLD;
        return w + "," + latitude(mercator.getMinY()) + "," + e + "," + latitude(mercator.getMaxY());
    }

    private static double latitude(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y * Math.PI / Tile.HALF_WORLD)) - Math.PI / 2);
    }

    private static String path(String layer, Tile tile) {
        return "/tiles/" + layer + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt";
    }

    private static List<Geometry> decode(Api api, String layer, Tile tile) throws IOException {
        return decode(api, path(layer, tile));
    }

    private static List<Geometry> decode(Api api, String path) throws IOException {
        return decode(api.getBytes(path), path.split("/")[2]);
    }

    static List<Geometry> decode(byte[] tile, String layer) throws IOException {
        var mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter(false));
        JtsLayer found = mvt.getLayer(layer);
        assertThat(mvt.getLayers()).allMatch(l -> l.getName().equals(layer));
        return found == null ? List.of() : new ArrayList<>(found.getGeometries());
    }

    private static String many(Tile tile) {
        return "/tiles/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt";
    }

    /** The features of each layer a tile holds, by the layer's name; each name once. */
    private static Map<String, List<Geometry>> layersOf(byte[] tile) throws IOException {
        var mvt = MvtReader.loadMvt(
                new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter(false));
        Map<String, List<Geometry>> layers = new TreeMap<>();
        for (JtsLayer layer : mvt.getLayers()) {
            assertThat(layers.put(layer.getName(), new ArrayList<>(layer.getGeometries())))
                    .as(layer.getName())
                    .isNull();
        }
        return layers;
    }

    private static List<String> ids(List<Geometry> features) {
        return features.stream()
                .map(g -> ((Map<?, ?>) g.getUserData()).get("id"))
                .filter(java.util.Objects::nonNull)
                .map(Object::toString)
                .toList();
    }

    private static Map<?, ?> feature(List<Geometry> features, String id) {
        return features.stream()
                .map(g -> (Map<?, ?>) g.getUserData())
                .filter(p -> id.equals(p.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + id + " in the tile"));
    }
}
