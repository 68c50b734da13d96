package org.custodian.incidents;

/**
 * What happened, with the ACLED event type it falls under (ACLED codebook: battles, explosions/remote
 * violence, violence against civilians, protests, riots, strategic developments), for exchange with
 * analysts who use that model.
 */
public enum IncidentType {
    MINE_EXPLOSION("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ARMED_ATTACK("Battles", "Armed clash"),
    SHELLING("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    CEASEFIRE_VIOLATION("Battles", "Armed clash"),
    TERRORISM("Violence against civilians", "Attack"),
    SABOTAGE("Strategic developments", "Looting/property destruction"),
    ESPIONAGE("Strategic developments", "Other"),
    PUBLIC_ORDER("Riots", "Mob violence"),
    OTHER("Strategic developments", "Other");

    private final String acledEventType;
    private final String acledSubEventType;

    IncidentType(String acledEventType, String acledSubEventType) {
        this.acledEventType = acledEventType;
        this.acledSubEventType = acledSubEventType;
    }

    public String acledEventType() {
        return acledEventType;
    }

    public String acledSubEventType() {
        return acledSubEventType;
    }
}
