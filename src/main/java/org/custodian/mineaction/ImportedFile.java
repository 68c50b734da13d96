package org.custodian.mineaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.GeoPackageFiles;
import org.custodian.geo.GeometryRejected;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The features of an uploaded file, a GeoJSON FeatureCollection or (by its name, {@code .gpkg}) a GeoPackage:
 * how many it holds, counted without reading them, and each in turn. A GeoPackage is kept in a temporary file
 * until {@link #close}; its geometries arrive in WGS 84 and its attributes with their column types.
 */
abstract sealed class ImportedFile implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One feature: its place in the file (from 1), geometry, attributes, or why it cannot be read. */
    record Feature(
            int index,
            @Nullable Geometry geometry,
            Map<String, @Nullable Object> properties,
            @Nullable GeometryRejected problem) {

        /** The attribute as text, stripped; null when absent or blank. */
        @Nullable
        String text(String name) {
            Object value = properties.get(name);
            return value == null || value.toString().isBlank()
                    ? null
                    : value.toString().strip();
        }

        /** The attribute as one of the constants of {@code type}, whatever its case; the fallback when absent. */
        <E extends Enum<E>> E value(Class<E> type, String name, E fallback) {
            return constant(type, text(name), fallback);
        }

        /** Comma-separated contamination categories; UNKNOWN when none is given. */
        Set<Contamination> contamination(String name) {
            String text = text(name);
            if (text == null) {
                return EnumSet.of(Contamination.UNKNOWN);
            }
            Set<Contamination> out = EnumSet.noneOf(Contamination.class);
            for (String part : text.replaceAll("[\\[\\]\"]", "").split(",")) {
                if (!part.isBlank()) {
                    out.add(constant(Contamination.class, part.strip(), Contamination.UNKNOWN));
                }
            }
            return out.isEmpty() ? EnumSet.of(Contamination.UNKNOWN) : out;
        }

        /** The date an attribute gives: a date, an instant (its day in {@code zone}), or ISO-8601 text of either. */
        @Nullable
        LocalDate date(String name, ZoneId zone) {
            Object value = properties.get(name);
            if (value == null || value.toString().isBlank()) {
                return null;
            }
            if (value instanceof LocalDate d) {
                return d;
            }
            if (value instanceof Instant i) {
                return LocalDate.ofInstant(i, zone);
            }
            String text = value.toString().strip();
            try {
                return text.length() > 10
                        ? LocalDate.ofInstant(OffsetDateTime.parse(text).toInstant(), zone)
                        : LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw new RuleViolated(name, Refusals.NOT_A_DATE, text);
            }
        }

        private static <E extends Enum<E>> E constant(Class<E> type, @Nullable String text, E fallback) {
            if (text == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new RuleViolated(
                        type.getSimpleName().toLowerCase(Locale.ROOT),
                        Refusals.NOT_ONE_OF,
                        text,
                        Arrays.toString(type.getEnumConstants()));
            }
        }
    }

    /**
     * The file, by its name and content.
     *
     * @throws RuleViolated when it is neither a GeoJSON FeatureCollection nor a GeoPackage that can be read
     */
    static ImportedFile of(String fileName, byte[] content) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gpkg") ? new GeoPackage(content) : new GeoJson(content);
    }

    /** How many features the file holds. */
    abstract long count();

    /**
     * Hands each feature to {@code consumer}, in file order; what the consumer throws reaches the caller.
     *
     * @throws RuleViolated when the file turns out unreadable, or a GeoPackage's coordinate system cannot be
     *     converted
     */
    abstract void each(Consumer<Feature> consumer);

    @Override
    public void close() {}

    private static final class GeoJson extends ImportedFile {

        private final JsonNode features;

        GeoJson(byte[] content) {
            JsonNode root;
            try {
                root = JSON.readTree(content);
            } catch (JacksonException e) {
                throw new RuleViolated("file", Refusals.NOT_GEOJSON, e.getOriginalMessage());
            }
            features = root.path("features");
            if (!"FeatureCollection".equals(root.path("type").asString(null)) || !features.isArray()) {
                throw new RuleViolated("file", Refusals.EXPECTED_GEOJSON_FEATURECOLLECTION);
            }
            if (root.has("crs")) {
                GeoJsonModule.requireCrs84("crs", root.get("crs"));
            }
        }

        @Override
        long count() {
            return features.size();
        }

        @Override
        void each(Consumer<Feature> consumer) {
            int index = 0;
            for (JsonNode feature : features) {
                consumer.accept(feature(++index, feature));
            }
        }

        private static Feature feature(int index, JsonNode feature) {
            Map<String, @Nullable Object> properties = new LinkedHashMap<>();
            feature.path("properties")
                    .properties()
                    .forEach(e -> properties.put(
                            e.getKey(),
                            e.getValue().isNull()
                                    ? null
                                    : e.getValue().isString()
                                            ? e.getValue().asString()
                                            : e.getValue().toString()));
            try {
                return new Feature(
                        index,
                        GeoJsonModule.read("geometry", feature.path("geometry").toString()),
                        properties,
                        null);
            } catch (GeometryRejected e) {
                return new Feature(index, null, properties, e);
            }
        }
    }

    private static final class GeoPackage extends ImportedFile {

        private final Path file;
        private final long count;

        GeoPackage(byte[] content) {
            Path written = null;
            try {
                written = Files.createTempFile("custodian-import", ".gpkg");
                Files.write(written, content);
                this.count = GeoPackageFiles.countFeatures(written);
                this.file = written;
            } catch (IOException e) {
                delete(written);
                throw new RuleViolated("file", Refusals.GEOPACKAGE_NOT_READ, e.getMessage());
            }
        }

        @Override
        long count() {
            return count;
        }

        @Override
        void each(Consumer<Feature> consumer) {
            int[] index = {0};
            try {
                GeoPackageFiles.read(
                        file, f -> consumer.accept(new Feature(++index[0], f.geometry(), f.properties(), null)));
            } catch (IOException e) {
                throw new RuleViolated("file", Refusals.GEOPACKAGE_NOT_READ, e.getMessage());
            }
        }

        @Override
        public void close() {
            delete(file);
        }

        private static void delete(@Nullable Path file) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // Left behind in the temporary folder, which the system empties; the import stands.
                }
            }
        }
    }
}
