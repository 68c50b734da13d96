package org.custodian.civil;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the API answers of each record: plain records, written as JSON. */
final class Views {

    private Views() {}

    record GroupView(
            long id,
            String regionCode,
            String name,
            String mandate,
            String chair,
            List<String> topics,
            List<Member> members,
            Set<Long> sources,
            long version) {

        static GroupView of(WorkingGroup g) {
            return new GroupView(
                    g.id(),
                    g.regionCode(),
                    g.name(),
                    g.mandate(),
                    g.chair(),
                    g.topics(),
                    g.members(),
                    g.sources(),
                    g.version());
        }
    }

    record MeetingView(
            long id,
            long groupId,
            String regionCode,
            LocalDate heldOn,
            String place,
            @Nullable Long settlementId,
            List<String> attendees,
            String agenda,
            String minutes,
            Set<Long> sources) {

        static MeetingView of(Meeting m) {
            return new MeetingView(
                    m.id(),
                    m.groupId(),
                    m.regionCode(),
                    m.heldOn(),
                    m.place(),
                    m.settlementId(),
                    m.attendees(),
                    m.agenda(),
                    m.minutes(),
                    m.sources());
        }
    }

    record ProposalView(
            long id,
            long meetingId,
            long groupId,
            String regionCode,
            String text,
            String proposedBy,
            Proposal.Status status,
            Set<Proposal.Status> next,
            List<StatusStep> history,
            Set<Long> sources,
            long version) {

        static ProposalView of(Proposal p) {
            return new ProposalView(
                    p.id(),
                    p.meetingId(),
                    p.groupId(),
                    p.regionCode(),
                    p.text(),
                    p.proposedBy(),
                    p.status(),
                    p.next(),
                    p.history(),
                    p.sources(),
                    p.version());
        }
    }

    record DecisionView(
            long id,
            long meetingId,
            long groupId,
            String regionCode,
            @Nullable Long proposalId,
            String text) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.meetingId(), d.groupId(), d.regionCode(), d.proposalId(), d.text());
        }
    }

    record TeamView(
            long id,
            String regionCode,
            String name,
            @Nullable Long groupId,
            List<TeamMember> members,
            long version) {

        static TeamView of(OutreachTeam t) {
            return new TeamView(t.id(), t.regionCode(), t.name(), t.groupId(), t.members(), t.version());
        }
    }

    record BeneficiaryView(
            long id,
            String regionCode,
            String reference,
            long settlementId,
            Beneficiary.AgeBand ageBand,
            Beneficiary.Sex sex,
            Set<Beneficiary.Need> needs,
            LocalDate consentOn,
            String consentRecordedBy,
            String note,
            boolean illustrative) {

        static BeneficiaryView of(Beneficiary b) {
            return new BeneficiaryView(
                    b.id(),
                    b.regionCode(),
                    b.reference(),
                    b.settlementId(),
                    b.ageBand(),
                    b.sex(),
                    b.needs(),
                    b.consentOn(),
                    b.consentRecordedBy(),
                    b.note(),
                    b.illustrative());
        }
    }
}
