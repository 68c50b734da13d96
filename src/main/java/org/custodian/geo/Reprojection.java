package org.custodian.geo;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Moves geometries from the coordinate system a file declares to WGS 84 longitude/latitude (SRID 4326), with
 * proj4j and its copy of the EPSG registry. Positions are read easting (or longitude) first, as GeoPackage and
 * GeoJSON store them. Not thread-safe: proj4j transforms keep state; make one per file.
 */
final class Reprojection {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private final @Nullable CoordinateTransform transform;

    private Reprojection(@Nullable CoordinateTransform transform) {
        this.transform = transform;
    }

    /**
     * The reprojection from {@code authority:code} to WGS 84; none is needed for EPSG:4326 (and CRS84).
     *
     * @param label how the file names the coordinate system, for the refusal
     * @throws IllegalArgumentException naming the coordinate system when proj4j does not know it
     */
    static Reprojection from(@Nullable String authority, long code, String label) {
        String org = authority == null ? "" : authority.strip().toUpperCase(Locale.ROOT);
        if ((org.equals("EPSG") && code == Wgs84.SRID) || (org.equals("OGC") && code == 84)) {
            return new Reprojection(null);
        }
        if (!org.equals("EPSG")) {
            throw new IllegalArgumentException("the coordinate system " + label + " (" + authority + ":" + code
                    + ") is not an EPSG one; write the file in WGS 84 or an EPSG coordinate system");
        }
        CoordinateReferenceSystem source;
        try {
            source = CRS.createFromName("EPSG:" + code);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    "the coordinate system " + label + " (EPSG:" + code + ") is not one this server can convert");
        }
        if (source == null) {
            throw new IllegalArgumentException(
                    "the coordinate system " + label + " (EPSG:" + code + ") is not one this server can convert");
        }
        return new Reprojection(TRANSFORMS.createTransform(source, CRS.createFromName("EPSG:4326")));
    }

    /** The geometry in WGS 84, SRID 4326: the same object when no reprojection is needed. */
    Geometry apply(Geometry geometry) {
        CoordinateTransform t = transform;
        if (t == null) {
            geometry.setSRID(Wgs84.SRID);
            return geometry;
        }
        Geometry moved = geometry.copy();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        moved.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                t.transform(in, out);
                seq.setOrdinate(i, CoordinateSequence.X, out.x);
                seq.setOrdinate(i, CoordinateSequence.Y, out.y);
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
        moved.geometryChanged();
        moved.setSRID(Wgs84.SRID);
        return moved;
    }
}
