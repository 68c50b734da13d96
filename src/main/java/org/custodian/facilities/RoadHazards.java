package org.custodian.facilities;

import java.time.ZoneOffset;
import org.custodian.mineaction.AccidentRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Flags roads near a mine accident as hazardous. Runs after the accident is committed, asynchronously; the
 * event publication registry keeps the event until this has succeeded. Two accidents on one road flag it
 * concurrently, so a lost optimistic-lock race is retried with fresh state.
 */
@Component
class RoadHazards {

    static final int ATTEMPTS = 3;

    private final Facilities facilities;
    private final double metres;

    RoadHazards(
            Facilities facilities, @Value("${custodian.facilities.road-hazard-distance-metres:500}") double metres) {
        this.facilities = facilities;
        this.metres = metres;
    }

    @Async
    @TransactionalEventListener
    void on(AccidentRecorded accident) {
        String reason = "Mine accident on "
                + accident.occurredAt().atZone(ZoneOffset.UTC).toLocalDate() + " (" + accident.killed() + " killed, "
                + accident.injured() + " injured)";
        for (int attempt = 1; ; attempt++) {
            try {
                facilities.flagRoadsNear(accident.location(), metres, reason, accident.occurredAt());
                return;
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
