package org.custodian.geo;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;

/**
 * A geometry that may not be stored, with the field it came from, the reason in words a GIS officer
 * understands, and where known the offending location. Rendered as a 422 problem.
 */
public final class GeometryRejected extends RuntimeException {

    private final String field;
    private final @Nullable Coordinate location;

    public GeometryRejected(String field, String reason, @Nullable Coordinate location) {
        super(reason);
        this.field = field;
        this.location = location;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }

    public @Nullable Coordinate location() {
        return location;
    }
}
