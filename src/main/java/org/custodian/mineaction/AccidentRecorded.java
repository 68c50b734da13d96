package org.custodian.mineaction;

import java.time.Instant;
import org.locationtech.jts.geom.Point;

/**
 * A mine accident was recorded. Facilities flags roads near it; incidents may link it.
 *
 * @param location where it happened, WGS 84
 */
public record AccidentRecorded(
        long accidentId, String regionCode, Point location, Instant occurredAt, int killed, int injured) {}
