package org.custodian.alerts;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Alerts through the API: compose, update, cancel, the second person's approval, loudspeakers, leaflets. */
@RestController
class AlertController {

    private final Alerts alerts;
    private final Loudspeakers loudspeakers;
    private final Leaflet leaflet;
    private final Callers callers;

    AlertController(Alerts alerts, Loudspeakers loudspeakers, Leaflet leaflet, Callers callers) {
        this.alerts = alerts;
        this.loudspeakers = loudspeakers;
        this.leaflet = leaflet;
        this.callers = callers;
    }

    /** Places an area is taken from, each widened by the alert's buffer. */
    record AreaFrom(
            @Nullable List<String> regions,
            @Nullable List<Long> settlements,
            @Nullable List<Long> hazardAreas) {}

    record AlertInput(
            @NotBlank String regionCode,
            @NotNull List<AlertInfo> infos,
            @Nullable Geometry area,
            @Nullable AreaFrom areaFrom,
            @Nullable Double bufferMetres,
            @Nullable String areaDescription,
            @NotNull Instant effective,
            @NotNull Instant expires,
            @Nullable Boolean submit) {

        Alerts.Draft draft() {
            AreaFrom from = areaFrom == null ? new AreaFrom(null, null, null) : areaFrom;
            return new Alerts.Draft(
                    regionCode,
                    infos,
                    area,
                    from.regions() == null ? List.of() : from.regions(),
                    from.settlements() == null ? List.of() : from.settlements(),
                    from.hazardAreas() == null ? List.of() : from.hazardAreas(),
                    bufferMetres == null ? 0 : bufferMetres,
                    areaDescription,
                    effective,
                    expires,
                    submit == null || submit);
        }
    }

    record ReasonInput(@NotBlank String reason) {}

    record AssignmentInput(@NotBlank String teams, @NotNull Instant scheduledAt) {}

    record DoneInput(@Nullable String note) {}

    record AlertView(
            String identifier,
            String regionCode,
            String messageType,
            @Nullable String references,
            Alert.Status status,
            String areaDescription,
            Geometry drawnArea,
            int areaPoints,
            double drawnSquareMetres,
            double addedSquareMetres,
            Instant effective,
            Instant expires,
            String composedBy,
            Instant composedAt,
            @Nullable String approvedBy,
            @Nullable Instant sentAt,
            List<AlertInfo> infos,
            List<StatusChange> history,
            Map<String, String> smsText,
            Map<String, String> links) {}

    GeoJsonFeature<AlertView> view(Alert a) {
        Alert earlier = alerts.referenced(a);
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("self", "/api/alerts/" + a.id());
        links.put("leaflet", "/api/alerts/" + a.id() + "/leaflet.pdf");
        links.put("loudspeakers", "/api/alerts/" + a.id() + "/loudspeakers");
        if (a.status().released()) {
            links.put("cap", "/cap/alerts/" + a.identifier() + ".xml");
        }
        return GeoJsonFeature.of(
                a.id(),
                a.area(),
                new AlertView(
                        a.identifier(),
                        a.regionCode(),
                        a.messageType(),
                        earlier == null ? null : earlier.identifier(),
                        a.status(),
                        a.areaDescription(),
                        a.drawnArea(),
                        a.area().getNumPoints(),
                        a.drawnSquareMetres(),
                        a.addedSquareMetres(),
                        a.effective(),
                        a.expires(),
                        a.composedBy(),
                        a.composedAt(),
                        a.approvedBy(),
                        a.sentAt(),
                        a.infos(),
                        a.history(),
                        a.smsText(),
                        links));
    }

    @Operation(
            summary = "List alerts",
            description =
                    "Alerts to civilians (first alerts, updates and cancellations) as a GeoJSON FeatureCollection located at their published area, newest first, with their status: DRAFT, AWAITING_APPROVAL, ISSUED, UPDATED, CANCELLED or EXPIRED. Anyone signed in may call it; it answers only the alerts of the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/alerts",
            produces = {"application/geo+json", "application/json"})
    GeoJsonFeatureCollection<AlertView> list() {
        return new GeoJsonFeatureCollection<>(
                "FeatureCollection",
                alerts.alerts(callers.current()).stream().map(this::view).toList());
    }

    @Operation(
            summary = "Read an alert",
            description =
                    "One alert with its infos (one per language), its area as published (at most 100 points) and as drawn, the area simplifying added (m²), its status history and its SMS text per language. Anyone signed in may call it for an alert of their regions; an alert elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/alerts/{id}")
    GeoJsonFeature<AlertView> read(@PathVariable long id) {
        return view(alerts.alert(callers.current(), id));
    }

    @Operation(
            summary = "Compose an alert",
            description =
                    "Composes a CAP 1.2 alert: the region, one info per language (az, hy, ru, en: category, event, urgency, severity, certainty, responseType, headline, description, instruction, in CAP's words), the area drawn (a GeoJSON Polygon or MultiPolygon, at most 10,000 vertices) or taken from regions, settlements and hazard areas (areaFrom) widened by bufferMetres (0 to 50,000; settlements need one), effective and expires. The area is simplified to at most 100 points that still cover it. With submit (the default) it awaits a second person's approval, else it stays a draft; answers 201. Administrators, and directors and alert officers of the region, may call it (403 for others). An unknown language, category or other code (the allowed values are listed), a second info in one language, an expiry not after the effective time, an invalid, oversized (over 20,000 km²) or out-of-region area, and an unknown region, settlement or hazard area are refused with 422 naming the field; nothing is written.")
    @PostMapping("/api/alerts")
    ResponseEntity<GeoJsonFeature<AlertView>> compose(@Valid @RequestBody AlertInput in) {
        Alert a = alerts.compose(callers.current(), in.draft());
        return ResponseEntity.created(URI.create("/api/alerts/" + a.id())).body(view(a));
    }

    @Operation(
            summary = "Compose an update of an issued alert",
            description =
                    "Composes a CAP Update of the issued alert {id}, with the same body as composing; it references the earlier message (sender, identifier, sent) and, once a second person approves it, the earlier one becomes UPDATED. Answers 201. Administrators, and directors and alert officers of the alert's region, may call it (403 for others); an alert outside the caller's regions or unknown answers 404; one that is not issued (draft, awaiting approval, already updated, cancelled or expired) 409; bad content 422 as when composing.")
    @PostMapping("/api/alerts/{id}/updates")
    ResponseEntity<GeoJsonFeature<AlertView>> update(@PathVariable long id, @Valid @RequestBody AlertInput in) {
        Alert a = alerts.update(callers.current(), id, in.draft());
        return ResponseEntity.created(URI.create("/api/alerts/" + a.id())).body(view(a));
    }

    @Operation(
            summary = "Compose the cancellation of an issued alert",
            description =
                    "Composes a CAP Cancel of the issued alert {id}, referencing it, with its text marked cancelled in every language, and sends it for approval; once a second person approves it, the earlier alert becomes CANCELLED. Answers 201. Administrators, and directors and alert officers of the alert's region, may call it (403 for others); an unknown alert, or one outside the caller's regions, answers 404 and one that is not issued 409; nothing is written then.")
    @PostMapping("/api/alerts/{id}/cancellation")
    ResponseEntity<GeoJsonFeature<AlertView>> cancel(@PathVariable long id) {
        Alert a = alerts.cancel(callers.current(), id, null);
        return ResponseEntity.created(URI.create("/api/alerts/" + a.id())).body(view(a));
    }

    @Operation(
            summary = "Send a draft for approval",
            description =
                    "Moves a draft alert to AWAITING_APPROVAL. Administrators, and directors and alert officers of the alert's region, may call it (403 for others; 404 outside the caller's regions); an alert that is not a draft answers 409.")
    @PostMapping("/api/alerts/{id}/submission")
    GeoJsonFeature<AlertView> submit(@PathVariable long id) {
        return view(alerts.submit(callers.current(), id));
    }

    @Operation(
            summary = "Return an alert to its composer",
            description =
                    "Returns an alert awaiting approval to DRAFT with the reason (1 to 1000 characters). Administrators, and directors and alert officers of the alert's region, may call it (403 for others; 404 outside the caller's regions); an alert that does not await approval answers 409, a missing reason 422.")
    @PostMapping("/api/alerts/{id}/return")
    GeoJsonFeature<AlertView> returnToDraft(@PathVariable long id, @Valid @RequestBody ReasonInput in) {
        return view(alerts.returnToDraft(callers.current(), id, in.reason()));
    }

    @Operation(
            summary = "Approve and issue an alert",
            description =
                    "The second person's approval: the alert awaiting approval is ISSUED (the approval is recorded in its history and the audit trail), published as CAP and in the Atom feed, its loudspeaker announcements are planned per settlement in its area, and the SMS dispatch follows. An update or cancellation marks the earlier alert UPDATED or CANCELLED. Administrators, and directors and alert officers of the alert's region, may call it, but never the person who composed the alert: that is refused with 403, as are other roles; an alert outside the caller's regions answers 404; one not awaiting approval, expired already, or whose earlier alert is no longer issued answers 409. Nothing is written when refused.")
    @PostMapping("/api/alerts/{id}/approval")
    GeoJsonFeature<AlertView> approve(@PathVariable long id) {
        return view(alerts.approve(callers.current(), id, null));
    }

    record TaskView(
            long id,
            long settlementId,
            String settlementName,
            String regionCode,
            String script,
            @Nullable String teams,
            @Nullable Instant scheduledAt,
            boolean done,
            @Nullable Instant doneAt,
            @Nullable String doneBy,
            @Nullable String note) {

        static TaskView of(LoudspeakerTask t) {
            return new TaskView(
                    t.id(),
                    t.settlementId(),
                    t.settlementName(),
                    t.regionCode(),
                    t.script(),
                    t.teams(),
                    t.scheduledAt(),
                    t.done(),
                    t.doneAt(),
                    t.doneBy(),
                    t.note());
        }
    }

    @Operation(
            summary = "List an alert's loudspeaker announcements",
            description =
                    "The announcements planned when the alert was issued, one per settlement in its area: the script in the local languages, the teams or vehicles, the time and whether it is done. Anyone signed in may call it for an alert of their regions (404 otherwise).")
    @GetMapping("/api/alerts/{id}/loudspeakers")
    List<TaskView> tasks(@PathVariable long id) {
        return loudspeakers.tasks(callers.current(), id).stream()
                .map(TaskView::of)
                .toList();
    }

    @Operation(
            summary = "Assign a loudspeaker announcement",
            description =
                    "Assigns the teams or vehicles (1 to 500 characters) and the time of an announcement. Administrators, and directors and alert officers of the settlement's region, may call it (403 for others; 404 outside the caller's regions); a time after the alert expires is refused with 422, an announcement done already with 409.")
    @PutMapping("/api/alerts/{id}/loudspeakers/{task}")
    TaskView assign(@PathVariable long id, @PathVariable long task, @Valid @RequestBody AssignmentInput in) {
        Scope scope = callers.current();
        return TaskView.of(loudspeakers.assign(scope, id, task, in.teams(), in.scheduledAt()));
    }

    @Operation(
            summary = "Report a loudspeaker announcement done",
            description =
                    "A field team reports the announcement made, with an optional note (at most 1000 characters). Field teams, directors and alert officers of the settlement's region, and administrators, may call it (403 for others; 404 outside the caller's regions); an announcement done already answers 409.")
    @PostMapping("/api/alerts/{id}/loudspeakers/{task}/done")
    TaskView done(
            @PathVariable long id, @PathVariable long task, @RequestBody(required = false) @Nullable DoneInput in) {
        return TaskView.of(loudspeakers.done(callers.current(), id, task, in == null ? null : in.note()));
    }

    @Operation(
            summary = "Print an alert's leaflet",
            description =
                    "An A4 PDF leaflet of the alert: a map of its area drawn as vectors (the region's outline, the area as drawn and as published) and its text in every language it is written in, with embedded DejaVu fonts that print Azerbaijani, Armenian and Russian. Anyone signed in may call it for an alert of their regions (404 otherwise).")
    @GetMapping(path = "/api/alerts/{id}/leaflet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> leaflet(@PathVariable long id) {
        Alert a = alerts.alert(callers.current(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + a.identifier() + ".pdf\"")
                .body(leaflet.pdf(a));
    }
}
