package org.custodian.civil;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach to remote villages: the teams and their visits with the services delivered. Read by anyone in the
 * region; written by administrators, directors and officers of the region, and its outreach workers.
 *
 * <p>Field collection records a visit from a submitted form through {@link #recordVisit(Scope, VisitRecord)}:
 * the values as the form gives them (codes as text), checked as any visit is; a refusal is a {@link
 * RuleViolated} naming the field, or {@link AccessDeniedException} when the submitter may not write in the
 * team's region, and nothing is written.
 */
@Service
@Transactional(readOnly = true)
public class Outreach {

    private final OutreachTeamRecords teams;
    private final VisitRecords visits;
    private final WorkingGroups groups;
    private final Territory territory;
    private final Clock clock = Clock.systemUTC();

    Outreach(OutreachTeamRecords teams, VisitRecords visits, WorkingGroups groups, Territory territory) {
        this.teams = teams;
        this.visits = visits;
        this.groups = groups;
        this.territory = territory;
    }

    /** One service delivered, as a form gives it: service and unit codes as text. */
    public record ServiceValues(
            String service,
            BigDecimal quantity,
            String unit,
            @Nullable String detail) {}

    /**
     * An outreach visit as a form (or the API) gives it.
     *
     * @param teamId the outreach team that visited
     * @param settlementId the settlement visited; the visit is shown at its point
     * @param visitedOn the day of the visit, not in the future
     * @param peopleReached how many people were served, 0 or more
     * @param services what was delivered; quantities 0 or more; services MEDICAL, FOOD, FUEL, ELECTRICITY, OTHER
     * @param note free text without personal data
     * @param submission the field submission's instance ID when the visit comes from one, else null
     */
    public record VisitRecord(
            long teamId,
            long settlementId,
            LocalDate visitedOn,
            int peopleReached,
            List<ServiceValues> services,
            @Nullable String note,
            @Nullable String submission) {}

    /** Whether the caller is an outreach worker or an administrator: the roles that see beneficiaries. */
    public static boolean outreachRole(Scope scope) {
        return scope.role() == Role.ADMIN || scope.role() == Role.OUTREACH_WORKER;
    }

    /** Whether the caller may record teams and visits in the region. */
    public static boolean writes(Scope scope, String regionCode) {
        return scope.writes(regionCode) || (scope.role() == Role.OUTREACH_WORKER && scope.reads(regionCode));
    }

    /** Whether the caller may record teams and visits in some region. */
    public boolean writesAnyRegion(Scope scope) {
        return territory.regions().stream().anyMatch(r -> writes(scope, r.code()));
    }

    /** The regions where the caller may record teams and visits. */
    public List<Region> writableRegions(Scope scope) {
        return territory.regions().stream().filter(r -> writes(scope, r.code())).toList();
    }

    static Region writableRegion(Territory territory, Scope scope, String code) {
        Region region;
        try {
            region = territory.region(code);
        } catch (RecordNotFound e) {
            throw new RuleViolated("regionCode", CommonRefusals.NO_REGION, code);
        }
        if (!writes(scope, code)) {
            throw new AccessDeniedException("no outreach write access to region " + code);
        }
        return region;
    }

    // Teams

    public List<OutreachTeam> teams(Scope scope) {
        return teams.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public OutreachTeam team(Scope scope, long id) {
        return teams.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_OUTREACH_TEAM, id));
    }

    @Transactional
    public OutreachTeam formTeam(Scope scope, String regionCode, String name, @Nullable Long groupId) {
        Region region = writableRegion(territory, scope, regionCode);
        if (groupId != null) {
            WorkingGroup group;
            try {
                group = groups.group(scope, groupId);
            } catch (RecordNotFound e) {
                throw new RuleViolated("groupId", Refusals.NO_WORKING_GROUP, groupId);
            }
            if (!group.regionCode().equals(region.code())) {
                throw new RuleViolated("groupId", Refusals.WORKING_GROUP_NOT_OF_REGION, region.code());
            }
        }
        return teams.save(new OutreachTeam(region.code(), Codes.required("name", name, 300), groupId));
    }

    @Transactional
    public OutreachTeam join(Scope scope, long teamId, TeamMember member) {
        OutreachTeam team = team(scope, teamId);
        writableRegion(territory, scope, team.regionCode());
        if (member.agencyId() != null) {
            try {
                territory.agency(member.agencyId());
            } catch (RecordNotFound e) {
                throw new RuleViolated("agencyId", CommonRefusals.NO_AGENCY, member.agencyId());
            }
        }
        String party = member.party() == null || member.party().isBlank()
                ? null
                : Codes.required("party", member.party(), 300);
        team.join(new TeamMember(
                Codes.required("name", member.name(), 300), member.speciality(), member.agencyId(), party));
        return team;
    }

    // Visits

    public List<Visit> visits(Scope scope) {
        return visits.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public Visit visit(Scope scope, long id) {
        return visits.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_VISIT, id));
    }

    /**
     * Records an outreach visit, from the API, a page or a field form.
     *
     * @return the visit recorded
     * @throws RuleViolated naming the field: an unknown team or settlement, a settlement outside the team's
     *     region, a day in the future, a negative count or quantity, an unknown service or unit
     * @throws AccessDeniedException when the caller may not record visits in the team's region
     */
    @Transactional
    public Visit recordVisit(Scope scope, VisitRecord v) {
        return record(scope, v, false);
    }

    /** As {@link #recordVisit}, marked illustrative: for the demo. */
    @Transactional
    public Visit recordIllustrativeVisit(Scope scope, VisitRecord v) {
        return record(scope, v, true);
    }

    private Visit record(Scope scope, VisitRecord v, boolean illustrative) {
        OutreachTeam team = teams.findInScope(v.teamId(), scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RuleViolated("teamId", Refusals.NO_OUTREACH_TEAM_IN_YOUR_REGIONS, v.teamId()));
        writableRegion(territory, scope, team.regionCode());
        Settlement settlement = groups.settlement(scope, v.settlementId());
        if (!settlement.region().code().equals(team.regionCode())) {
            throw new RuleViolated("settlementId", Refusals.SETTLEMENT_NOT_IN_TEAM_S_REGION, team.regionCode());
        }
        if (v.visitedOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new RuleViolated("visitedOn", Refusals.VISIT_DATED_FUTURE);
        }
        if (v.peopleReached() < 0) {
            throw new RuleViolated("peopleReached", CommonRefusals.NUMBER_PEOPLE_CANNOT_NEGATIVE);
        }
        if (v.services().size() > 50) {
            throw new RuleViolated("services", Refusals.AT_MOST_50_SERVICE_LINES);
        }
        List<ServiceLine> lines = new ArrayList<>();
        for (ServiceValues s : v.services()) {
            if (s.quantity() == null) {
                throw new RuleViolated("quantity", Refusals.GIVE_QUANTITY_DELIVERED);
            }
            if (s.quantity().signum() < 0) {
                throw new RuleViolated("quantity", Refusals.QUANTITY_CANNOT_NEGATIVE);
            }
            if (s.quantity().compareTo(new BigDecimal("100000000000")) >= 0
                    || s.quantity().scale() > 3) {
                throw new RuleViolated("quantity", Refusals.QUANTITY_BELOW_LIMIT);
            }
            lines.add(new ServiceLine(
                    Codes.read("service", ServiceLine.Service.class, s.service()),
                    s.quantity(),
                    Codes.read("unit", ServiceLine.Unit.class, s.unit()),
                    s.detail() == null ? "" : Codes.limited("detail", s.detail(), 300)));
        }
        String submission = v.submission() == null || v.submission().isBlank()
                ? null
                : Codes.required("submission", v.submission(), 200);
        return visits.save(new Visit(
                team,
                settlement.id(),
                settlement.location(),
                v.visitedOn(),
                v.peopleReached(),
                lines,
                v.note() == null ? "" : Codes.limited("note", v.note(), 2000),
                scope.username(),
                submission,
                illustrative));
    }
}
