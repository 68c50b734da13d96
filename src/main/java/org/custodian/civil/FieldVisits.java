package org.custodian.civil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Staff;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An accepted submission of the outreach-visit form becomes a visit, recorded in the reviewer's name and
 * scope and citing the submission (its instance ID). It runs inside the acceptance, so a team or village the
 * answers do not name is refused to the reviewer, who corrects the answer and accepts again; nothing is
 * accepted without its visit.
 *
 * <p>The form names the team and the village as typed on the phone: either the number shown on their pages
 * or the name (in any of the four languages, case ignored), within the submission's region. It has no
 * quantities, so each service ticked is recorded as delivered to the people served.
 */
@Component
class FieldVisits {

    private final Outreach outreach;
    private final VisitRecords visits;
    private final Territory territory;
    private final Staff staff;

    FieldVisits(Outreach outreach, VisitRecords visits, Territory territory, Staff staff) {
        this.outreach = outreach;
        this.visits = visits;
        this.territory = territory;
        this.staff = staff;
    }

    @EventListener
    void on(SubmissionAccepted submission) {
        if (!SubmissionAccepted.OUTREACH_VISIT.equals(submission.formId())
                || visits.existsBySubmission(submission.instanceId())) {
            return;
        }
        Scope reviewer = staff.scopeOf(submission.reviewedBy())
                .orElseThrow(() -> new RuleViolated("reviewedBy", Refusals.NO_ACCOUNT, submission.reviewedBy()));
        String region = submission.regionCode();
        String team = text(submission.value("team"));
        OutreachTeam chosenTeam = outreach.teams(reviewer).stream()
                .filter(t -> t.regionCode().equals(region))
                .filter(t -> team.equals(Long.toString(t.id())) || team.equalsIgnoreCase(t.name()))
                .findFirst()
                .orElseThrow(() -> new RuleViolated("team", Refusals.NO_OUTREACH_TEAM_IN_YOUR_REGIONS, team));
        String place = text(submission.value("settlement"));
        Settlement settlement = territory.settlements(reviewer, region).stream()
                .filter(s -> place.equals(Long.toString(s.id())) || named(s, place))
                .findFirst()
                .orElseThrow(() -> new RuleViolated("settlement", Refusals.NO_SETTLEMENT_IN_YOUR_REGIONS, place));
        int people = Integer.parseInt(submission.values().getOrDefault("people_served", "0"));
        List<Outreach.ServiceValues> services = new ArrayList<>();
        for (String code : text(submission.value("services")).split(" +")) {
            if (!code.isEmpty()) {
                services.add(new Outreach.ServiceValues(
                        code.toUpperCase(Locale.ROOT), BigDecimal.valueOf(people), "PEOPLE", null));
            }
        }
        String notes = text(submission.value("notes"));
        outreach.recordVisit(
                reviewer,
                new Outreach.VisitRecord(
                        chosenTeam.id(),
                        settlement.id(),
                        LocalDate.parse(submission.values().get("visited_on")),
                        people,
                        services,
                        notes.length() > 2000 ? notes.substring(0, 2000) : notes,
                        submission.instanceId()));
    }

    private static boolean named(Settlement s, String name) {
        var n = s.names();
        for (String candidate : new String[] {n.en(), n.az(), n.ru(), n.hy()}) {
            if (candidate != null && candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
