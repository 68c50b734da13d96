package org.custodian.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.geo.GeodesicMeasure;
import org.custodian.geo.GeometryRules;
import org.custodian.geo.Wgs84;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Component;

/**
 * Where an alert applies, as the composer gives it: an area drawn on the map, or regions, settlements and
 * hazard areas taken together, each widened by a buffer. Answers the area as published (simplified) and as
 * assembled, or refuses it with the reason.
 */
@Component
class AreaChoice {

    /** The most vertices an area drawn or pasted may have; the published area has at most 100. */
    static final int MAX_DRAWN_VERTICES = 10_000;

    /** Alerts here are for a district or part of one: larger areas are a mistake of drawing or choosing. */
    static final double MAX_SQUARE_METRES = 20_000e6;

    static final double MAX_BUFFER_METRES = 50_000;

    private final Territory territory;
    private final MineAction mineAction;

    AreaChoice(Territory territory, MineAction mineAction) {
        this.territory = territory;
        this.mineAction = mineAction;
    }

    /** The area drawn, or the places it is taken from, and the buffer in metres around them. */
    record Choice(
            @Nullable Geometry drawn,
            List<String> regions,
            List<Long> settlements,
            List<Long> hazardAreas,
            double bufferMetres) {

        Choice {
            regions = List.copyOf(regions);
            settlements = List.copyOf(settlements);
            hazardAreas = List.copyOf(hazardAreas);
        }

        static Choice drawn(Geometry area) {
            return new Choice(area, List.of(), List.of(), List.of(), 0);
        }

        boolean takesPlaces() {
            return !regions.isEmpty() || !settlements.isEmpty() || !hazardAreas.isEmpty();
        }
    }

    AlertArea.Simplified resolve(Scope scope, Region region, Choice choice) {
        if (!(choice.bufferMetres() >= 0 && choice.bufferMetres() <= MAX_BUFFER_METRES)) {
            throw new RuleViolated("bufferMetres", Refusals.BUFFER_0_METRES, (int) MAX_BUFFER_METRES);
        }
        Geometry assembled;
        if (choice.drawn() != null) {
            if (choice.takesPlaces()) {
                throw new RuleViolated("area", Refusals.DRAW_AREA_TAKE_REGIONS_SETTLEMENTS);
            }
            GeometryRules.check("area", choice.drawn(), Set.of("Polygon", "MultiPolygon"), MAX_DRAWN_VERTICES);
            assembled = AlertArea.buffered(choice.drawn(), choice.bufferMetres());
        } else if (choice.takesPlaces()) {
            assembled = assemble(scope, choice);
        } else {
            throw new RuleViolated("area", Refusals.DRAW_AREA_TAKE_REGIONS_SETTLEMENTS_2);
        }
        if (!(assembled instanceof Polygon) && !(assembled instanceof org.locationtech.jts.geom.MultiPolygon)) {
            throw new RuleViolated("area", Refusals.PLACES_CHOSEN_MAKE_AREA_GIVE);
        }
        assembled.setSRID(Wgs84.SRID);
        double squareMetres = GeodesicMeasure.areaSquareMetres(assembled);
        if (squareMetres > MAX_SQUARE_METRES) {
            throw new RuleViolated(
                    "area",
                    Refusals.AREA_TOO_LARGE,
                    String.format(Locale.ROOT, "%.0f", squareMetres / 1e6),
                    String.format(Locale.ROOT, "%.0f", MAX_SQUARE_METRES / 1e6));
        }
        region.requireHolds("area", Refusals.WHAT_ALERT_AREA, assembled);
        return AlertArea.simplified(assembled, AlertArea.MAX_POINTS);
    }

    private Geometry assemble(Scope scope, Choice choice) {
        List<Geometry> parts = new ArrayList<>();
        for (String code : choice.regions()) {
            if (!scope.reads(code)) {
                throw new RuleViolated("regions", Refusals.NO_REGION_AMONG_YOURS, code);
            }
            parts.add(known("regions", () -> territory.region(code)).boundary());
        }
        if (!choice.settlements().isEmpty() && choice.bufferMetres() <= 0) {
            throw new RuleViolated("bufferMetres", Refusals.SETTLEMENT_POINT_GIVE_BUFFER_AROUND);
        }
        for (long id : choice.settlements()) {
            parts.add(
                    known("settlements", () -> territory.settlement(scope, id)).location());
        }
        for (long id : choice.hazardAreas()) {
            parts.add(
                    known("hazardAreas", () -> mineAction.hazardArea(scope, id)).area());
        }
        List<Geometry> widened = parts.stream()
                .map(g -> AlertArea.buffered(g, choice.bufferMetres()))
                .toList();
        Geometry union = UnaryUnionOp.union(widened);
        return union == null ? Wgs84.FACTORY.createPolygon() : Wgs84.FACTORY.createGeometry(union);
    }

    private static <T> T known(String field, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RecordNotFound e) {
            throw new RuleViolated(field, e.reason());
        }
    }
}
