package org.custodian.civil;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Working groups, meetings, proposals, decisions, action items, outreach teams and visits of a region, for the region export. Beneficiaries of outreach are personal data and are left out. */
@Component
class CivilRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "civil";
    }

    @Override
    public List<Table> tables() {
        Table group = ofRegion("civil_working_group");
        Table meeting = ofRegion("civil_meeting");
        Table proposal = ofRegion("civil_proposal");
        Table team = ofRegion("civil_outreach_team");
        Table visit = ofRegion("civil_visit");
        return List.of(
                group,
                childOf(group, "civil_working_group_topic", "group_id"),
                childOf(group, "civil_working_group_member", "group_id"),
                childOf(group, "civil_working_group_source", "group_id"),
                meeting,
                childOf(meeting, "civil_meeting_attendee", "meeting_id"),
                childOf(meeting, "civil_meeting_source", "meeting_id"),
                proposal,
                childOf(proposal, "civil_proposal_status", "proposal_id"),
                childOf(proposal, "civil_proposal_source", "proposal_id"),
                ofRegion("civil_decision"),
                ofRegion("civil_action_item"),
                team,
                childOf(team, "civil_outreach_team_member", "team_id"),
                visit,
                childOf(visit, "civil_visit_service", "visit_id"));
    }
}
