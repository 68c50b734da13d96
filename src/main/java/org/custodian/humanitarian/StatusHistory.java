package org.custodian.humanitarian;

import java.time.Instant;
import java.util.List;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;

/** The rules every status history here keeps: a reason, no change dated in the future or before the last. */
final class StatusHistory {

    private StatusHistory() {}

    static void append(
            List<StatusChange> history,
            String from,
            String to,
            String reason,
            String by,
            Instant at,
            Refusals already,
            boolean started) {
        if (reason.isBlank()) {
            throw new RuleViolated("reason", CommonRefusals.SAY_WHY_STATUS_CHANGES);
        }
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("at", Refusals.STATUS_CHANGE_CANNOT_DATED_FUTURE);
        }
        if (!history.isEmpty() && at.isBefore(history.get(history.size() - 1).at())) {
            throw new RuleViolated(
                    "at",
                    Refusals.STATUS_CHANGE_CANNOT_DATED_BEFORE,
                    history.get(history.size() - 1).at());
        }
        if (started && from.equals(to)) {
            throw new ConflictWithState(already, said(to));
        }
        history.add(new StatusChange(at, to, reason.strip(), by));
    }

    /** A status of a convoy or a corridor as a refusal names it, in the words of the page's language. */
    static Reason said(String status) {
        return Reason.of(
                switch (status) {
                    case "PLANNED" -> Refusals.STATUS_PLANNED;
                    case "WAITING" -> Refusals.STATUS_WAITING;
                    case "REFUSED" -> Refusals.STATUS_REFUSED;
                    case "EN_ROUTE" -> Refusals.STATUS_EN_ROUTE;
                    case "DELIVERED" -> Refusals.STATUS_DELIVERED;
                    case "BLOCKED" -> Refusals.STATUS_BLOCKED;
                    case "OPEN" -> Refusals.STATUS_OPEN;
                    case "CLOSED" -> Refusals.STATUS_CLOSED;
                    default -> throw new IllegalArgumentException("no status " + status);
                });
    }
}
