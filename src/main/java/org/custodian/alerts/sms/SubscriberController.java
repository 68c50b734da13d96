package org.custodian.alerts.sms;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.Callers;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of SMS subscribers through the API. */
@RestController
class SubscriberController {

    private final Subscribers subscribers;
    private final Callers callers;

    SubscriberController(Subscribers subscribers, Callers callers) {
        this.subscribers = subscribers;
        this.callers = callers;
    }

    record SubscriberInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 32) String phone,
            @NotBlank String language,
            @Nullable Long settlementId,
            @Nullable Point location,
            @Nullable Instant consentAt,
            @NotBlank String consentChannel) {}

    /**
     * @param phone the number in E.164 for those who keep the register, masked for anyone else
     * @param phoneMasked whether {@code phone} is masked
     */
    record SubscriberView(
            long id,
            String regionCode,
            String phone,
            boolean phoneMasked,
            String language,
            @Nullable Long settlementId,
            @Nullable Point location,
            Instant consentAt,
            Subscriber.Channel consentChannel,
            Subscriber.Status status,
            @Nullable Instant optedOutAt,
            Subscriber.@Nullable Channel optedOutVia,
            long version) {

        static SubscriberView of(Subscribers.Shown shown) {
            Subscriber s = shown.subscriber();
            return new SubscriberView(
                    s.id(),
                    s.regionCode(),
                    shown.phone(),
                    !shown.full(),
                    s.language(),
                    s.settlementId(),
                    shown.full() ? s.location() : null,
                    s.consentAt(),
                    s.consentChannel(),
                    s.status(),
                    s.optedOutAt(),
                    s.optedOutVia(),
                    s.version());
        }
    }

    @Operation(
            summary = "Register an SMS subscriber",
            description =
                    "Registers a person to be warned by SMS: region, phone number (E.164, or an Azerbaijani number without +), language (az, hy, ru, en), home settlement or point in the region, and consent (date, channel FORM, SMS, PHONE or IN_PERSON); answers 201 with the number in full. The number is stored encrypted. Alert officers of the region and administrators may call it; anyone else is refused with 403. An invalid or already registered number, an unknown language or channel, consent dated in the future, no home, or a home outside the region is refused with 422 naming the field.")
    @PostMapping("/api/subscribers")
    ResponseEntity<SubscriberView> subscribe(@Valid @RequestBody SubscriberInput in) {
        Subscribers.Shown s = subscribers.subscribe(
                callers.current(),
                new Subscribers.Draft(
                        in.regionCode(),
                        in.phone(),
                        in.language(),
                        in.settlementId(),
                        in.location(),
                        in.consentAt(),
                        in.consentChannel()));
        return ResponseEntity.created(
                        URI.create("/api/subscribers/" + s.subscriber().id()))
                .body(SubscriberView.of(s));
    }

    @Operation(
            summary = "List SMS subscribers",
            description =
                    "Subscribers of the caller's regions, newest first, 200 a page (page from 0), optionally of one region. Anyone signed in may call it; alert officers and administrators see numbers and home points in full, and each number shown is recorded in the audit trail; anyone else sees masked numbers and no points. Subscribers erased are not listed.")
    @GetMapping("/api/subscribers")
    List<SubscriberView> list(
            @RequestParam(required = false) @Nullable String regionCode, @RequestParam(defaultValue = "0") int page) {
        return subscribers.list(callers.current(), regionCode, page).stream()
                .map(SubscriberView::of)
                .toList();
    }

    @Operation(
            summary = "Read an SMS subscriber",
            description =
                    "One subscriber. Anyone signed in may call it for a subscriber of their regions (404 elsewhere); alert officers and administrators see the number in full, and the read is recorded in the audit trail; anyone else sees it masked.")
    @GetMapping("/api/subscribers/{id}")
    SubscriberView read(@PathVariable long id) {
        return SubscriberView.of(subscribers.read(callers.current(), id));
    }

    @Operation(
            summary = "Opt a subscriber out",
            description =
                    "Stops all SMS to the subscriber, keeping the record with the date and channel of the opt-out; messages still waiting for them are not sent. Alert officers of the region and administrators may call it; anyone else is refused with 403 (404 outside their regions). Subscribers also opt out by replying STOP, DAYAN, СТОП or ԿԱՆԳ by SMS.")
    @PostMapping("/api/subscribers/{id}/opt-out")
    SubscriberView optOut(@PathVariable long id) {
        return SubscriberView.of(subscribers.optOut(callers.current(), id));
    }

    @Operation(
            summary = "Erase a subscriber",
            description =
                    "Removes the subscriber's number and home for good; what was sent to them stays counted. Alert officers of the region and administrators may call it; anyone else is refused with 403 (404 outside their regions). Answers 204.")
    @DeleteMapping("/api/subscribers/{id}")
    ResponseEntity<Void> erase(@PathVariable long id) {
        subscribers.erase(callers.current(), id);
        return ResponseEntity.noContent().build();
    }
}
