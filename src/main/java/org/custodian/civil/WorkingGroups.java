package org.custodian.civil;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.Staff;
import org.custodian.territory.Region;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working groups and what their meetings produce: proposals with their status history, decisions and action
 * items. Read by anyone in the group's region; written by administrators, and directors and officers of the
 * region; an action item's owner may also move it on.
 */
@Service
@Transactional(readOnly = true)
public class WorkingGroups {

    private final WorkingGroupRecords groups;
    private final MeetingRecords meetings;
    private final ProposalRecords proposals;
    private final DecisionRecords decisions;
    private final ActionItemRecords actions;
    private final Territory territory;
    private final RegionTimes times;
    private final Sources sources;
    private final Staff staff;
    private final Clock clock = Clock.systemUTC();

    WorkingGroups(
            WorkingGroupRecords groups,
            MeetingRecords meetings,
            ProposalRecords proposals,
            DecisionRecords decisions,
            ActionItemRecords actions,
            Territory territory,
            RegionTimes times,
            Sources sources,
            Staff staff) {
        this.groups = groups;
        this.meetings = meetings;
        this.proposals = proposals;
        this.decisions = decisions;
        this.actions = actions;
        this.territory = territory;
        this.times = times;
        this.sources = sources;
        this.staff = staff;
    }

    public record GroupDraft(
            String regionCode, String name, String mandate, String chair, Set<String> topics, Set<Long> sources) {}

    public record MeetingDraft(
            long groupId,
            LocalDate heldOn,
            String place,
            @Nullable Long settlementId,
            Set<String> attendees,
            String agenda,
            String minutes,
            Set<Long> sources) {}

    public record ActionDraft(long meetingId, @Nullable Long decisionId, String text, String owner, LocalDate dueOn) {}

    // Working groups

    public List<WorkingGroup> groups(Scope scope) {
        return groups.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public WorkingGroup group(Scope scope, long id) {
        return groups.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_WORKING_GROUP, id));
    }

    @Transactional
    public WorkingGroup form(Scope scope, GroupDraft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        Set<String> topics = d.topics().stream()
                .filter(t -> !t.isBlank())
                .map(t -> Codes.required("topic", t, 200))
                .collect(Collectors.toSet());
        return groups.save(new WorkingGroup(
                region.code(),
                Codes.required("name", d.name(), 300),
                Codes.required("mandate", d.mandate(), 4000),
                Codes.required("chair", d.chair(), 300),
                topics,
                cited(d.sources())));
    }

    /** Adds a member: a person or delegation, from an agency or a party (at least one of them). */
    @Transactional
    public WorkingGroup join(Scope scope, long groupId, Member member) {
        WorkingGroup group = group(scope, groupId);
        territory.writableRegion(scope, group.regionCode());
        String party = member.party() == null || member.party().isBlank()
                ? null
                : member.party().strip();
        if (member.agencyId() == null && party == null) {
            throw new RuleViolated("party", Refusals.SAY_WHICH_AGENCY_PARTY_MEMBER);
        }
        if (member.agencyId() != null) {
            try {
                territory.agency(member.agencyId());
            } catch (RecordNotFound e) {
                throw new RuleViolated("agencyId", CommonRefusals.NO_AGENCY, member.agencyId());
            }
        }
        if (party != null && party.length() > 300) {
            throw new RuleViolated("party", Refusals.LONGER_THAN, "party", 300);
        }
        group.join(new Member(Codes.required("name", member.name(), 300), member.agencyId(), party));
        return group;
    }

    // Meetings

    public List<Meeting> meetings(Scope scope, @Nullable Long groupId) {
        return meetings.findInScope(scope.allRegions(), scope.regionsForQuery(), groupId);
    }

    public Meeting meeting(Scope scope, long id) {
        return meetings.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_MEETING, id));
    }

    @Transactional
    public Meeting meet(Scope scope, MeetingDraft d) {
        WorkingGroup group = group(scope, d.groupId());
        territory.writableRegion(scope, group.regionCode());
        if (d.heldOn().isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new RuleViolated("heldOn", Refusals.MEETING_PLANNED_YEAR_AHEAD);
        }
        if (d.settlementId() != null) {
            settlement(scope, d.settlementId());
        }
        Set<String> attendees = d.attendees().stream()
                .filter(a -> !a.isBlank())
                .map(a -> Codes.required("attendee", a, 300))
                .collect(Collectors.toSet());
        return meetings.save(new Meeting(
                group,
                d.heldOn(),
                Codes.required("place", d.place(), 300),
                d.settlementId(),
                attendees,
                d.agenda() == null ? "" : Codes.limited("agenda", d.agenda(), 4000),
                d.minutes() == null ? "" : Codes.limited("minutes", d.minutes(), 20000),
                cited(d.sources())));
    }

    /** A settlement the caller may see, or a refusal naming the field: an unknown settlement is bad input. */
    Settlement settlement(Scope scope, long id) {
        try {
            return territory.settlement(scope, id);
        } catch (RecordNotFound e) {
            throw new RuleViolated("settlementId", Refusals.NO_SETTLEMENT_IN_YOUR_REGIONS, id);
        }
    }

    // Proposals

    public List<Proposal> proposals(Scope scope, @Nullable Long meetingId) {
        return proposals.findInScope(scope.allRegions(), scope.regionsForQuery(), meetingId);
    }

    public Proposal proposal(Scope scope, long id) {
        return proposals
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_PROPOSAL, id));
    }

    @Transactional
    public Proposal propose(Scope scope, long meetingId, String text, String proposedBy, Set<Long> sourceIds) {
        Meeting meeting = meeting(scope, meetingId);
        territory.writableRegion(scope, meeting.regionCode());
        return proposals.save(new Proposal(
                meeting,
                Codes.required("text", text, 4000),
                Codes.required("proposedBy", proposedBy, 300),
                cited(sourceIds),
                scope.username(),
                putAt(meeting)));
    }

    @Transactional
    public Proposal changeStatus(Scope scope, long id, Proposal.Status to, String reason, @Nullable Instant at) {
        Proposal proposal = proposal(scope, id);
        territory.writableRegion(scope, proposal.regionCode());
        proposal.changeStatus(to, reason == null ? "" : reason, scope.username(), at == null ? clock.instant() : at);
        return proposal;
    }

    // Decisions

    public List<Decision> decisions(Scope scope, @Nullable Long meetingId) {
        return decisions.findInScope(scope.allRegions(), scope.regionsForQuery(), meetingId);
    }

    @Transactional
    public Decision decide(Scope scope, long meetingId, @Nullable Long proposalId, String text) {
        Meeting meeting = meeting(scope, meetingId);
        territory.writableRegion(scope, meeting.regionCode());
        if (proposalId != null
                && proposals
                        .findInScope(proposalId, scope.allRegions(), scope.regionsForQuery())
                        .filter(x -> x.groupId() == meeting.groupId())
                        .isEmpty()) {
            throw new RuleViolated("proposalId", Refusals.NO_PROPOSAL_OF_GROUP, proposalId);
        }
        return decisions.save(new Decision(meeting, proposalId, Codes.required("text", text, 4000), scope.username()));
    }

    // Action items

    /** Action items of the caller's regions, of one meeting or one owner if given, soonest due first. */
    public List<ActionItem> actions(Scope scope, @Nullable Long meetingId, @Nullable String owner) {
        return actions.findInScope(scope.allRegions(), scope.regionsForQuery(), meetingId, owner);
    }

    /** The caller's own action items, soonest due first. */
    public List<ActionItem> mine(Scope scope) {
        return actions(scope, null, scope.username());
    }

    public ActionItem action(Scope scope, long id) {
        return actions.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ACTION_ITEM, id));
    }

    /** Whether the item is still to do after its due date, as the day is in its region. */
    public boolean overdue(ActionItem item) {
        return item.overdueOn(LocalDate.now(clock.withZone(times.zone(item.regionCode()))));
    }

    @Transactional
    public ActionItem assign(Scope scope, ActionDraft d) {
        Meeting meeting = meeting(scope, d.meetingId());
        territory.writableRegion(scope, meeting.regionCode());
        String owner = Codes.required("owner", d.owner(), 64);
        Scope owners = staff.scopeOf(owner).orElseThrow(() -> new RuleViolated("owner", Refusals.NO_ACCOUNT, owner));
        if (!owners.reads(meeting.regionCode())) {
            throw new RuleViolated("owner", Refusals.OWNER_NOT_IN_REGION, owner, meeting.regionCode());
        }
        if (d.dueOn().isBefore(meeting.heldOn())) {
            throw new RuleViolated("dueOn", Refusals.ACTION_ITEM_DUE_BEFORE_MEETING, meeting.heldOn());
        }
        if (d.decisionId() != null
                && decisions(scope, meeting.id()).stream().noneMatch(x -> x.id() == d.decisionId())) {
            throw new RuleViolated("decisionId", Refusals.NO_DECISION_OF_MEETING, d.decisionId());
        }
        return actions.save(
                new ActionItem(meeting, d.decisionId(), Codes.required("text", d.text(), 2000), owner, d.dueOn()));
    }

    /** Moves an action item on: its owner, or whoever writes the region's records. */
    @Transactional
    public ActionItem progress(Scope scope, long id, ActionItem.Status to, @Nullable String note) {
        ActionItem item = action(scope, id);
        if (!item.owner().equals(scope.username()) && !scope.writes(item.regionCode())) {
            throw new AccessDeniedException("only the owner or the region's officers move an action item on");
        }
        if (note != null && note.length() > 1000) {
            throw new RuleViolated("note", Refusals.LONGER_THAN, "note", 1000);
        }
        item.changeStatus(to, note, clock.instant());
        return item;
    }

    /** When a proposal was put: noon of the meeting's day in its region, or now for a meeting ahead. */
    private Instant putAt(Meeting meeting) {
        Instant noon = RegionTimes.moment(meeting.heldOn(), null, times.zone(meeting.regionCode()));
        Instant now = clock.instant();
        return noon.isAfter(now) ? now : noon;
    }

    private Set<Long> cited(Set<Long> ids) {
        ids.forEach(id -> sources.require("sources", id));
        return Set.copyOf(ids);
    }
}
