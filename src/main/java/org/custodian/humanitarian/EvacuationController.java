package org.custodian.humanitarian;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.custodian.platform.ReportedFigures;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Evacuations through the API: where people left and went, and the figures each source reported of them. */
@RestController
class EvacuationController {

    private final Evacuations evacuations;
    private final Callers callers;

    EvacuationController(Evacuations evacuations, Callers callers) {
        this.evacuations = evacuations;
        this.callers = callers;
    }

    /** People as sent: numbers that may be fractions or negative until checked, so that the answer says so. */
    record PeopleInput(
            @NotNull BigDecimal evacuated,
            @Nullable BigDecimal age0to4,
            @Nullable BigDecimal age5to11,
            @Nullable BigDecimal age12to17,
            @Nullable BigDecimal age18to59,
            @Nullable BigDecimal age60plus,
            @Nullable BigDecimal female,
            @Nullable BigDecimal male,
            @Nullable BigDecimal disabled,
            @Nullable BigDecimal children) {

        People people() {
            return new People(
                    java.util.Objects.requireNonNull(People.whole("evacuated", evacuated)),
                    People.whole("age_0_4", age0to4),
                    People.whole("age_5_11", age5to11),
                    People.whole("age_12_17", age12to17),
                    People.whole("age_18_59", age18to59),
                    People.whole("age_60_plus", age60plus),
                    People.whole("female", female),
                    People.whole("male", male),
                    People.whole("disabled", disabled),
                    People.whole("children", children));
        }
    }

    record ReportInput(
            @NotNull Long sourceId,
            @NotNull LocalDate reportedOn,
            @Nullable @Size(max = 1000) String note,
            @NotNull @Valid PeopleInput people) {

        Evacuations.Report report() {
            return new Evacuations.Report(sourceId, reportedOn, note, people.people());
        }
    }

    record EvacuationInput(
            @NotBlank String regionCode,
            @Nullable Long fromSettlementId,
            @Nullable Geometry origin,
            @Nullable @Size(max = 300) String originName,
            @Nullable Long toShelterId,
            @Nullable Point destination,
            @Nullable @Size(max = 300) String destinationName,
            @NotNull LocalDate evacuatedOn,
            @Nullable @Size(max = 300) String transport,
            @Nullable Long corridorId,
            @Nullable LineString route,
            @Nullable @Valid ReportInput report) {}

    record EvacuationView(
            String reference,
            String regionCode,
            String originName,
            String destinationName,
            @Nullable Long fromSettlementId,
            @Nullable Long toShelterId,
            LocalDate evacuatedOn,
            @Nullable String transport,
            @Nullable Long corridorId,
            @Nullable LineString route,
            Map<String, Integer> people,
            List<Evacuations.SourceReport> reports) {}

    GeoJsonFeature<EvacuationView> evacuation(Evacuation e, Map<String, Integer> standing, boolean withReports) {
        return GeoJsonFeature.of(
                e.id(),
                e.origin(),
                new EvacuationView(
                        e.reference(),
                        e.regionCode(),
                        e.originName(),
                        e.destinationName(),
                        e.fromSettlementId(),
                        e.toShelterId(),
                        e.evacuatedOn(),
                        e.transport(),
                        e.corridorId(),
                        e.route(),
                        standing,
                        withReports ? evacuations.reports(callers.current(), e.id()) : List.of()));
    }

    @Operation(
            summary = "List evacuations",
            description =
                    "Evacuations as a GeoJSON FeatureCollection located at their origin, with where the people left and went, the day, transport, corridor and the accepted numbers of people. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/evacuations",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> evacuations() {
        List<Evacuation> all = evacuations.evacuations(callers.current());
        Map<Long, Map<String, Integer>> standing = evacuations.standing(all);
        return PlaceController.collection(all.stream()
                .map(e -> evacuation(e, standing.getOrDefault(e.id(), Map.of()), false))
                .toList());
    }

    @Operation(
            summary = "Read an evacuation",
            description =
                    "One evacuation with its accepted numbers of people and every source's report side by side. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/evacuations/{id}")
    GeoJsonFeature<EvacuationView> evacuation(@PathVariable long id) {
        Evacuation e = evacuations.evacuation(callers.current(), id);
        return evacuation(e, evacuations.standing(List.of(e)).get(e.id()), true);
    }

    @Operation(
            summary = "Record an evacuation",
            description =
                    "Records an evacuation: region, origin (a settlement, or an area and its name), destination (a shelter, or a place and its name), day, transport, corridor and route, with an optional first report of the people evacuated; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing origin or destination, an evacuation dated in the future, an unknown region, settlement, shelter, corridor or source, an invalid or out-of-region geometry, and numbers of people that are fractions, negative or do not add up are refused with 422 naming the field.")
    @PostMapping("/api/evacuations")
    ResponseEntity<GeoJsonFeature<EvacuationView>> recordEvacuation(@Valid @RequestBody EvacuationInput in) {
        Evacuations.Report first = in.report() == null ? null : in.report().report();
        Evacuation e = evacuations.record(
                callers.current(),
                new Evacuations.Draft(
                        in.regionCode(),
                        in.fromSettlementId(),
                        in.origin(),
                        in.originName(),
                        in.toShelterId(),
                        in.destination(),
                        in.destinationName(),
                        in.evacuatedOn(),
                        in.transport(),
                        in.corridorId(),
                        in.route()),
                first);
        return ResponseEntity.created(URI.create("/api/evacuations/" + e.id()))
                .body(evacuation(e, evacuations.standing(List.of(e)).get(e.id()), true));
    }

    @Operation(
            summary = "Report the people evacuated",
            description =
                    "Records what one source reports of the people evacuated on a day, every number of it or none; answers 201 with the figures written. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). Fractions, negative numbers, incomplete age bands or parts larger than the whole are refused with 422 naming the measure, an unknown source with 422, and a second report by the same source for the same day with 409.")
    @PostMapping("/api/evacuations/{id}/reports")
    ResponseEntity<List<ReportedFigures.Figure>> report(@PathVariable long id, @Valid @RequestBody ReportInput in) {
        return ResponseEntity.status(201).body(evacuations.report(callers.current(), id, in.report()));
    }

    /** Accepts the report the figure belongs to, every figure of it. */
    @Operation(
            summary = "Accept a source's report of an evacuation",
            description =
                    "Accepts the report the given figure belongs to as a whole: each of its figures becomes the accepted one of its measure. Only administrators and directors of the evacuation's region may call it (403 for others); an evacuation outside the caller's regions or a figure not of it answers 404.")
    @PostMapping("/api/evacuations/{id}/figures/{figure}/acceptance")
    GeoJsonFeature<EvacuationView> accept(@PathVariable long id, @PathVariable long figure) {
        evacuations.accept(callers.current(), id, figure);
        return evacuation(id);
    }
}
