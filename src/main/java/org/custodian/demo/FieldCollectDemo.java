package org.custodian.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.custodian.civil.Outreach;
import org.custodian.civil.OutreachTeam;
import org.custodian.facilities.Facilities;
import org.custodian.facilities.Facility;
import org.custodian.fieldcollect.IllustrativeSubmissions;
import org.custodian.fieldcollect.SubmissionAccepted;
import org.custodian.platform.Scope;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Illustrative field submissions waiting in Khojaly's review queue (the inspection in the region of the
 * facility it names), one of each form, so that the queue shows
 * what ODK Collect sends. Every one says in its text that it is illustrative, is sent by {@link
 * IllustrativeSubmissions#SENDER} and carries a generated photo; none is a real report.
 */
@Component
@Order(95)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class FieldCollectDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");
    private static final String REGION = "KHJ";

    private final IllustrativeSubmissions submissions;
    private final Territory territory;
    private final Facilities facilities;
    private final Outreach outreach;
    private final TransactionTemplate transaction;

    FieldCollectDemo(
            IllustrativeSubmissions submissions,
            Territory territory,
            Facilities facilities,
            Outreach outreach,
            TransactionTemplate transaction) {
        this.submissions = submissions;
        this.territory = territory;
        this.facilities = facilities;
        this.outreach = outreach;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().stream().noneMatch(r -> r.code().equals(REGION)) || submissions.anyReceived()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    private static String latLon(Point p) {
        return p.getY() + " " + p.getX();
    }

    void load() {
        List<Settlement> places = territory.settlements(LOADER, REGION);
        if (places.isEmpty()) {
            return;
        }
        Settlement village = places.stream()
                .filter(s -> !s.names().en().equals("Khojaly"))
                .min(Comparator.comparing(s -> s.names().en()))
                .orElse(places.get(0));
        String yesterday = LocalDate.now().minusDays(1).toString();
        String near = latLon(village.location());
        submissions.receive(
                SubmissionAccepted.ORDNANCE_FIND,
                Map.of(
                        "location", near,
                        "found_on", yesterday,
                        "category", "UXO",
                        "quantity", "1",
                        "description",
                                "Illustrative: an unexploded mortar round at the edge of a field, marked with stones"));
        submissions.receive(
                SubmissionAccepted.INCIDENT_REPORT,
                Map.of(
                        "location", near,
                        "occurred_at",
                                Instant.now()
                                        .minus(5, ChronoUnit.HOURS)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString(),
                        "type", "OTHER",
                        "killed", "0",
                        "injured", "0",
                        "description", "Illustrative: a power line down across the village road after a storm"));
        // Khojaly's facility if it has one, else the first whose point lies in its own region.
        facilities.facilities(LOADER, null, null).stream()
                .filter(f ->
                        territory.region(f.regionCode()).covers(f.geometry().getInteriorPoint()))
                .min(Comparator.comparing((Facility f) -> !f.regionCode().equals(REGION))
                        .thenComparing(Facility::id))
                .ifPresent(f -> submissions.receive(
                        SubmissionAccepted.FACILITY_INSPECTION,
                        Map.of(
                                "facility_id",
                                Long.toString(f.id()),
                                "location",
                                latLon(f.geometry().getInteriorPoint()),
                                "inspected_on",
                                yesterday,
                                "status",
                                f.status() == Facility.Status.OPERATIONAL ? "DAMAGED" : "OPERATIONAL",
                                "findings",
                                "Illustrative: windows broken on the north side, the roof intact")));
        outreach.teams(LOADER).stream()
                .filter(t -> t.regionCode().equals(REGION))
                .map(OutreachTeam::name)
                .findFirst()
                .ifPresent(team -> submissions.receive(
                        SubmissionAccepted.OUTREACH_VISIT,
                        Map.of(
                                "location",
                                near,
                                "visited_on",
                                yesterday,
                                "settlement",
                                village.names().en(),
                                "team",
                                team,
                                "services",
                                "medical food",
                                "people_served",
                                "14",
                                "notes",
                                "Illustrative: blood pressure checks and food parcels for elderly residents")));
    }
}
