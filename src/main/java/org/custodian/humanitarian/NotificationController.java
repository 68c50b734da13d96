package org.custodian.humanitarian;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Humanitarian notifications through the API: movements and static sites made known to the parties, and their acknowledgements. */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final Callers callers;

    NotificationController(Notifications notifications, Callers callers) {
        this.notifications = notifications;
        this.callers = callers;
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
