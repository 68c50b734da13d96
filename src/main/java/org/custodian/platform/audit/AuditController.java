package org.custodian.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for administrators: recent entries, filtered by record, and chain verification. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Operation(
            summary = "Search the audit trail",
            description =
                    "Audit entries, newest first, filtered by record type and id, user and period: who changed what, when, with the fields changed. Administrators only; anyone else is refused with 403.")
    @GetMapping
    List<AuditEntry> entries(
            @RequestParam(required = false) @Nullable String recordType,
            @RequestParam(required = false) @Nullable String recordId,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new org.custodian.platform.RuleViolated("limit", Refusals.LIMIT_BETWEEN_1_AND_1000);
        }
        return log.recent(recordType, recordId, limit);
    }

    @Operation(
            summary = "Verify the audit trail's chain",
            description =
                    "Recomputes the hash chain of the whole audit trail and names the first entry that does not match, if any. Administrators only; anyone else is refused with 403.")
    @GetMapping("/verify")
    AuditLog.Verification verify() {
        return log.verify();
    }
}
