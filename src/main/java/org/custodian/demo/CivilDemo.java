package org.custodian.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.civil.Beneficiaries;
import org.custodian.civil.Meeting;
import org.custodian.civil.Member;
import org.custodian.civil.Outreach;
import org.custodian.civil.OutreachTeam;
import org.custodian.civil.Proposal;
import org.custodian.civil.TeamMember;
import org.custodian.civil.WorkingGroup;
import org.custodian.civil.WorkingGroups;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The civil part of the demo, from the scenario facts: the joint working group for civil activities that met
 * in Khojaly (S-JWG) with its four proposals, the thanks for food, fuel and electricity supplied and the
 * further meeting announced; the reintegration meeting in Yevlakh on 2023-09-21 (S-MFA, S-CAL). The action
 * item, the outreach team, its visits and the beneficiaries are illustrative and say so.
 */
@Component
@Order(90)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class CivilDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");
    private static final String REGION = "KHJ";

    private final WorkingGroups groups;
    private final Outreach outreach;
    private final Beneficiaries beneficiaries;
    private final Territory territory;
    private final Sources sources;
    private final TransactionTemplate transaction;

    CivilDemo(
            WorkingGroups groups,
            Outreach outreach,
            Beneficiaries beneficiaries,
            Territory territory,
            Sources sources,
            TransactionTemplate transaction) {
        this.groups = groups;
        this.outreach = outreach;
        this.beneficiaries = beneficiaries;
        this.territory = territory;
        this.sources = sources;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().stream().noneMatch(r -> r.code().equals(REGION))
                || !groups.groups(LOADER).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    private long source(String publisher, String title, LocalDate on, boolean approximate) {
        return sources.register(new Sources.NewSource(publisher, title, on, approximate, null, null))
                .id();
    }

    void load() {
        long jwg = source(
                "Anadolu Agency",
                "Officials and Armenian residents of Karabakh agree on joint working group",
                LocalDate.of(2023, 9, 25),
                true);
        long mfa = source(
                "Ministry of Foreign Affairs of Azerbaijan",
                "Briefing for the diplomatic corps on the situation in the region",
                LocalDate.of(2023, 9, 20),
                false);
        long cal = source(
                "Caliber.az",
                "Anti-terror measures; reintegration of Karabakh Armenians",
                LocalDate.of(2023, 9, 20),
                false);
        List<Settlement> places = territory.settlements(LOADER, REGION);
        Settlement khojaly = places.stream()
                .filter(s -> s.names().en().equals("Khojaly"))
                .findFirst()
                .orElse(places.get(0));

        WorkingGroup group = groups.form(
                LOADER,
                new WorkingGroups.GroupDraft(
                        REGION,
                        "Joint working group for civil activities",
                        "Social, humanitarian, economic and infrastructure questions of the Armenian residents of"
                                + " Karabakh: utilities, health and civil services, including in Khankendi (S-JWG)",
                        "Presidential envoy for contacts with Armenian residents (not named in the source)",
                        Set.of(
                                "social",
                                "humanitarian",
                                "economic",
                                "infrastructure",
                                "utilities",
                                "health",
                                "civil services"),
                        Set.of(jwg)));
        groups.join(
                LOADER,
                group.id(),
                new Member(
                        "Presidential envoy for contacts with Armenian residents and officials",
                        null,
                        "Government of Azerbaijan"));
        groups.join(
                LOADER,
                group.id(),
                new Member("Representatives of the Armenian residents of Karabakh", null, "Armenian residents"));

        Meeting yevlakh = groups.meet(
                LOADER,
                new WorkingGroups.MeetingDraft(
                        group.id(),
                        LocalDate.of(2023, 9, 21),
                        "Yevlakh",
                        null,
                        Set.of("Government officials", "Representatives of the Armenian residents of Karabakh"),
                        "Reintegration of the Armenian residents of Karabakh (S-MFA, S-CAL). The sources name the"
                                + " meeting, not the working group: it is kept here with the talks it preceded.",
                        "Meeting held in Yevlakh on 2023-09-21, as S-MFA and S-CAL report; the sources give no"
                                + " minutes.",
                        Set.of(mfa, cal)));
        Meeting khojalyMeeting = groups.meet(
                LOADER,
                new WorkingGroups.MeetingDraft(
                        group.id(),
                        LocalDate.of(2023, 9, 25),
                        "Khojaly",
                        khojaly.id(),
                        Set.of(
                                "Presidential envoy for contacts with Armenian residents",
                                "Representatives of the Armenian residents of Karabakh"),
                        "Social, humanitarian, economic and infrastructure issues: utilities, health, civil"
                                + " services, including in Khankendi",
                        "The residents' representatives thanked for the food, fuel and electricity supplied."
                                + " Proposals recorded (below). A further meeting, to be led by a Deputy Prime"
                                + " Minister, is to follow soon. Day as the source's (approximate).",
                        Set.of(jwg)));
        for (String text : List.of(
                "A field hospital near Khankendi or Khojaly with mixed Azerbaijani and Armenian-origin medical staff",
                "A mobile cafeteria with mixed staff",
                "Mixed healthcare teams serving lonely and needy people in remote villages",
                "Visits by Armenian-origin civil-society representatives to Baku or other cities")) {
            groups.propose(
                    LOADER,
                    khojalyMeeting.id(),
                    text,
                    "Meeting participants (the source does not say who)",
                    Set.of(jwg));
        }
        Proposal teams = groups.proposals(LOADER, khojalyMeeting.id()).stream()
                .filter(p -> p.text().startsWith("Mixed healthcare teams"))
                .findFirst()
                .orElseThrow();
        var decision = groups.decide(
                LOADER,
                khojalyMeeting.id(),
                null,
                "A further meeting, led by a Deputy Prime Minister, on social, humanitarian, economic and"
                        + " infrastructure issues (S-JWG)");
        groups.assign(
                LOADER,
                new WorkingGroups.ActionDraft(
                        khojalyMeeting.id(),
                        decision.id(),
                        "Prepare the follow-up meeting on utilities, health and civil services (illustrative)",
                        "khj-officer",
                        LocalDate.of(2023, 10, 15)));
        groups.assign(
                LOADER,
                new WorkingGroups.ActionDraft(
                        yevlakh.id(),
                        null,
                        "Circulate the reintegration meeting's record to the working group (illustrative)",
                        "khj-director",
                        LocalDate.of(2023, 9, 28)));

        OutreachTeam team =
                outreach.formTeam(LOADER, REGION, "Mixed healthcare team Khojaly 1 (illustrative)", group.id());
        outreach.join(
                LOADER,
                team.id(),
                new TeamMember("Doctor (illustrative)", TeamMember.Speciality.DOCTOR, null, "Mixed staff"));
        outreach.join(
                LOADER,
                team.id(),
                new TeamMember("Nurse (illustrative)", TeamMember.Speciality.NURSE, null, "Mixed staff"));
        outreach.join(
                LOADER,
                team.id(),
                new TeamMember("Interpreter (illustrative)", TeamMember.Speciality.INTERPRETER, null, "Mixed staff"));
        for (int i = 0; i < Math.min(2, places.size()); i++) {
            Settlement place = places.get(i);
            outreach.recordIllustrativeVisit(
                    LOADER,
                    new Outreach.VisitRecord(
                            team.id(),
                            place.id(),
                            LocalDate.of(2023, 10, 2 + 7 * i),
                            12 + 5 * i,
                            List.of(
                                    new Outreach.ServiceValues(
                                            "MEDICAL", new BigDecimal(14 + i), "CONSULTATIONS", "Home visits"),
                                    new Outreach.ServiceValues("FOOD", new BigDecimal(40), "PARCELS", "Food parcels"),
                                    new Outreach.ServiceValues("FUEL", new BigDecimal(200), "LITRES", "Heating fuel"),
                                    new Outreach.ServiceValues(
                                            "ELECTRICITY", new BigDecimal(120), "KWH", "Generator for the clinic")),
                            "Illustrative visit, to show the layer; not reported by a source",
                            null));
        }
        String[][] people = {{"CHILD", "FEMALE", "MEDICAL"}, {"OLDER", "MALE", "FOOD"}, {"OLDER", "FEMALE", "CARE"}};
        for (int i = 0; i < people.length; i++) {
            beneficiaries.registerIllustrative(
                    LOADER,
                    new Beneficiaries.Draft(
                            REGION,
                            "ILL-KHJ-" + (i + 1),
                            places.get(i % places.size()).id(),
                            people[i][0],
                            people[i][1],
                            Set.of(people[i][2], "FUEL"),
                            LocalDate.of(2023, 10, 2),
                            "Illustrative record: not a real person"));
        }
        // The proposal the team follows from, accepted as an illustration of a status history.
        groups.changeStatus(
                LOADER,
                teams.id(),
                Proposal.Status.ACCEPTED,
                "Illustrative: the outreach team of the demo follows from it",
                RegionTimes.moment(LocalDate.of(2023, 9, 30), null, java.time.ZoneId.of("Asia/Baku")));
    }
}
