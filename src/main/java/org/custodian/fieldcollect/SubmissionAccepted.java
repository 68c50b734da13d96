package org.custodian.fieldcollect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A field submission that a reviewer accepted: what the owning module needs to make its record, and the
 * source (in {@link org.custodian.platform.Sources}, carrying the submission's photo) that the record cites.
 * Published once per acceptance, inside its transaction: listeners ({@code @EventListener}) make their record
 * there, and a refusal they throw ({@link org.custodian.platform.RuleViolated} naming the form's field)
 * refuses the acceptance, so the reviewer corrects the answer and accepts again; nothing is accepted without
 * its record.
 *
 * @param submissionId the submission's id in this module ({@code /api/submissions/{id}})
 * @param formId the form's id, one of {@link #ORDNANCE_FIND}, {@link #INCIDENT_REPORT}, {@link
 *     #FACILITY_INSPECTION}, {@link #OUTREACH_VISIT}
 * @param formVersion the version of the form the device filled
 * @param instanceId the submission's {@code meta/instanceID} ({@code uuid:...})
 * @param regionCode the region whose boundary holds the submission's location
 * @param longitude the location's longitude, WGS 84 degrees
 * @param latitude the location's latitude, WGS 84 degrees
 * @param values each answer by its field name (a path such as {@code group/field} inside groups), as the
 *     reviewer left it (corrections applied); dates are ISO 8601, numbers plain, several choices separated by
 *     spaces, the photo its file name; {@code meta} fields are not included
 * @param attachments the files that came with it, each with the path that serves it
 * @param submittedBy the account that sent it (through its password or one of its device keys)
 * @param reviewedBy the reviewer who accepted it
 * @param receivedAt when the server received it
 * @param acceptedAt when it was accepted
 * @param sourceId the source registered for the submission, for the record to cite
 */
public record SubmissionAccepted(
        long submissionId,
        String formId,
        String formVersion,
        String instanceId,
        String regionCode,
        double longitude,
        double latitude,
        Map<String, String> values,
        List<Attachment> attachments,
        String submittedBy,
        String reviewedBy,
        Instant receivedAt,
        Instant acceptedAt,
        long sourceId) {

    public static final String ORDNANCE_FIND = "ordnance-find";
    public static final String INCIDENT_REPORT = "incident-report";
    public static final String FACILITY_INSPECTION = "facility-inspection";
    public static final String OUTREACH_VISIT = "outreach-visit";

    public SubmissionAccepted {
        values = Map.copyOf(values);
        attachments = List.copyOf(attachments);
    }

    /** An answer, or null when the field was left empty or is not in the form. */
    public @Nullable String value(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v;
    }

    /** A file sent with the submission. */
    public record Attachment(String name, String contentType, long size, String url) {}
}
