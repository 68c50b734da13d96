package org.custodian.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads and writes JTS geometries as RFC 7946 GeoJSON geometry objects wherever a record holds one.
 * Reading builds SRID 4326 geometries; a geometry JTS cannot even build (an unclosed ring, a ring of two
 * vertices) becomes a {@link GeometryRejected} naming the field, so the caller gets a 422 with the reason.
 */
@Component
public class GeoJsonModule extends SimpleModule {

    public GeoJsonModule() {
        super("custodian-geojson");
        addSerializer(Geometry.class, new GeometryWriter());
        addDeserializer(Geometry.class, new GeometryReader<>(Geometry.class));
        for (Class<? extends Geometry> type : java.util.List.of(
                org.locationtech.jts.geom.Point.class,
                org.locationtech.jts.geom.LineString.class,
                org.locationtech.jts.geom.Polygon.class,
                org.locationtech.jts.geom.MultiPoint.class,
                org.locationtech.jts.geom.MultiLineString.class,
                org.locationtech.jts.geom.MultiPolygon.class)) {
            register(type);
        }
    }

    private <G extends Geometry> void register(Class<G> type) {
        addDeserializer(type, new GeometryReader<>(type));
    }

    /**
     * The GeoJSON text of a geometry, coordinates rounded to 8 decimals (about a millimetre). Written
     * directly rather than through a JSON tree: map layers and OGC pages write thousands per request.
     */
    public static String write(Geometry geometry) {
        StringBuilder out = new StringBuilder(64 + geometry.getNumPoints() * 28);
        write(geometry, out);
        return out.toString();
    }

    private static void write(Geometry g, StringBuilder out) {
        switch (g) {
            case Point p -> {
                out.append("{\"type\":\"Point\",\"coordinates\":");
                if (p.isEmpty()) {
                    out.append("[]");
                } else {
                    position(p.getCoordinate(), out);
                }
            }
            case LinearRing r -> line("LineString", r, out);
            case LineString l -> line("LineString", l, out);
            case Polygon p -> {
                out.append("{\"type\":\"Polygon\",\"coordinates\":");
                rings(p, out);
            }
            case MultiPoint m -> {
                out.append("{\"type\":\"MultiPoint\",\"coordinates\":[");
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    position(m.getGeometryN(i).getCoordinate(), out);
                }
                out.append(']');
            }
            case MultiLineString m -> {
                out.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    positions(m.getGeometryN(i).getCoordinates(), out);
                }
                out.append(']');
            }
            case MultiPolygon m -> {
                out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (int i = 0; i < m.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    rings((Polygon) m.getGeometryN(i), out);
                }
                out.append(']');
            }
            default -> {
                out.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(g.getGeometryN(i), out);
                }
                out.append(']');
            }
        }
        out.append('}');
    }

    private static void line(String type, LineString l, StringBuilder out) {
        out.append("{\"type\":\"").append(type).append("\",\"coordinates\":");
        positions(l.getCoordinates(), out);
    }

    private static void rings(Polygon p, StringBuilder out) {
        out.append('[');
        positions(p.getExteriorRing().getCoordinates(), out);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            out.append(',');
            positions(p.getInteriorRingN(h).getCoordinates(), out);
        }
        out.append(']');
    }

    private static void positions(org.locationtech.jts.geom.Coordinate[] coordinates, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            position(coordinates[i], out);
        }
        out.append(']');
    }

    private static void position(org.locationtech.jts.geom.Coordinate c, StringBuilder out) {
        out.append('[').append(ordinate(c.x)).append(',').append(ordinate(c.y)).append(']');
    }

    private static String ordinate(double value) {
        double rounded = Math.rint(value * 1e8) / 1e8;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15
                ? Long.toString((long) rounded)
                : Double.toString(rounded);
    }

    /**
     * Parses a GeoJSON geometry object into a SRID 4326 geometry, or rejects it with the reason: every
     * position is two numbers, longitude and latitude (an elevation is refused rather than silently
     * dropped, since nothing stores it), and a declared {@code crs} may only be CRS84 or EPSG:4326.
     */
    public static Geometry read(String field, String geoJson) {
        JsonNode node;
        try {
            node = TREES.readTree(geoJson);
        } catch (tools.jackson.core.JacksonException e) {
            throw new GeometryRejected(field, Refusals.NOT_JSON, null);
        }
        return read(field, node);
    }

    private static Geometry read(String field, JsonNode node) {
        checkShape(field, node);
        try {
            return new GeoJsonReader(Wgs84.FACTORY).read(node.toString());
        } catch (ParseException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new GeometryRejected(field, reason(e), null);
        }
    }

    private static final tools.jackson.databind.json.JsonMapper TREES =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** How deep the positions lie in "coordinates", by geometry type. */
    private static final java.util.Map<String, Integer> POSITION_DEPTH = java.util.Map.of(
            "Point", 0, "MultiPoint", 1, "LineString", 1, "MultiLineString", 2, "Polygon", 2, "MultiPolygon", 3);

    /** The names RFC 7946 and the 2008 GeoJSON specification give longitude, latitude on WGS 84. */
    private static final java.util.Set<String> CRS84_NAMES = java.util.Set.of(
            "urn:ogc:def:crs:ogc:1.3:crs84",
            "urn:ogc:def:crs:ogc::crs84",
            "ogc:crs84",
            "crs84",
            "http://www.opengis.net/def/crs/ogc/1.3/crs84",
            "epsg:4326",
            "urn:ogc:def:crs:epsg::4326",
            "urn:ogc:def:crs:epsg:4326",
            "http://www.opengis.net/def/crs/epsg/0/4326");

    /**
     * Refuses a declared coordinate reference system other than CRS84 / EPSG:4326, naming it: the numbers
     * would otherwise be read as degrees whatever they are. Reprojection is not offered.
     */
    public static void requireCrs84(String field, JsonNode crs) {
        if (crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString(null);
        if (name == null) {
            throw new GeometryRejected(field, Refusals.CRS_NOT_NAMED, null);
        }
        if (!CRS84_NAMES.contains(name.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new GeometryRejected(field, Refusals.CRS_NOT_READ, null, name);
        }
    }

    private static void checkShape(String field, JsonNode node) {
        if (!node.isObject() || !node.path("type").isString()) {
            throw new GeometryRejected(field, Refusals.NOT_GEOMETRY_OBJECT, null);
        }
        if (node.has("crs")) {
            requireCrs84(field, node.get("crs"));
        }
        String type = node.get("type").asString();
        if (type.equals("GeometryCollection")) {
            JsonNode parts = node.path("geometries");
            if (!parts.isArray()) {
                throw new GeometryRejected(field, Refusals.COLLECTION_WITHOUT_GEOMETRIES, null);
            }
            for (JsonNode part : parts) {
                checkShape(field, part);
            }
            return;
        }
        Integer depth = POSITION_DEPTH.get(type);
        if (depth == null) {
            throw new GeometryRejected(field, Refusals.UNKNOWN_TYPE, null, type);
        }
        if (!node.has("coordinates")) {
            throw new GeometryRejected(field, Refusals.NO_COORDINATES, null, type);
        }
        checkPositions(field, type, node.get("coordinates"), depth);
    }

    private static void checkPositions(String field, String type, JsonNode coordinates, int depth) {
        if (!coordinates.isArray()) {
            throw depth == 0
                    ? new GeometryRejected(field, Refusals.POSITION_NOT_LIST, null)
                    : new GeometryRejected(field, Refusals.COORDINATES_NOT_NESTED, null, type);
        }
        if (depth > 0) {
            for (JsonNode inner : coordinates) {
                checkPositions(field, type, inner, depth - 1);
            }
            return;
        }
        for (JsonNode number : coordinates) {
            if (!number.isNumber()) {
                throw new GeometryRejected(field, Refusals.POSITION_NOT_NUMBER, null, number);
            }
        }
        int size = coordinates.size();
        if (size < 2) {
            throw new GeometryRejected(field, Refusals.POSITION_TOO_SHORT, null, coordinates, size);
        }
        if (size == 3) {
            throw new GeometryRejected(field, Refusals.POSITION_HAS_ELEVATION, null, coordinates);
        }
        if (size > 3) {
            throw new GeometryRejected(field, Refusals.POSITION_TOO_LONG, null, size, coordinates);
        }
    }

    /** JTS wraps the real trouble (an unclosed ring) in a generic parse error: say the real trouble. */
    private static Refusals reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("closed linestring")) {
                return Refusals.POLYGON_RING_NOT_CLOSED;
            }
            if (message.contains("Invalid number of points in LinearRing")) {
                return Refusals.POLYGON_RING_TOO_SHORT;
            }
        }
        // The reader's own words name its internals; the shape was checked above, so this is rare.
        return Refusals.NOT_READABLE;
    }

    private static final class GeometryWriter extends ValueSerializer<Geometry> {
        @Override
        public void serialize(Geometry value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeRawValue(write(value));
        }
    }

    private static final class GeometryReader<G extends Geometry> extends ValueDeserializer<G> {
        private final Class<G> type;

        GeometryReader(Class<G> type) {
            this.type = type;
        }

        @Override
        public G deserialize(JsonParser p, DeserializationContext ctxt) {
            String field = p.currentName() == null ? "geometry" : p.currentName();
            JsonNode node = ctxt.readTree(p);
            Geometry geometry = read(field, node);
            if (!type.isInstance(geometry)) {
                throw new GeometryRejected(
                        field, Refusals.WRONG_TYPE, null, type.getSimpleName(), geometry.getGeometryType());
            }
            return type.cast(geometry);
        }
    }
}
