package org.custodian.incidents;

import org.custodian.mineaction.AccidentRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mine accidents become incidents, linked to the accident (its victims stay in mine action). */
@Component
class AccidentIntake {

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
                accident.killed(),
                accident.injured());
    }
}
