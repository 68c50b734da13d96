package org.custodian.facilities;

import java.time.LocalDate;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An accepted field submission of the facility-inspection form becomes an inspection of the facility it
 * names (by the number on the facility's page), citing the submission as its source, and changes the
 * facility's status when the condition found differs; once per submission. It runs inside the acceptance:
 * a submission naming a facility that does not exist, or lies in another region than where it was made, is
 * refused to the reviewer, who corrects the number and accepts again.
 */
@Component
class FieldInspections {

    private final Facilities facilities;

    FieldInspections(Facilities facilities) {
        this.facilities = facilities;
    }

    @EventListener
    void on(SubmissionAccepted submission) {
        if (!SubmissionAccepted.FACILITY_INSPECTION.equals(submission.formId())) {
            return;
        }
        Scope scope = Scope.system("field collection, reviewed by " + submission.reviewedBy());
        String named = submission.values().getOrDefault("facility_id", "");
        Facility facility;
        try {
            facility = facilities.facility(scope, Long.parseLong(named));
        } catch (RecordNotFound | NumberFormatException e) {
            throw new RuleViolated("facility_id", Refusals.NO_FACILITY, named);
        }
        if (!facility.regionCode().equals(submission.regionCode())) {
            throw new RuleViolated(
                    "facility_id",
                    Refusals.FACILITY_IN_OTHER_REGION,
                    facility.id(),
                    facility.regionCode(),
                    submission.regionCode());
        }
        if (facility.inspections().stream()
                .anyMatch(i -> Long.valueOf(submission.sourceId()).equals(i.sourceId()))) {
            return;
        }
        String findings = submission.values().getOrDefault("findings", "");
        facilities.inspect(
                scope,
                facility.id(),
                new Inspection(
                        LocalDate.parse(submission.values().get("inspected_on")),
                        submission.submittedBy(),
                        findings.length() > 2000 ? findings.substring(0, 2000) : findings,
                        submission.sourceId()),
                status(submission.value("status")));
    }

    /** The condition found; "could not tell" (or anything else) leaves the facility's status as it is. */
    private static Facility.@org.jspecify.annotations.Nullable Status status(
            @org.jspecify.annotations.Nullable String value) {
        for (Facility.Status s : Facility.Status.values()) {
            if (s != Facility.Status.UNKNOWN && s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
