package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.custodian.Api;
import org.custodian.CustodianIntegrationTest;
import org.custodian.geo.GeoJsonModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A record lies in its region when its point is inside, or at least half its line or area is. */
@CustodianIntegrationTest
class RegionHoldsIntegrationTests {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void connect() {
        admin = Api.at(port).asAdmin();
    }

    private Geometry boundary(String code) {
        for (JsonNode region : admin.get("/api/regions").json().get("features")) {
            if (region.at("/properties/code").asString().equals(code)) {
                return GeoJsonModule.read("geometry", region.get("geometry").toString());
            }
        }
        throw new AssertionError("no region " + code);
    }

    private static String box(double minX, double minY, double maxX, double maxY) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                minX,
                minY,
                maxX,
                minY,
                maxX,
                maxY,
                minX,
                maxY,
                minX,
                minY);
    }

    private Api.Response parcel(String geometry, String name) {
        return admin.post(
                "/api/assets",
                "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":"
                        + Api.json(Map.of("regionCode", "AGD", "kind", "LAND_PARCEL", "name", name)) + "}");
    }

    @Test
    void refusesAnAreaMostlyOutsideItsRegionAndAcceptsOneMostlyInside() {
        Envelope agd = boundary("AGD").getEnvelopeInternal();
        // The region's own box grown by a degree all round: it covers the region, and is mostly elsewhere.
        Api.Response around = parcel(
                box(agd.getMinX() - 1, agd.getMinY() - 1, agd.getMaxX() + 1, agd.getMaxY() + 1), "Around Aghdam");
        assertThat(around.status()).isEqualTo(422);
        assertThat(around.isProblem()).isTrue();
        assertThat(around.json().get("detail").asString()).contains("geometry", "half", "AGD");
        assertThat(around.json().at("/errors/0/field").asString()).isEqualTo("geometry");

        org.locationtech.jts.geom.Point inside = boundary("AGD").getInteriorPoint();
        Api.Response small = parcel(
                box(inside.getX() - 0.001, inside.getY() - 0.001, inside.getX() + 0.001, inside.getY() + 0.001),
                "Inside Aghdam");
        assertThat(small.status()).isEqualTo(201);
    }

    @Test
    void refusesAPolygonCoveringTheGlobeWhichWouldShowInEveryRegion() {
        Api.Response globe = parcel(box(-180, -90, 180, 90), "The whole world");
        assertThat(globe.status()).isEqualTo(422);
        assertThat(globe.json().get("detail").asString()).contains("geometry", "half the globe");
        assertThat(admin.get("/api/exports/assets.geojson?region=SHU").body()).doesNotContain("The whole world");
    }
}
