package org.custodian.mineaction;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Point;

/**
 * A mine accident was recorded. Facilities flags roads near it; incidents records it as an incident with the
 * same casualties and sources.
 *
 * @param location where it happened, WGS 84
 * @param timeOfDayKnown false when only the day is known (the instant is then noon of that day in the region)
 * @param victims each person harmed, as recorded
 * @param sources the ids of the sources the accident cites
 */
public record AccidentRecorded(
        long accidentId,
        String regionCode,
        Point location,
        Instant occurredAt,
        boolean timeOfDayKnown,
        List<Victim> victims,
        Set<Long> sources,
        @org.jspecify.annotations.Nullable String description) {

    public AccidentRecorded {
        victims = List.copyOf(victims);
        sources = Set.copyOf(sources);
    }

    public int killed() {
        return count(Victim.Outcome.KILLED);
    }

    public int injured() {
        return count(Victim.Outcome.INJURED);
    }

    private int count(Victim.Outcome outcome) {
        return (int) victims.stream().filter(v -> v.outcome() == outcome).count();
    }
}
