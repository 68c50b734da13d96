package org.custodian.custody;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The command-line verifier: {@code java -jar custodian.jar verify-custody-ledger} recomputes the chain
 * against the configured database, checks it against the last signed checkpoint in the configured
 * checkpoints directory, replays it against the register, prints the outcome and exits 0 when all holds, 3
 * when anything does not (each register difference on its own line).
 */
@Component
@ConditionalOnBooleanProperty("custodian.custody.verify-ledger")
class LedgerVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final CustodyLedger ledger;
    private int exitCode;

    LedgerVerifyCommand(CustodyLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        CustodyLedger.Verification v = ledger.verify();
        double seconds = v.took().toNanos() / 1e9;
        String checkpoint = v.checkpoint() == null
                ? "no checkpoint yet"
                : v.checkpoint().label() + " (" + v.checkpoint().length() + " events)";
        if (v.intact()) {
            System.out.printf(
                    "custody ledger intact: %d events verified in %.3f s (%.0f events/s); head %s; %s holds;"
                            + " the register matches the ledger%n",
                    v.events(), seconds, v.events() / Math.max(seconds, 1e-9), v.headHash(), checkpoint);
        } else if (v.firstBrokenEvent() != null) {
            System.out.printf(
                    "custody ledger BROKEN at event %d: %s (%d events held before it)%n",
                    v.firstBrokenEvent(), v.reason(), v.events());
            exitCode = 3;
        } else {
            System.out.printf("custody ledger NOT INTACT: %s%n", v.reason());
            exitCode = 3;
        }
        for (CustodyLedger.Difference d : v.differences()) {
            System.out.printf("register differs: %s%n", d.describe());
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
