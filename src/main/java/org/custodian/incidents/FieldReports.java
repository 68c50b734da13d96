package org.custodian.incidents;

import java.time.OffsetDateTime;
import java.util.Set;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An accepted field submission of the incident-report form becomes a reported incident, citing the
 * submission as its source, in the incidents' review queue to be verified like any other report; once per
 * submission. It runs inside the acceptance, so an answer the incident refuses is refused to the reviewer.
 */
@Component
class FieldReports {

    private final Incidents incidents;
    private final IncidentRecords records;

    FieldReports(Incidents incidents, IncidentRecords records) {
        this.incidents = incidents;
        this.records = records;
    }

    @EventListener
    void on(SubmissionAccepted submission) {
        if (!SubmissionAccepted.INCIDENT_REPORT.equals(submission.formId())
                || records.existsByFieldSubmissionId(submission.submissionId())) {
            return;
        }
        int killed = count(submission.value("killed"));
        int injured = count(submission.value("injured"));
        String description = submission.values().getOrDefault("description", "");
        Incident incident = incidents.record(
                Scope.system("field collection, reviewed by " + submission.reviewedBy()),
                new Incidents.IncidentDraft(
                        submission.regionCode(),
                        type(submission.value("type")),
                        null,
                        OffsetDateTime.parse(submission.values().get("occurred_at"))
                                .toInstant(),
                        Incident.TimePrecision.EXACT,
                        Wgs84.point(submission.longitude(), submission.latitude()),
                        Incident.GeoPrecision.EXACT,
                        null,
                        null,
                        description.length() > 4000 ? description.substring(0, 4000) : description,
                        new Casualties(killed, 0, 0, 0, 0, injured, 0, 0, 0, 0),
                        false,
                        null,
                        Set.of(submission.sourceId())));
        incident.linkFieldSubmission(submission.submissionId());
    }

    private static IncidentType type(@Nullable String value) {
        for (IncidentType t : IncidentType.values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        return IncidentType.OTHER;
    }

    private static int count(@Nullable String value) {
        return value == null ? 0 : Math.max(0, Integer.parseInt(value));
    }
}
