package org.custodian.alerts.sms;

import io.swagger.v3.oas.annotations.Operation;
import org.custodian.platform.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Delivery of an alert's SMS: totals by status and progress. */
@RestController
class DeliveryController {

    private final Deliveries deliveries;
    private final Callers callers;

    DeliveryController(Deliveries deliveries, Callers callers) {
        this.deliveries = deliveries;
        this.callers = callers;
    }

    @Operation(
            summary = "Delivery of an alert's SMS",
            description =
                    "For each message of the alert (Alert, Update, Cancel) and in total: recipients, counts by status (QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED, EXPIRED, UNCONFIRMED, OPTED_OUT) and progress, with whether an SMSC is configured and connected (without one, messages wait). Anyone signed in whose regions include one of the alert's regions may call it; for anyone else, and for an alert with no SMS, it answers 404.")
    @GetMapping("/api/alerts/{id}/deliveries")
    Deliveries.Report deliveries(@PathVariable long id) {
        return deliveries.report(callers.current(), id);
    }
}
