package org.custodian.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.custodian.platform.ConflictWithState;
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
            String what,
            boolean started) {
        if (reason.isBlank()) {
            throw new RuleViolated("reason", "say why the status changes");
        }
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("at", "a status change cannot be dated in the future");
        }
        if (!history.isEmpty() && at.isBefore(history.get(history.size() - 1).at())) {
            throw new RuleViolated(
                    "at",
                    "a status change cannot be dated before the last one, "
                            + history.get(history.size() - 1).at());
        }
        if (started && from.equals(to)) {
            throw new ConflictWithState("the " + what + " is " + words(to) + " already");
        }
        history.add(new StatusChange(at, to, reason.strip(), by));
    }

    static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
