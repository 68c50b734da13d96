package org.custodian.alerts;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records issued alerts as expired once their expiry passes. Reads do not wait for it: an issued alert past
 * its expiry already reads as expired. Safe on several nodes: each alert's version guards its change.
 */
@Component
class AlertExpiry {

    private final Alerts alerts;

    AlertExpiry(Alerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(
            fixedDelayString = "${custodian.alerts.expiry-interval:PT1M}",
            initialDelayString = "${custodian.alerts.expiry-interval:PT1M}")
    @SchedulerLock(name = "alerts-expiry")
    public void expire() {
        try {
            alerts.expireDue(Instant.now());
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException raced) {
            // Another node or a request changed one of them meanwhile; the next run takes it up.
        }
    }
}
