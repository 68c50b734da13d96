package org.custodian.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * One Mapbox Vector Tile of the web map, in the Web Mercator tile grid (EPSG:3857, x from the west, y from the
 * north), and the rules every writer of a layer's tile follows, so a tile written by the database
 * ({@code ST_AsMVT}) and one written in Java hold the same features:
 *
 * <ul>
 *   <li>extent {@value #EXTENT}, buffer {@value #BUFFER} (features are clipped to the tile grown by the buffer);
 *   <li>one layer named after the {@link FeatureLayer#id()}, each feature carrying {@code id} (text), the layer's
 *       code properties ({@link FeatureLayer#codes()}, as stored) and, for dated layers, {@code date}: the day
 *       (UTC, {@code yyyy-MM-dd}) of the first {@code DATE} or {@code DATETIME} property of its schema;
 *   <li>a line or polygon smaller than a pixel ({@link #pixel()}: neither side of its box in Web Mercator reaches
 *       it) is drawn as a point at its centroid (in degrees), with its properties: at the tile's resolution it is a
 *       dot, and a shape quantised to the grid might vanish; larger ones are simplified to the pixel (topology
 *       preserved) before they are quantised to the grid;
 *   <li>up to zoom {@value #CLUSTER_MAX_ZOOM}, points lying in the tile (those drawn as points above included) are
 *       grouped by cells of 1/{@value #CLUSTER_CELLS} of the tile's side: a cell holding several becomes one point at
 *       their mean position (in degrees) carrying only {@code count}; a cell holding one keeps it as it is, a point.
 *       Other geometries are never grouped.
 * </ul>
 *
 * So a tile at region zoom holds a bounded number of features however many small records the region holds, and
 * every record still shows: as its shape, as a point or counted in a group.
 */
public record Tile(int z, int x, int y) {

    public static final int EXTENT = 4096;
    public static final int BUFFER = 64;
    public static final int CLUSTER_MAX_ZOOM = 12;
    public static final int CLUSTER_CELLS = 8;
    public static final int MAX_ZOOM = 24;

    /** Pixels along a tile's side as a web map draws it (MapLibre's vector tiles are 512 pixels wide). */
    public static final int PIXELS = 512;

    /** Half the side of the Web Mercator world, in metres. */
    public static final double HALF_WORLD = 20037508.342789244;

    /** Checked by whoever parses the address, which words the refusal; here only as a guard. */
    public Tile {
        if (!exists(z, x, y)) {
            throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y);
        }
    }

    /** Whether the grid has a tile at this address. */
    public static boolean exists(int z, int x, int y) {
        return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
    }

    /** The tile's side in metres. */
    public double side() {
        return 2 * HALF_WORLD / (1L << z);
    }

    /** The tile in EPSG:3857 metres. */
    public Envelope envelope() {
        double side = side();
        double west = -HALF_WORLD + x * side;
        double north = HALF_WORLD - y * side;
        return new Envelope(west, west + side, north - side, north);
    }

    /** The tile grown by the buffer, in EPSG:3857 metres: what a feature must touch to be drawn. */
    public Envelope buffered() {
        Envelope e = envelope();
        e.expandBy(side() * BUFFER / EXTENT);
        return e;
    }

    /** The buffered tile in CRS84, for a layer's query. */
    public BoundingBox bbox() {
        Envelope e = buffered();
        return new BoundingBox(
                Math.max(-180, longitude(e.getMinX())),
                Math.max(-90, latitude(e.getMinY())),
                Math.min(180, longitude(e.getMaxX())),
                Math.min(90, latitude(e.getMaxY())));
    }

    /** Whether points are grouped at this zoom. */
    public boolean clusters() {
        return z <= CLUSTER_MAX_ZOOM;
    }

    /** The side of a pixel, in metres: the tile's resolution, to which shapes are simplified. */
    public double pixel() {
        return side() / PIXELS;
    }

    /**
     * Whether a line or polygon with this box (CRS84) is smaller than a pixel and so drawn as a point; the same
     * sums as the database's (Web Mercator's formula, not a library's projection), so both writers agree.
     */
    public boolean belowPixel(Envelope lonLat) {
        double pixel = pixel();
        return mercatorX(lonLat.getMaxX()) - mercatorX(lonLat.getMinX()) < pixel
                && mercatorY(lonLat.getMaxY()) - mercatorY(lonLat.getMinY()) < pixel;
    }

    /** The side of a cluster cell, in metres. */
    public double cell() {
        return side() / CLUSTER_CELLS;
    }

    public static double mercatorX(double longitude) {
        return longitude * HALF_WORLD / 180;
    }

    public static double mercatorY(double latitude) {
        double clamped = Math.max(-85.05112878, Math.min(85.05112878, latitude));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * HALF_WORLD / Math.PI;
    }

    static double longitude(double mercatorX) {
        return mercatorX * 180 / HALF_WORLD;
    }

    static double latitude(double mercatorY) {
        return Math.toDegrees(2 * Math.atan(Math.exp(mercatorY * Math.PI / HALF_WORLD)) - Math.PI / 2);
    }
}
