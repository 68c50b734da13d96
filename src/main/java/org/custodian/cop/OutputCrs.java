package org.custodian.cop;

import java.util.List;
import org.custodian.geo.BoundingBox;
import org.custodian.platform.InvalidParameter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems OGC API - Features Part 2 lets a client ask for: CRS84 (longitude,
 * latitude: what is stored), EPSG:4326 (the same datum with latitude first, as that CRS defines its axes) and
 * EPSG:3857 (Web Mercator, in metres, for web maps), projected with proj4j.
 */
enum OutputCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326"),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857");

    /** Web Mercator's latitude limit: beyond it the projection runs to infinity. */
    private static final double MERCATOR_LIMIT = 85.05112878;

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateTransform TO_MERCATOR;
    private static final CoordinateTransform FROM_MERCATOR;

    static {
        var wgs84 = FACTORY.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        var mercator = FACTORY.createFromParameters(
                "EPSG:3857",
                "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null"
                        + " +no_defs");
        var transforms = new CoordinateTransformFactory();
        TO_MERCATOR = transforms.createTransform(wgs84, mercator);
        FROM_MERCATOR = transforms.createTransform(mercator, wgs84);
    }

    final String uri;

    OutputCrs(String uri) {
        this.uri = uri;
    }

    static List<String> uris() {
        return java.util.Arrays.stream(values()).map(c -> c.uri).toList();
    }

    /** The CRS a parameter names, by its URI; absent means CRS84. */
    static OutputCrs of(String parameter, @org.jspecify.annotations.Nullable String uri) {
        if (uri == null) {
            return CRS84;
        }
        for (OutputCrs crs : values()) {
            if (crs.uri.equals(uri)) {
                return crs;
            }
        }
        throw new InvalidParameter(parameter, Refusals.NOT_OFFERED, uri, uris());
    }

    /** A stored geometry (CRS84) in this CRS: a copy, the stored one untouched. */
    Geometry fromCrs84(Geometry geometry) {
        return transformed(geometry, true);
    }

    /** A geometry given in this CRS (a filter's, say) in CRS84: a copy. */
    Geometry toCrs84(Geometry geometry) {
        return transformed(geometry, false);
    }

    private Geometry transformed(Geometry geometry, boolean fromCrs84) {
        if (this == CRS84) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                if (OutputCrs.this == EPSG_4326) {
                    seq.setOrdinate(i, 0, y);
                    seq.setOrdinate(i, 1, x);
                } else if (!fromCrs84) {
                    ProjCoordinate out = new ProjCoordinate();
                    FROM_MERCATOR.transform(new ProjCoordinate(x, y), out);
                    seq.setOrdinate(i, 0, out.x);
                    seq.setOrdinate(i, 1, out.y);
                } else {
                    ProjCoordinate out = new ProjCoordinate();
                    TO_MERCATOR.transform(
                            new ProjCoordinate(x, Math.max(-MERCATOR_LIMIT, Math.min(MERCATOR_LIMIT, y))), out);
                    seq.setOrdinate(i, 0, out.x);
                    seq.setOrdinate(i, 1, out.y);
                }
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /**
     * A box given in this CRS (lower corner first, in its axis order) as a CRS84 box; {@code numbers} are the
     * four of the corners.
     */
    BoundingBox toCrs84(double[] numbers) {
        return switch (this) {
            case CRS84 -> LayerController.box(numbers[0], numbers[1], numbers[2], numbers[3]);
            case EPSG_4326 -> LayerController.box(numbers[1], numbers[0], numbers[3], numbers[2]);
            case EPSG_3857 -> {
                ProjCoordinate lower = new ProjCoordinate();
                ProjCoordinate upper = new ProjCoordinate();
                FROM_MERCATOR.transform(new ProjCoordinate(numbers[0], numbers[1]), lower);
                FROM_MERCATOR.transform(new ProjCoordinate(numbers[2], numbers[3]), upper);
                yield LayerController.box(lower.x, lower.y, upper.x, upper.y);
            }
        };
    }
}
