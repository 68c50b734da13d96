package org.custodian.incidents;

import jakarta.persistence.Embeddable;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RuleViolated;

/**
 * People killed and injured, by who they were, as the reporting agency reported them; children are counted
 * again among them. Other sources' totals are kept as reported figures beside the incident.
 */
@Embeddable
public record Casualties(
        int killedCivilian,
        int killedPolice,
        int killedMilitary,
        int killedDeminer,
        int killedChildren,
        int injuredCivilian,
        int injuredPolice,
        int injuredMilitary,
        int injuredDeminer,
        int injuredChildren) {

    public static final Casualties NONE = new Casualties(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Casualties {
        int[] all = {
            killedCivilian, killedPolice, killedMilitary, killedDeminer, killedChildren,
            injuredCivilian, injuredPolice, injuredMilitary, injuredDeminer, injuredChildren
        };
        for (int n : all) {
            if (n < 0) {
                throw new RuleViolated("casualties", CommonRefusals.NUMBER_PEOPLE_CANNOT_NEGATIVE);
            }
        }
        if (killedChildren > killed(killedCivilian, killedPolice, killedMilitary, killedDeminer)) {
            throw new RuleViolated("casualties.killedChildren", Refusals.MORE_CHILDREN_KILLED_PEOPLE_KILLED);
        }
        if (injuredChildren > killed(injuredCivilian, injuredPolice, injuredMilitary, injuredDeminer)) {
            throw new RuleViolated("casualties.injuredChildren", Refusals.MORE_CHILDREN_INJURED_PEOPLE_INJURED);
        }
    }

    private static int killed(int a, int b, int c, int d) {
        return a + b + c + d;
    }

    public int killed() {
        return killed(killedCivilian, killedPolice, killedMilitary, killedDeminer);
    }

    public int injured() {
        return killed(injuredCivilian, injuredPolice, injuredMilitary, injuredDeminer);
    }
}
