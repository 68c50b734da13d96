package org.custodian.geo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A map layer a module offers to the common operational picture (web map, exports, OGC API). The cop
 * module discovers every bean of this type, so a new module adds a layer without editing cop.
 *
 * <p>Implementations filter by the caller's scope themselves: a feature the caller may not see is never
 * returned, whatever the bounding box.
 */
public interface FeatureLayer {

    /** Stable identifier used in URLs, for example {@code regions}. */
    String id();

    /** Human title, in English; pages translate it through the message key {@code layer.<id>}. */
    String title();

    /** Geometry type of the layer's features, as GeoJSON names it. */
    String geometryType();

    /** The type of a property, as exports declare it. */
    enum PropertyType {
        TEXT,
        INTEGER,
        REAL,
        BOOLEAN,
        /** A calendar date: a {@link java.time.LocalDate} or its ISO-8601 text. */
        DATE,
        /** An instant: an {@link Instant}, an {@link java.time.OffsetDateTime} or its ISO-8601 text. */
        DATETIME
    }

    /**
     * The properties the layer's features carry and their types, in order. Exports declare their columns
     * from it, so a column's type does not depend on which values happen to be exported; a property it does
     * not name is typed from its values. The default names none.
     */
    default Map<String, PropertyType> schema() {
        return Map.of();
    }

    /** A schema in the order given, from property names and their types in turn. */
    static Map<String, PropertyType> columns(Object... namesAndTypes) {
        Map<String, PropertyType> schema = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            schema.put((String) namesAndTypes[i], (PropertyType) namesAndTypes[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(schema);
    }

    /**
     * For each property whose values are codes, the prefix of the message keys naming them ({@code status} to
     * {@code incidents.status.}): pop-ups show a code by its name in the reader's language, never as stored.
     */
    default Map<String, String> codes() {
        return Map.of();
    }

    /** The path of a feature's own page, for a pop-up to link to; empty when it has none. */
    default java.util.Optional<String> page(String featureId) {
        return java.util.Optional.empty();
    }

    /** Colour the web map draws the layer in, as a CSS colour. */
    default String color() {
        return "#4b5563";
    }

    /**
     * Features visible to the caller.
     *
     * @param query bounding box (CRS84), time window, paging; any of them may be open
     */
    Page features(Query query);

    /**
     * One feature by its identifier, if the caller may see it. The default scans {@link #features}; layers
     * that can hold many features look it up directly.
     */
    default java.util.Optional<Feature> feature(String id) {
        return features(Query.all()).features().stream()
                .filter(f -> f.id().equals(id))
                .findFirst();
    }

    /**
     * The bounding box of the features the caller may see, or null when there are none. The default scans
     * {@link #features}; layers that can hold many features ask the database.
     */
    default @Nullable Envelope extent() {
        Envelope extent = new Envelope();
        features(Query.all())
                .features()
                .forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        return extent.isNull() ? null : extent;
    }

    /**
     * The features of a query already written as GeoJSON Feature objects, for layers whose database keeps
     * them written (much faster for large pages than decoding and re-encoding them; see {@link
     * RenderedLayers}); empty when the layer does not, and the caller writes {@link #features} instead. Same
     * scope, filter, order and properties.
     */
    default java.util.Optional<RenderedPage> rendered(Query query) {
        return java.util.Optional.empty();
    }

    /**
     * GeoJSON Feature objects in UTF-8, comma-separated, in chunks to be written one after the other, as many
     * as {@code numberReturned}; and the number that matched the query in all, or {@link #UNCOUNTED} when the
     * page is full and more may follow (counting them would cost as much as the page).
     */
    record RenderedPage(List<byte[]> features, int numberReturned, long numberMatched) {

        public static final long UNCOUNTED = -1;

        /**
         * Writes the page as a GeoJSON FeatureCollection: {@code members} written by {@code json}, then the
         * features, chunk by chunk, never joined into one array.
         */
        public void writeCollection(
                Map<String, ?> members, tools.jackson.databind.ObjectMapper json, java.io.OutputStream out)
                throws java.io.IOException {
            var head = new java.io.ByteArrayOutputStream(1024);
            head.write('{');
            members.forEach((name, value) -> {
                head.writeBytes(json.writeValueAsBytes(name));
                head.write(':');
                head.writeBytes(json.writeValueAsBytes(value));
                head.write(',');
            });
            head.writeBytes("\"features\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            head.writeTo(out);
            for (byte[] chunk : features) {
                out.write(chunk);
            }
            out.write(']');
            out.write('}');
        }
    }

    /**
     * A query: every part optional; {@code limit} is at least 1. The time window is closed, {@code from} and
     * {@code to} both included (an instant is a window whose ends are equal); a null end leaves it open. A
     * feature matches when its own time, an instant or a span, touches the window: one rule for every layer,
     * as OGC API - Features defines {@code datetime}.
     */
    record Query(
            @Nullable BoundingBox bbox,
            @Nullable Instant from,
            @Nullable Instant to,
            int offset,
            int limit) {

        public static Query all() {
            return new Query(null, null, null, 0, Integer.MAX_VALUE);
        }

        /** Whether the geometry itself (not only its envelope) touches the bounding box, if there is one. */
        public boolean within(Geometry geometry) {
            return bbox == null || bbox.intersects(geometry);
        }

        /** Whether an instant lies in the time window. */
        public boolean during(Instant at) {
            return during(at, at);
        }

        /** Whether a span of time, both ends included, touches the time window. */
        public boolean during(Instant start, Instant end) {
            return (to == null || !start.isAfter(to)) && (from == null || !end.isBefore(from));
        }

        /** Whether a calendar day (in UTC, from its first instant to the last before the next day) does. */
        public boolean during(java.time.LocalDate day) {
            Instant start = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            return during(start, start.plus(java.time.Duration.ofDays(1)).minusNanos(1));
        }
    }

    /**
     * The layer's vector tile as its database writes it ({@code ST_AsMVT} on PostGIS), following the rules of
     * {@link Tile}, for the features of the query's time window the caller may see (its box and paging are
     * the tile's); empty when the database does not, and the caller writes it from {@link #features}.
     */
    default java.util.Optional<byte[]> tile(Tile tile, Query query) {
        return java.util.Optional.empty();
    }

    /** The property whose day a vector tile carries as {@code date}: the schema's first date or instant. */
    default java.util.Optional<String> dateProperty() {
        return schema().entrySet().stream()
                .filter(e -> e.getValue() == PropertyType.DATE || e.getValue() == PropertyType.DATETIME)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The first and last time of the features the caller may see, for layers whose features are dated; null
     * for undated layers and for dated ones with no features.
     */
    default @Nullable TimeSpan temporalExtent() {
        return null;
    }

    /** From {@code first} to {@code last}, both included. */
    record TimeSpan(Instant first, Instant last) {}

    /** One feature: an identifier, a geometry in SRID 4326 and flat properties. */
    record Feature(String id, Geometry geometry, Map<String, @Nullable Object> properties) {}

    /** A page of features and the number that matched the query in all. */
    record Page(List<Feature> features, long numberMatched) {}
}
