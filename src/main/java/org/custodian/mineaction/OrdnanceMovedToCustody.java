package org.custodian.mineaction;

import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** An explosive-ordnance find was moved to custody; the custody module can register the items. */
public record OrdnanceMovedToCustody(
        long findId,
        String regionCode,
        Point location,
        Contamination category,
        String description,
        int quantity,
        LocalDate foundOn) {}
