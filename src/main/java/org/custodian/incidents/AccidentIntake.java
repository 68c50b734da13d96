package org.custodian.incidents;

import java.util.List;
import java.util.Set;
import org.custodian.mineaction.AccidentRecorded;
import org.custodian.mineaction.Victim;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mine accidents become incidents, linked to the accident, with its casualties counted from its victims and
 * citing its sources (the victims themselves stay in mine action).
 */
@Component
class AccidentIntake {

    private static final Set<Victim.AgeBand> CHILDREN =
            Set.of(Victim.AgeBand.AGE_0_4, Victim.AgeBand.AGE_5_11, Victim.AgeBand.AGE_12_17);

    private final Incidents incidents;

    AccidentIntake(Incidents incidents) {
        this.incidents = incidents;
    }

    @ApplicationModuleListener
    void on(AccidentRecorded accident) {
        incidents.fromAccident(
                accident.accidentId(),
                accident.regionCode(),
                accident.location(),
                accident.occurredAt(),
                accident.timeOfDayKnown() ? Incident.TimePrecision.EXACT : Incident.TimePrecision.DAY,
                casualties(accident.victims()),
                accident.sources(),
                accident.description());
    }

    static Casualties casualties(List<Victim> victims) {
        int[] killed = new int[Victim.Group.values().length];
        int[] injured = new int[Victim.Group.values().length];
        int killedChildren = 0;
        int injuredChildren = 0;
        for (Victim v : victims) {
            boolean child = CHILDREN.contains(v.ageBand());
            if (v.outcome() == Victim.Outcome.KILLED) {
                killed[v.group().ordinal()]++;
                killedChildren += child ? 1 : 0;
            } else {
                injured[v.group().ordinal()]++;
                injuredChildren += child ? 1 : 0;
            }
        }
        return new Casualties(
                killed[Victim.Group.CIVILIAN.ordinal()],
                killed[Victim.Group.POLICE.ordinal()],
                killed[Victim.Group.MILITARY.ordinal()],
                killed[Victim.Group.DEMINER.ordinal()],
                killedChildren,
                injured[Victim.Group.CIVILIAN.ordinal()],
                injured[Victim.Group.POLICE.ordinal()],
                injured[Victim.Group.MILITARY.ordinal()],
                injured[Victim.Group.DEMINER.ordinal()],
                injuredChildren);
    }
}
