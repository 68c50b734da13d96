package org.custodian.civil;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Working groups, their meetings, proposals, decisions and action items through the API. */
@RestController
class WorkingGroupController {

    private final WorkingGroups groups;
    private final Callers callers;

    WorkingGroupController(WorkingGroups groups, Callers callers) {
        this.groups = groups;
        this.callers = callers;
    }

    record GroupInput(
            @NotBlank String regionCode,
            @NotBlank String name,
            @NotBlank String mandate,
            @NotBlank String chair,
            @Nullable Set<String> topics,
            @Nullable Set<Long> sources) {}

    record MemberInput(
            @NotBlank String name,
            @Nullable Long agencyId,
            @Nullable String party) {}

    record MeetingInput(
            @NotNull Long groupId,
            @NotNull LocalDate heldOn,
            @NotBlank String place,
            @Nullable Long settlementId,
            @Nullable Set<String> attendees,
            @Nullable String agenda,
            @Nullable String minutes,
            @Nullable Set<Long> sources) {}

    record ProposalInput(
            @NotNull Long meetingId,
            @NotBlank String text,
            @NotBlank String proposedBy,
            @Nullable Set<Long> sources) {}

    record StatusInput(
            @NotBlank String status,
            @Nullable String reason,
            @Nullable Instant at) {}

    record DecisionInput(
            @Nullable Long proposalId, @NotBlank String text) {}

    record ActionInput(
            @NotNull Long meetingId,
            @Nullable Long decisionId,
            @NotBlank String text,
            @NotBlank String owner,
            @NotNull LocalDate dueOn) {}

    record ProgressInput(@NotBlank String status, @Nullable String note) {}

    record ActionView(
            long id,
            long meetingId,
            long groupId,
            String regionCode,
            @Nullable Long decisionId,
            String text,
            String owner,
            LocalDate dueOn,
            ActionItem.Status status,
            @Nullable String statusNote,
            @Nullable Instant closedAt,
            boolean overdue) {}

    record MeetingPage(
            Views.MeetingView meeting,
            List<Views.ProposalView> proposals,
            List<Views.DecisionView> decisions,
            List<ActionView> actions) {}

    record GroupPage(Views.GroupView group, List<Views.MeetingView> meetings) {}

    ActionView view(ActionItem a) {
        return new ActionView(
                a.id(),
                a.meetingId(),
                a.groupId(),
                a.regionCode(),
                a.decisionId(),
                a.text(),
                a.owner(),
                a.dueOn(),
                a.status(),
                a.statusNote(),
                a.closedAt(),
                groups.overdue(a));
    }

    private static <T> Set<T> orEmpty(@Nullable Set<T> set) {
        return set == null ? Set.of() : set;
    }

    @Operation(
            summary = "List working groups",
            description =
                    "Working groups for civil activities with mandate, topics, chair and members. Anyone signed in may call it; it answers only the groups of the caller's regions (administrators see every region).")
    @GetMapping("/api/working-groups")
    List<Views.GroupView> groups() {
        return groups.groups(callers.current()).stream()
                .map(Views.GroupView::of)
                .toList();
    }

    @Operation(
            summary = "Read a working group",
            description =
                    "One working group with its meetings, newest first. A group outside the caller's regions answers 404, as if it did not exist.")
    @GetMapping("/api/working-groups/{id}")
    GroupPage group(@PathVariable long id) {
        Scope scope = callers.current();
        return new GroupPage(
                Views.GroupView.of(groups.group(scope, id)),
                groups.meetings(scope, id).stream().map(Views.MeetingView::of).toList());
    }

    @Operation(
            summary = "Form a working group",
            description =
                    "Records a working group: region, name, mandate, chair, topics and the sources that report it; answers 201. Administrators, and directors and officers of the region, may call it; other roles and regions are refused with 403. A missing name, mandate or chair, an unknown region or source is refused with 422 naming the field.")
    @PostMapping("/api/working-groups")
    ResponseEntity<Views.GroupView> form(@Valid @RequestBody GroupInput in) {
        WorkingGroup g = groups.form(
                callers.current(),
                new WorkingGroups.GroupDraft(
                        in.regionCode(),
                        in.name(),
                        in.mandate(),
                        in.chair(),
                        orEmpty(in.topics()),
                        orEmpty(in.sources())));
        return ResponseEntity.created(URI.create("/api/working-groups/" + g.id()))
                .body(Views.GroupView.of(g));
    }

    @Operation(
            summary = "Add a member to a working group",
            description =
                    "Adds a person or delegation by the agency or party they speak for (at least one). Administrators, and directors and officers of the group's region, may call it (403 otherwise; 404 for a group outside the caller's regions); an unknown agency or a member with neither agency nor party is refused with 422.")
    @PostMapping("/api/working-groups/{id}/members")
    Views.GroupView join(@PathVariable long id, @Valid @RequestBody MemberInput in) {
        return Views.GroupView.of(groups.join(callers.current(), id, new Member(in.name(), in.agencyId(), in.party())));
    }

    @Operation(
            summary = "List meetings",
            description =
                    "Meetings of working groups, newest first, of one group if given. Anyone signed in may call it; it answers only what lies in the caller's regions.")
    @GetMapping("/api/meetings")
    List<Views.MeetingView> meetings(@RequestParam(required = false) @Nullable Long group) {
        return groups.meetings(callers.current(), group).stream()
                .map(Views.MeetingView::of)
                .toList();
    }

    @Operation(
            summary = "Read a meeting",
            description =
                    "One meeting with attendees, agenda, minutes and cited sources (documents are attachments of those sources), and its proposals, decisions and action items. A meeting outside the caller's regions answers 404.")
    @GetMapping("/api/meetings/{id}")
    MeetingPage meeting(@PathVariable long id) {
        Scope scope = callers.current();
        return new MeetingPage(
                Views.MeetingView.of(groups.meeting(scope, id)),
                groups.proposals(scope, id).stream().map(Views.ProposalView::of).toList(),
                groups.decisions(scope, id).stream().map(Views.DecisionView::of).toList(),
                groups.actions(scope, id, null).stream().map(this::view).toList());
    }

    @Operation(
            summary = "Record a meeting",
            description =
                    "Records a meeting of a working group: day, place (and the settlement, if it is one in the caller's regions), attendees, agenda, minutes and sources; answers 201. Administrators, and directors and officers of the group's region, may call it (403 otherwise). An unknown group, settlement or source, or a day more than a year ahead, is refused with 422.")
    @PostMapping("/api/meetings")
    ResponseEntity<Views.MeetingView> meet(@Valid @RequestBody MeetingInput in) {
        Meeting m = groups.meet(
                callers.current(),
                new WorkingGroups.MeetingDraft(
                        in.groupId(),
                        in.heldOn(),
                        in.place(),
                        in.settlementId(),
                        orEmpty(in.attendees()),
                        in.agenda() == null ? "" : in.agenda(),
                        in.minutes() == null ? "" : in.minutes(),
                        orEmpty(in.sources())));
        return ResponseEntity.created(URI.create("/api/meetings/" + m.id())).body(Views.MeetingView.of(m));
    }

    @Operation(
            summary = "Record a decision of a meeting",
            description =
                    "Records what the meeting decided, on one of the group's proposals or on its own. Administrators, and directors and officers of the region, may call it (403 otherwise; 404 for a meeting outside the caller's regions); a missing text or a proposal of another group is refused with 422.")
    @PostMapping("/api/meetings/{id}/decisions")
    ResponseEntity<Views.DecisionView> decide(@PathVariable long id, @Valid @RequestBody DecisionInput in) {
        Decision d = groups.decide(callers.current(), id, in.proposalId(), in.text());
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(Views.DecisionView.of(d));
    }

    @Operation(
            summary = "List proposals",
            description =
                    "Proposals put to working groups with their status history, of one meeting if given. Anyone signed in may call it; it answers only what lies in the caller's regions.")
    @GetMapping("/api/proposals")
    List<Views.ProposalView> proposals(@RequestParam(required = false) @Nullable Long meeting) {
        return groups.proposals(callers.current(), meeting).stream()
                .map(Views.ProposalView::of)
                .toList();
    }

    @Operation(
            summary = "Read a proposal",
            description = "One proposal with its status history. A proposal outside the caller's regions answers 404.")
    @GetMapping("/api/proposals/{id}")
    Views.ProposalView proposal(@PathVariable long id) {
        return Views.ProposalView.of(groups.proposal(callers.current(), id));
    }

    @Operation(
            summary = "Put a proposal to a meeting",
            description =
                    "Records a proposal: its text, who proposed it and its sources; it starts PROPOSED. Administrators, and directors and officers of the region, may call it (403 otherwise). An unknown meeting or source is refused with 422.")
    @PostMapping("/api/proposals")
    ResponseEntity<Views.ProposalView> propose(@Valid @RequestBody ProposalInput in) {
        Proposal p;
        try {
            p = groups.propose(callers.current(), in.meetingId(), in.text(), in.proposedBy(), orEmpty(in.sources()));
        } catch (org.custodian.platform.RecordNotFound e) {
            throw new org.custodian.platform.RuleViolated("meetingId", Refusals.NO_MEETING, in.meetingId());
        }
        return ResponseEntity.created(URI.create("/api/proposals/" + p.id())).body(Views.ProposalView.of(p));
    }

    @Operation(
            summary = "Change a proposal's status",
            description =
                    "Moves a proposal to ACCEPTED, REJECTED, IMPLEMENTED or back to PROPOSED with the reason, as its history allows: proposed to accepted or rejected, accepted to implemented or rejected, rejected to proposed again; an implemented proposal never changes. Administrators, and directors and officers of the region, may call it (403 otherwise; 404 outside the caller's regions). A missing reason, an unknown status or a time in the future or before the last change is refused with 422; a move the history forbids, or to the status it has, with 409.")
    @PostMapping("/api/proposals/{id}/status")
    Views.ProposalView changeStatus(@PathVariable long id, @Valid @RequestBody StatusInput in) {
        return Views.ProposalView.of(groups.changeStatus(
                callers.current(),
                id,
                Codes.read("status", Proposal.Status.class, in.status()),
                in.reason() == null ? "" : in.reason(),
                in.at()));
    }

    @Operation(
            summary = "List action items",
            description =
                    "Action items of the caller's regions, soonest due first, each saying whether it is overdue; of one meeting or one owner if given, and only the overdue ones with overdue=true. Anyone signed in may call it.")
    @GetMapping("/api/action-items")
    List<ActionView> actions(
            @RequestParam(required = false) @Nullable Long meeting,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "false") boolean overdue) {
        return groups.actions(callers.current(), meeting, owner).stream()
                .map(this::view)
                .filter(a -> !overdue || a.overdue())
                .toList();
    }

    @Operation(
            summary = "List my action items",
            description =
                    "The caller's own action items, soonest due first, each saying whether it is overdue. Anyone signed in may call it.")
    @GetMapping("/api/action-items/mine")
    List<ActionView> mine() {
        return groups.mine(callers.current()).stream().map(this::view).toList();
    }

    @Operation(
            summary = "Assign an action item",
            description =
                    "Records an action item of a meeting: what to do, its owner (an account working in the meeting's region), the due date, and the decision it follows from if any; it starts OPEN. Administrators, and directors and officers of the region, may call it (403 otherwise). An unknown meeting, owner or decision, or a due date before the meeting, is refused with 422.")
    @PostMapping("/api/action-items")
    ResponseEntity<ActionView> assign(@Valid @RequestBody ActionInput in) {
        ActionItem a;
        try {
            a = groups.assign(
                    callers.current(),
                    new WorkingGroups.ActionDraft(in.meetingId(), in.decisionId(), in.text(), in.owner(), in.dueOn()));
        } catch (org.custodian.platform.RecordNotFound e) {
            throw new org.custodian.platform.RuleViolated("meetingId", Refusals.NO_MEETING, in.meetingId());
        }
        return ResponseEntity.created(URI.create("/api/action-items/" + a.id())).body(view(a));
    }

    @Operation(
            summary = "Read an action item",
            description = "One action item. An item outside the caller's regions answers 404.")
    @GetMapping("/api/action-items/{id}")
    ActionView action(@PathVariable long id) {
        return view(groups.action(callers.current(), id));
    }

    @Operation(
            summary = "Move an action item on",
            description =
                    "Sets an action item IN_PROGRESS, DONE or CANCELLED, with a note. Its owner may call it, and administrators, directors and officers of the region (403 for anyone else; 404 outside the caller's regions). An unknown status is refused with 422; an item done or cancelled, or a move to the status it has, with 409.")
    @PostMapping("/api/action-items/{id}/status")
    ActionView progress(@PathVariable long id, @Valid @RequestBody ProgressInput in) {
        return view(groups.progress(
                callers.current(), id, Codes.read("status", ActionItem.Status.class, in.status()), in.note()));
    }
}
