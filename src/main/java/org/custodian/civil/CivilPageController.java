package org.custodian.civil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Agency;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: working groups, a group with its members and meetings, a meeting with its proposals, decisions and
 * action items, the caller's own action items, outreach teams and visits, and beneficiaries for outreach
 * roles; each with the forms that write them.
 */
@Controller
class CivilPageController {

    private final WorkingGroups groups;
    private final Outreach outreach;
    private final Beneficiaries beneficiaries;
    private final Territory territory;
    private final Sources sources;
    private final Callers callers;

    CivilPageController(
            WorkingGroups groups,
            Outreach outreach,
            Beneficiaries beneficiaries,
            Territory territory,
            Sources sources,
            Callers callers) {
        this.groups = groups;
        this.outreach = outreach;
        this.beneficiaries = beneficiaries;
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
    }

    private static Set<String> lines(@Nullable String text, String separator) {
        return text == null
                ? Set.of()
                : Arrays.stream(text.split(separator))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }

    private static Set<Long> cited(@Nullable Long sourceId) {
        return sourceId == null ? Set.of() : Set.of(sourceId);
    }

    private Map<Long, String> agencyNames() {
        return territory.agencies().stream().collect(Collectors.toMap(Agency::id, Agency::name));
    }

    private void common(Model model, Scope scope) {
        model.addAttribute("outreachRole", Outreach.outreachRole(scope));
    }

    // Working groups

    @GetMapping("/working-groups")
    String groups(Model model) {
        Scope scope = callers.current();
        common(model, scope);
        model.addAttribute("groups", groups.groups(scope));
        model.addAttribute("writes", territory.writesAnyRegion(scope));
        model.addAttribute("regions", territory.writesAnyRegion(scope) ? territory.writableRegions(scope) : List.of());
        model.addAttribute("sources", sources.all());
        return "civil/groups";
    }

    @PostMapping("/working-groups")
    String form(
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam String mandate,
            @RequestParam String chair,
            @RequestParam(required = false) @Nullable String topics,
            @RequestParam(required = false) @Nullable Long sourceId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/working-groups#group-form",
                redirect,
                () -> groups.form(
                        callers.current(),
                        new WorkingGroups.GroupDraft(
                                regionCode, name, mandate, chair, lines(topics, ","), cited(sourceId))));
    }

    @GetMapping("/working-groups/{id}")
    String group(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        common(model, scope);
        WorkingGroup group = groups.group(scope, id);
        model.addAttribute("group", group);
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("agencies", territory.agencies());
        model.addAttribute("meetings", groups.meetings(scope, id));
        model.addAttribute(
                "proposals",
                groups.proposals(scope, null).stream()
                        .filter(p -> p.groupId() == id)
                        .toList());
        List<ActionItem> actions = groups.actions(scope, null, null).stream()
                .filter(a -> a.groupId() == id)
                .toList();
        model.addAttribute("actions", actions);
        model.addAttribute("overdue", overdueIds(actions));
        model.addAttribute("writable", scope.writes(group.regionCode()));
        model.addAttribute("settlements", territory.settlements(scope, group.regionCode()));
        model.addAttribute("sources", sources.all());
        model.addAttribute("cited", List.copyOf(sources.findAll(group.sources()).values()));
        model.addAttribute("actionStatuses", ActionItem.Status.values());
        return "civil/group";
    }

    private Set<Long> overdueIds(List<ActionItem> actions) {
        return actions.stream().filter(groups::overdue).map(ActionItem::id).collect(Collectors.toSet());
    }

    @PostMapping("/working-groups/{id}/members")
    String join(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable Long agencyId,
            @RequestParam(required = false) @Nullable String party,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/working-groups/" + id + "#member-form",
                redirect,
                () -> groups.join(callers.current(), id, new Member(name, agencyId, party)));
    }

    @PostMapping("/working-groups/{id}/meetings")
    String meet(
            @PathVariable long id,
            @RequestParam LocalDate heldOn,
            @RequestParam String place,
            @RequestParam(required = false) @Nullable Long settlementId,
            @RequestParam(required = false) @Nullable String attendees,
            @RequestParam(required = false) @Nullable String agenda,
            @RequestParam(required = false) @Nullable String minutes,
            @RequestParam(required = false) @Nullable Long sourceId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/working-groups/" + id + "#meeting-form",
                redirect,
                () -> groups.meet(
                        callers.current(),
                        new WorkingGroups.MeetingDraft(
                                id,
                                heldOn,
                                place,
                                settlementId,
                                lines(attendees, "\n"),
                                agenda == null ? "" : agenda,
                                minutes == null ? "" : minutes,
                                cited(sourceId))));
    }

    // Meetings

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        common(model, scope);
        Meeting meeting = groups.meeting(scope, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("group", groups.group(scope, meeting.groupId()));
        model.addAttribute("proposals", groups.proposals(scope, id));
        model.addAttribute("decisions", groups.decisions(scope, id));
        List<ActionItem> actions = groups.actions(scope, id, null);
        model.addAttribute("actions", actions);
        model.addAttribute("overdue", overdueIds(actions));
        model.addAttribute("writable", scope.writes(meeting.regionCode()));
        model.addAttribute(
                "cited", List.copyOf(sources.findAll(meeting.sources()).values()));
        model.addAttribute("sources", sources.all());
        model.addAttribute("actionStatuses", ActionItem.Status.values());
        return "civil/meeting";
    }

    @PostMapping("/meetings/{id}/proposals")
    String propose(
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam String proposedBy,
            @RequestParam(required = false) @Nullable Long sourceId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/meetings/" + id + "#proposal-form",
                redirect,
                () -> groups.propose(callers.current(), id, text, proposedBy, cited(sourceId)));
    }

    @PostMapping("/proposals/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        Scope scope = callers.current();
        long meeting = groups.proposal(scope, id).meetingId();
        return PageForms.attempt(
                "/meetings/" + meeting + "#proposal-" + id,
                redirect,
                () -> groups.changeStatus(
                        scope,
                        id,
                        Codes.read("status", Proposal.Status.class, status),
                        reason == null ? "" : reason,
                        null));
    }

    @PostMapping("/meetings/{id}/decisions")
    String decide(
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam(required = false) @Nullable Long proposalId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/meetings/" + id + "#decision-form",
                redirect,
                () -> groups.decide(callers.current(), id, proposalId, text));
    }

    @PostMapping("/meetings/{id}/action-items")
    String assign(
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam String owner,
            @RequestParam LocalDate dueOn,
            @RequestParam(required = false) @Nullable Long decisionId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/meetings/" + id + "#action-form",
                redirect,
                () -> groups.assign(
                        callers.current(), new WorkingGroups.ActionDraft(id, decisionId, text, owner, dueOn)));
    }

    // Action items

    @GetMapping("/action-items/mine")
    String mine(Model model) {
        Scope scope = callers.current();
        common(model, scope);
        List<ActionItem> mine = groups.mine(scope);
        model.addAttribute("actions", mine);
        model.addAttribute("overdue", overdueIds(mine));
        model.addAttribute(
                "meetings",
                groups.meetings(scope, null).stream().collect(Collectors.toMap(Meeting::id, Function.identity())));
        model.addAttribute("actionStatuses", ActionItem.Status.values());
        return "civil/mine";
    }

    @PostMapping("/action-items/{id}/status")
    String progress(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        String page = back != null && back.startsWith("/meetings/") ? back : "/action-items/mine";
        return PageForms.attempt(
                page + "#action-" + id,
                redirect,
                () -> groups.progress(
                        callers.current(), id, Codes.read("status", ActionItem.Status.class, status), note));
    }

    // Outreach

    /**
     * What outreach brought to one settlement: visits, people reached, and per service the quantities in each
     * unit ("40 parcels; 12 kg"), with the share of the busiest settlement's people for the bar chart.
     */
    record Village(
            long settlementId,
            long visits,
            long people,
            Map<ServiceLine.Service, List<Amount>> delivered,
            int percent) {}

    record Amount(BigDecimal quantity, ServiceLine.Unit unit) {

        public String number() {
            return quantity.stripTrailingZeros().toPlainString();
        }
    }

    static List<Village> villages(List<Visit> visits) {
        Map<Long, List<Visit>> bySettlement = visits.stream()
                .collect(Collectors.groupingBy(Visit::settlementId, java.util.TreeMap::new, Collectors.toList()));
        long most = bySettlement.values().stream()
                .mapToLong(vs -> vs.stream().mapToLong(Visit::peopleReached).sum())
                .max()
                .orElse(0);
        List<Village> villages = new ArrayList<>();
        bySettlement.forEach((settlement, vs) -> {
            Map<ServiceLine.Service, Map<ServiceLine.Unit, BigDecimal>> sums =
                    new java.util.EnumMap<>(ServiceLine.Service.class);
            vs.stream().flatMap(v -> v.services().stream()).forEach(l -> sums.computeIfAbsent(
                            l.service(), k -> new java.util.EnumMap<>(ServiceLine.Unit.class))
                    .merge(l.unit(), l.quantity(), BigDecimal::add));
            Map<ServiceLine.Service, List<Amount>> delivered = new java.util.EnumMap<>(ServiceLine.Service.class);
            sums.forEach((service, units) -> delivered.put(
                    service,
                    units.entrySet().stream()
                            .map(e -> new Amount(e.getValue(), e.getKey()))
                            .toList()));
            long people = vs.stream().mapToLong(Visit::peopleReached).sum();
            villages.add(
                    new Village(settlement, vs.size(), people, delivered, most == 0 ? 0 : (int) (100 * people / most)));
        });
        villages.sort(java.util.Comparator.comparingLong(Village::people).reversed());
        return villages;
    }

    @GetMapping("/outreach")
    String outreach(@RequestParam(required = false) @Nullable String region, Model model) {
        Scope scope = callers.current();
        common(model, scope);
        List<OutreachTeam> teams = outreach.teams(scope);
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(OutreachTeam::id, OutreachTeam::name)));
        List<Visit> visits = outreach.visits(scope).stream()
                .filter(v ->
                        region == null || region.isBlank() || v.regionCode().equals(region))
                .toList();
        model.addAttribute("region", region == null || region.isBlank() ? null : region);
        model.addAttribute("visits", visits);
        model.addAttribute("villages", villages(visits));
        List<Settlement> settlements = territory.settlements(scope, null);
        model.addAttribute("settlements", settlements);
        model.addAttribute(
                "settlementNames", settlements.stream().collect(Collectors.toMap(Settlement::id, Function.identity())));
        model.addAttribute("writes", outreach.writesAnyRegion(scope));
        model.addAttribute("regions", outreach.writableRegions(scope));
        model.addAttribute(
                "writableTeams",
                teams.stream()
                        .filter(t -> Outreach.writes(scope, t.regionCode()))
                        .toList());
        model.addAttribute("groups", groups.groups(scope));
        model.addAttribute("agencies", territory.agencies());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("specialities", TeamMember.Speciality.values());
        model.addAttribute("services", ServiceLine.Service.values());
        model.addAttribute("units", ServiceLine.Unit.values());
        return "civil/outreach";
    }

    @PostMapping("/outreach/teams")
    String formTeam(
            @RequestParam String regionCode,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable Long groupId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/outreach#team-form", redirect, () -> outreach.formTeam(callers.current(), regionCode, name, groupId));
    }

    @PostMapping("/outreach/teams/{id}/members")
    String joinTeam(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam String speciality,
            @RequestParam(required = false) @Nullable Long agencyId,
            @RequestParam(required = false) @Nullable String party,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/outreach#team-" + id,
                redirect,
                () -> outreach.join(
                        callers.current(),
                        id,
                        new TeamMember(
                                name,
                                Codes.read("speciality", TeamMember.Speciality.class, speciality),
                                agencyId,
                                party)));
    }

    /** Records a visit: one quantity and unit per kind of service, blank where nothing of it was delivered. */
    @PostMapping("/outreach/visits")
    String recordVisit(
            @RequestParam long teamId,
            @RequestParam long settlementId,
            @RequestParam LocalDate visitedOn,
            @RequestParam(defaultValue = "0") int peopleReached,
            @RequestParam(required = false) @Nullable List<String> service,
            @RequestParam(required = false) @Nullable List<String> quantity,
            @RequestParam(required = false) @Nullable List<String> unit,
            @RequestParam(required = false) @Nullable List<String> detail,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageForms.attempt("/outreach#visit-form", redirect, () -> {
            List<Outreach.ServiceValues> lines = new ArrayList<>();
            List<String> services = service == null ? List.of() : service;
            for (int i = 0; i < services.size(); i++) {
                String q = quantity == null || i >= quantity.size()
                        ? ""
                        : quantity.get(i).strip();
                if (q.isEmpty()) {
                    continue;
                }
                BigDecimal amount;
                try {
                    amount = new BigDecimal(q);
                } catch (NumberFormatException e) {
                    throw new org.custodian.platform.RuleViolated("quantity", Refusals.QUANTITY_IS_NUMBER, q);
                }
                lines.add(new Outreach.ServiceValues(
                        services.get(i),
                        amount,
                        unit == null || i >= unit.size() ? "" : unit.get(i),
                        detail == null || i >= detail.size() ? null : detail.get(i)));
            }
            outreach.recordVisit(
                    callers.current(),
                    new Outreach.VisitRecord(teamId, settlementId, visitedOn, peopleReached, lines, note, null));
        });
    }

    // Beneficiaries

    @GetMapping("/beneficiaries")
    String beneficiaries(Model model) {
        Scope scope = callers.current();
        common(model, scope);
        model.addAttribute("beneficiaries", beneficiaries.list(scope));
        List<Settlement> settlements = territory.settlements(scope, null);
        model.addAttribute("settlements", settlements);
        model.addAttribute(
                "settlementNames", settlements.stream().collect(Collectors.toMap(Settlement::id, Function.identity())));
        model.addAttribute("regions", outreach.writableRegions(scope));
        model.addAttribute("ageBands", Beneficiary.AgeBand.values());
        model.addAttribute("sexes", Beneficiary.Sex.values());
        model.addAttribute("needs", Beneficiary.Need.values());
        return "civil/beneficiaries";
    }

    @PostMapping("/beneficiaries")
    String register(
            @RequestParam String regionCode,
            @RequestParam String reference,
            @RequestParam long settlementId,
            @RequestParam String ageBand,
            @RequestParam String sex,
            @RequestParam(required = false) @Nullable List<String> needs,
            @RequestParam(required = false) @Nullable LocalDate consentOn,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/beneficiaries#beneficiary-form",
                redirect,
                () -> beneficiaries.register(
                        callers.current(),
                        new Beneficiaries.Draft(
                                regionCode,
                                reference,
                                settlementId,
                                ageBand,
                                sex,
                                needs == null ? Set.of() : Set.copyOf(needs),
                                consentOn,
                                note),
                        false));
    }
}
