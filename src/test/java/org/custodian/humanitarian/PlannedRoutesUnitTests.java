package org.custodian.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Refusal;
import org.custodian.platform.RuleViolated;
import org.custodian.routing.Route;
import org.custodian.routing.RoutePlanner;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class PlannedRoutesUnitTests {

    static final Point AGHDAM = Wgs84.point(46.930, 39.991);
    static final Point KHANKENDI = Wgs84.point(46.752, 39.815);

    /** A planner's refusal, as the road network would give it. */
    enum Blocked implements Refusal {
        EVERY_WAY
    }

    /** Plans a dog-leg through Askeran, remembering each request; refuses when told to. */
    static final class FakePlanner implements RoutePlanner {
        final List<Point[]> asked = new ArrayList<>();
        boolean blocked;

        @Override
        public Route plan(Point from, Point to, Double bufferMetres) {
            asked.add(new Point[] {from, to});
            if (blocked) {
                throw new RuleViolated("route", Blocked.EVERY_WAY, "HA-1", "HA-2");
            }
            // A planner's own factory, without the SRID records keep.
            LineString line = new GeometryFactory().createLineString(new Coordinate[] {
                from.getCoordinate(), new Coordinate(46.830, 39.935), to.getCoordinate()
            });
            return new Route(line, 25_000, 1_800, List.of(), List.of());
        }
    }

    static PlannedRoutes with(RoutePlanner planner) {
        return new PlannedRoutes(
                new StaticListableBeanFactory(Map.of("planner", planner)).getBeanProvider(RoutePlanner.class));
    }

    static PlannedRoutes without() {
        return new PlannedRoutes(new StaticListableBeanFactory().getBeanProvider(RoutePlanner.class));
    }

    @Test
    void takesTheWayFromThePlannerWhenNoneIsGiven() {
        FakePlanner planner = new FakePlanner();
        LineString way = with(planner).wayOf(null, AGHDAM, KHANKENDI);
        assertThat(way).isNotNull();
        assertThat(way.getNumPoints()).isEqualTo(3);
        assertThat(way.getCoordinateN(1)).isEqualTo(new Coordinate(46.830, 39.935));
        assertThat(way.getSRID()).isEqualTo(Wgs84.SRID);
        assertThat(planner.asked).hasSize(1);
        assertThat(planner.asked.get(0)[0]).isEqualTo(AGHDAM);
        assertThat(planner.asked.get(0)[1]).isEqualTo(KHANKENDI);
    }

    @Test
    void aWayGivenExplicitlyIsKeptAndThePlannerNotAsked() {
        FakePlanner planner = new FakePlanner();
        LineString given =
                Wgs84.FACTORY.createLineString(new Coordinate[] {AGHDAM.getCoordinate(), KHANKENDI.getCoordinate()});
        assertThat(with(planner).wayOf(given, AGHDAM, KHANKENDI)).isSameAs(given);
        assertThat(planner.asked).isEmpty();
    }

    @Test
    void withoutARoadNetworkThereIsNoPlannedWay() {
        PlannedRoutes routes = without();
        assertThat(routes.available()).isFalse();
        assertThat(routes.wayOf(null, AGHDAM, KHANKENDI)).isNull();
    }

    @Test
    void aWayTheHazardsBlockIsRefusedWithThePlannersReason() {
        FakePlanner planner = new FakePlanner();
        planner.blocked = true;
        assertThatThrownBy(() -> with(planner).wayOf(null, AGHDAM, KHANKENDI))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("HA-1");
    }
}
