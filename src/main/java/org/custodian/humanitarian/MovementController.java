package org.custodian.humanitarian;

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

    @GetMapping("/api/evacuations/{id}")
    GeoJsonFeature<EvacuationView> evacuation(@PathVariable long id) {
        Evacuation e = evacuations.evacuation(callers.current(), id);
        return evacuation(e, evacuations.standing(List.of(e)).get(e.id()), true);
    }

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

    @PostMapping("/api/evacuations/{id}/reports")
    ResponseEntity<List<ReportedFigures.Figure>> report(@PathVariable long id, @Valid @RequestBody ReportInput in) {
        return ResponseEntity.status(201).body(evacuations.report(callers.current(), id, in.report()));
    }

    /** Accepts the report the figure belongs to, every figure of it. */
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

    @GetMapping("/api/convoys/{id}")
    GeoJsonFeature<ConvoyView> convoy(@PathVariable long id) {
        return convoy(convoys.convoy(callers.current(), id));
    }

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

    @PostMapping("/api/convoys/{id}/status")
    GeoJsonFeature<ConvoyView> changeConvoyStatus(
            @PathVariable long id, @Valid @RequestBody PlaceController.StatusInput in) {
        Convoy.Status to = Codes.of("status", Convoy.Status.class, in.status());
        return convoy(convoys.changeStatus(callers.current(), id, to, in.reason(), in.at()));
    }

    @PostMapping("/api/convoys/{id}/manifest")
    GeoJsonFeature<ConvoyView> load(@PathVariable long id, @Valid @RequestBody LineInput in) {
        return convoy(convoys.load(callers.current(), id, in.line()));
    }

    /** Removes a manifest line by its position, from 0. */
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

    @GetMapping(
            path = "/api/notifications",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> notifications() {
        return PlaceController.collection(notifications.notifications(callers.current()).stream()
                .map(NotificationView::of)
                .toList());
    }

    @GetMapping("/api/notifications/{id}")
    GeoJsonFeature<NotificationView> notification(@PathVariable long id) {
        return NotificationView.of(notifications.notification(callers.current(), id));
    }

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

    @PostMapping("/api/notifications/{id}/acknowledgements")
    GeoJsonFeature<NotificationView> acknowledge(@PathVariable long id, @Valid @RequestBody AcknowledgementInput in) {
        return NotificationView.of(
                notifications.acknowledge(callers.current(), id, in.party(), in.by(), in.note(), in.at()));
    }
}
