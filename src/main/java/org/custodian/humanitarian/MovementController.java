package org.custodian.humanitarian;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Movements through the API: evacuations and their figures, aid convoys, notifications to the parties. */
@RestController
class MovementController {

    private final Evacuations evacuations;
    private final Convoys convoys;
    private final Notifications notifications;
    private final Callers callers;

    MovementController(Evacuations evacuations, Convoys convoys, Notifications notifications, Callers callers) {
        this.evacuations = evacuations;
        this.convoys = convoys;
        this.notifications = notifications;
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

    record ConvoyInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String organisation,
            @NotNull Point origin,
            @NotBlank @Size(max = 300) String originName,
            @NotNull Point destination,
            @NotBlank @Size(max = 300) String destinationName,
            @Nullable LineString route,
            @Nullable List<@Valid LineInput> manifest,
            @Nullable Set<Long> sources,
            @Nullable Instant plannedAt) {}

    record LineInput(
            @NotBlank @Size(max = 300) String item,
            @NotNull BigDecimal quantity,
            @NotBlank String unit) {

        ManifestLine line() {
            return new ManifestLine(item, quantity, Codes.of("unit", ManifestLine.Unit.class, unit));
        }
    }

    record ConvoyView(
            String reference,
            String regionCode,
            String organisation,
            String originName,
            String destinationName,
            Point origin,
            Point destination,
            Convoy.Status status,
            @Nullable Instant waitingSince,
            @Nullable Long daysWaiting,
            List<ManifestLine> manifest,
            List<StatusChange> history,
            Set<Long> sources,
            boolean routePlanned,
            long version) {}

    GeoJsonFeature<ConvoyView> convoy(Convoy c) {
        return GeoJsonFeature.of(
                c.id(),
                c.path(),
                new ConvoyView(
                        c.reference(),
                        c.regionCode(),
                        c.organisation(),
                        c.originName(),
                        c.destinationName(),
                        c.origin(),
                        c.destination(),
                        c.status(),
                        c.waitingSince(),
                        convoys.daysWaiting(c),
                        c.manifest(),
                        c.history(),
                        c.sources(),
                        c.route() != null,
                        c.version()));
    }

    @Operation(
            summary = "List aid convoys",
            description =
                    "Aid convoys as a GeoJSON FeatureCollection along their way, with organisation, ends, status, days held up, manifest and status history; filter by status. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region). An unknown status is refused with 422.")
    @GetMapping(
            path = "/api/convoys",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> convoys(@RequestParam(required = false) @Nullable String status) {
        Convoy.Status only = status == null ? null : Codes.of("status", Convoy.Status.class, status);
        return PlaceController.collection(convoys.convoys(callers.current()).stream()
                .filter(c -> only == null || c.status() == only)
                .map(this::convoy)
                .toList());
    }

    @Operation(
            summary = "Read an aid convoy",
            description =
                    "One aid convoy with its manifest, status history, cited sources and days held up. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/convoys/{id}")
    GeoJsonFeature<ConvoyView> convoy(@PathVariable long id) {
        return convoy(convoys.convoy(callers.current(), id));
    }

    @Operation(
            summary = "Record an aid convoy",
            description =
                    "Records a planned aid convoy: region, organisation, both ends with their names, route (planned by road when absent and a road network is installed), manifest lines and sources; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing organisation or end name, a planned time in the future, an unknown unit or source, a non-positive quantity, and an invalid or out-of-region geometry are refused with 422 naming the field.")
    @PostMapping("/api/convoys")
    ResponseEntity<GeoJsonFeature<ConvoyView>> recordConvoy(@Valid @RequestBody ConvoyInput in) {
        Convoy c = convoys.record(
                callers.current(),
                new Convoys.Draft(
                        in.regionCode(),
                        in.organisation(),
                        in.origin(),
                        in.originName(),
                        in.destination(),
                        in.destinationName(),
                        in.route(),
                        in.manifest() == null
                                ? List.of()
                                : in.manifest().stream().map(LineInput::line).toList(),
                        in.sources() == null ? Set.of() : in.sources(),
                        in.plannedAt()));
        return ResponseEntity.created(URI.create("/api/convoys/" + c.id())).body(convoy(c));
    }

    @Operation(
            summary = "Change an aid convoy's status",
            description =
                    "Moves a convoy to another status with the reason and time, as its history allows. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing reason, a time in the future or an unknown status is refused with 422; a move its history does not allow (a delivered convoy never moves again) or to the status it already has is refused with 409.")
    @PostMapping("/api/convoys/{id}/status")
    GeoJsonFeature<ConvoyView> changeConvoyStatus(
            @PathVariable long id, @Valid @RequestBody PlaceController.StatusInput in) {
        Convoy.Status to = Codes.of("status", Convoy.Status.class, in.status());
        return convoy(convoys.changeStatus(callers.current(), id, to, in.reason(), in.at()));
    }

    @Operation(
            summary = "Add a line to a convoy's manifest",
            description =
                    "Adds an item, its quantity and unit to the convoy's manifest. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A missing item, a quantity not above zero or an unknown unit is refused with 422; a delivered convoy's manifest is closed (409).")
    @PostMapping("/api/convoys/{id}/manifest")
    GeoJsonFeature<ConvoyView> load(@PathVariable long id, @Valid @RequestBody LineInput in) {
        return convoy(convoys.load(callers.current(), id, in.line()));
    }

    /** Removes a manifest line by its position, from 0. */
    @Operation(
            summary = "Remove a line from a convoy's manifest",
            description =
                    "Removes the manifest line at the given position, counting from 0. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A position with no line answers 404; a delivered convoy's manifest is closed (409).")
    @DeleteMapping("/api/convoys/{id}/manifest/{index}")
    GeoJsonFeature<ConvoyView> unload(@PathVariable long id, @PathVariable int index) {
        return convoy(convoys.unload(callers.current(), id, index));
    }

    record NotificationInput(
            @NotBlank String regionCode,
            Notification.@NotNull Kind kind,
            @NotBlank @Size(max = 1000) String subject,
            @NotNull Geometry location,
            @NotNull Instant startsAt,
            @Nullable Instant endsAt,
            @NotNull List<String> parties,
            @Nullable Long convoyId,
            @Nullable Long evacuationId,
            @Nullable Instant sentAt) {}

    record NotificationView(
            String reference,
            String regionCode,
            Notification.Kind kind,
            String subject,
            Instant startsAt,
            @Nullable Instant endsAt,
            Instant sentAt,
            String sentBy,
            @Nullable Long convoyId,
            @Nullable Long evacuationId,
            List<PartyNotice> parties) {

        static GeoJsonFeature<NotificationView> of(Notification n) {
            return GeoJsonFeature.of(
                    n.id(),
                    n.location(),
                    new NotificationView(
                            n.reference(),
                            n.regionCode(),
                            n.kind(),
                            n.subject(),
                            n.startsAt(),
                            n.endsAt(),
                            n.sentAt(),
                            n.sentBy(),
                            n.convoyId(),
                            n.evacuationId(),
                            n.parties()));
        }
    }

    record AcknowledgementInput(
            @NotBlank @Size(max = 200) String party,
            @NotBlank @Size(max = 200) String by,
            @Nullable @Size(max = 1000) String note,
            @Nullable Instant at) {}

    @Operation(
            summary = "List notifications to the parties",
            description =
                    "Humanitarian notifications sent to the parties as a GeoJSON FeatureCollection: kind, subject, place, period, who sent them and each party's acknowledgement. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/notifications",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> notifications() {
        return PlaceController.collection(notifications.notifications(callers.current()).stream()
                .map(NotificationView::of)
                .toList());
    }

    @Operation(
            summary = "Read a notification to the parties",
            description =
                    "One notification with its place, period, linked convoy or evacuation and each party's acknowledgement. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/notifications/{id}")
    GeoJsonFeature<NotificationView> notification(@PathVariable long id) {
        return NotificationView.of(notifications.notification(callers.current(), id));
    }

    @Operation(
            summary = "Record a notification to the parties",
            description =
                    "Records a notification sent to the parties of a movement or a site: region, kind, subject, place, period and parties; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing subject or party, a period that ends before it starts, a movement without an end time, a sending time in the future, an unknown convoy or evacuation, and an invalid or out-of-region geometry are refused with 422 naming the field.")
    @PostMapping("/api/notifications")
    ResponseEntity<GeoJsonFeature<NotificationView>> send(@Valid @RequestBody NotificationInput in) {
        Scope scope = callers.current();
        Notification n = notifications.send(
                scope,
                new Notifications.Draft(
                        in.regionCode(),
                        in.kind(),
                        in.subject(),
                        in.location(),
                        in.startsAt(),
                        in.endsAt(),
                        in.parties(),
                        in.convoyId(),
                        in.evacuationId(),
                        in.sentAt()));
        return ResponseEntity.created(URI.create("/api/notifications/" + n.id()))
                .body(NotificationView.of(n));
    }

    @Operation(
            summary = "Record a party's acknowledgement",
            description =
                    "Records that a party acknowledged the notification, who for it, when and with what note. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A party the notification was not sent to, a missing name, or a time in the future or before sending is refused with 422; a party that acknowledged already with 409.")
    @PostMapping("/api/notifications/{id}/acknowledgements")
    GeoJsonFeature<NotificationView> acknowledge(@PathVariable long id, @Valid @RequestBody AcknowledgementInput in) {
        return NotificationView.of(
                notifications.acknowledge(callers.current(), id, in.party(), in.by(), in.note(), in.at()));
    }
}
