package org.custodian.platform.nodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Domain events whose listeners did not complete (a node stopped mid-way, or a listener failed) are handed to
 * their listeners again, by one node at a time and only once they are older than {@code
 * custodian.events.resubmit-after}: a publication still being processed on another node is left to it.
 */
@Component
class UnfinishedEvents {

    private final IncompleteEventPublications incomplete;
    private final Duration after;
    private final Clock clock = Clock.systemUTC();

    UnfinishedEvents(
            IncompleteEventPublications incomplete, @Value("${custodian.events.resubmit-after}") Duration after) {
        this.incomplete = incomplete;
        this.after = after;
    }

    @Scheduled(
            initialDelayString = "${custodian.events.resubmit-interval}",
            fixedDelayString = "${custodian.events.resubmit-interval}")
    @SchedulerLock(name = "resubmit-unfinished-events")
    public void resubmit() {
        Instant before = clock.instant().minus(after);
        incomplete.resubmitIncompletePublications(p -> isStale(p, before));
    }

    /** Published, failed or resubmitted before that moment, and not completed since. */
    static boolean isStale(EventPublication publication, Instant before) {
        if (publication.isCompleted()) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate();
        Instant since = last == null ? publication.getPublicationDate() : last;
        return since.isBefore(before);
    }
}
