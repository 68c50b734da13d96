package org.custodian.mineaction;

import java.time.LocalDate;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An accepted field submission of the ordnance-find form becomes a find awaiting disposal, citing the
 * submission as its source; once per submission. It runs inside the acceptance, so an answer the find
 * refuses is refused to the reviewer and nothing is accepted without its find.
 */
@Component
class FieldFinds {

    private final MineAction mineAction;
    private final OrdnanceFinds finds;

    FieldFinds(MineAction mineAction, OrdnanceFinds finds) {
        this.mineAction = mineAction;
        this.finds = finds;
    }

    @EventListener
    void on(SubmissionAccepted submission) {
        if (!SubmissionAccepted.ORDNANCE_FIND.equals(submission.formId())
                || finds.existsByFieldSubmissionId(submission.submissionId())) {
            return;
        }
        String description = text(submission.value("description"));
        OrdnanceFind find = mineAction.recordFind(
                Scope.system("field collection, reviewed by " + submission.reviewedBy()),
                new MineAction.FindDraft(
                        submission.regionCode(),
                        Wgs84.point(submission.longitude(), submission.latitude()),
                        category(submission.value("category")),
                        description,
                        Integer.parseInt(submission.values().getOrDefault("quantity", "1")),
                        LocalDate.parse(submission.values().get("found_on"))));
        find.reportedFromField(submission.submissionId(), submission.sourceId());
    }

    private static Contamination category(@Nullable String value) {
        for (Contamination c : Contamination.values()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        return Contamination.UNKNOWN;
    }

    private static String text(@Nullable String value) {
        String v = value == null ? "" : value;
        return v.length() > 500 ? v.substring(0, 500) : v;
    }
}
