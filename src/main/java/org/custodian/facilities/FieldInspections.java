package org.custodian.facilities;

import java.time.LocalDate;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An accepted field submission of the facility-inspection form becomes an inspection of the facility it
 * names (by the number on the facility's page), citing the submission as its source, and changes the
 * facility's status when the condition found differs; once per submission. A submission naming a facility
 * that does not exist or lies in another region than where it was sent from is left out, with a warning.
 */
@Component
class FieldInspections {

    private static final Logger log = LoggerFactory.getLogger(FieldInspections.class);

    private final Facilities facilities;

    FieldInspections(Facilities facilities) {
        this.facilities = facilities;
    }

    @ApplicationModuleListener
    void on(SubmissionAccepted submission) {
        if (!SubmissionAccepted.FACILITY_INSPECTION.equals(submission.formId())) {
            return;
        }
        Scope scope = Scope.system("field collection, reviewed by " + submission.reviewedBy());
        long facilityId = Long.parseLong(submission.values().getOrDefault("facility_id", "0"));
        Facility facility;
        try {
            facility = facilities.facility(scope, facilityId);
        } catch (RecordNotFound e) {
            log.warn(
                    "Field submission {} names facility {}, which does not exist",
                    submission.submissionId(),
                    facilityId);
            return;
        }
        if (!facility.regionCode().equals(submission.regionCode())) {
            log.warn(
                    "Field submission {} from region {} names facility {} of region {}; not recorded",
                    submission.submissionId(),
                    submission.regionCode(),
                    facilityId,
                    facility.regionCode());
            return;
        }
        if (facility.inspections().stream()
                .anyMatch(i -> Long.valueOf(submission.sourceId()).equals(i.sourceId()))) {
            return;
        }
        String findings = submission.values().getOrDefault("findings", "");
        facilities.inspect(
                scope,
                facilityId,
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
