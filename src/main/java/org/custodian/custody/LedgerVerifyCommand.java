package org.custodian.custody;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The command-line verifier: {@code java -jar custodian.jar verify-custody-ledger} recomputes the chain
 * against the configured database, prints the outcome and exits 0 when intact, 3 when broken.
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
        if (v.intact()) {
            System.out.printf(
                    "custody ledger intact: %d events verified in %.3f s (%.0f events/s); head %s%n",
                    v.events(), seconds, v.events() / Math.max(seconds, 1e-9), v.headHash());
        } else {
            System.out.printf(
                    "custody ledger BROKEN at event %d: %s (%d events held before it)%n",
                    v.firstBrokenEvent(), v.reason(), v.events());
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
