package org.custodian.mineaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeoJsonModule;
import org.custodian.geo.GeoPackageFiles;
import org.custodian.geo.GeometryRejected;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports hazard areas from a GeoJSON FeatureCollection or a GeoPackage, all or nothing: every feature is
 * checked by the same rules as a single record, the only repair made is dropping a vertex repeated right
 * after itself (and it is reported), and if any feature is rejected nothing at all is written.
 *
 * <p>Feature attributes read: {@code name}, {@code classification} (SHA or CHA, default SHA), {@code
 * contamination} (comma-separated categories, default UNKNOWN), {@code priority} (default MEDIUM), {@code
 * recorded_on} (ISO date), and {@code region_code} when no region is given for the whole file.
 */
@Service
public class HazardAreaImport {

    /** What happened to one feature of the file. */
    public record Outcome(
            int feature,
            String status,
            @Nullable String reference,
            @Nullable String reason) {}

    /** The report of an import: whether anything was written and what happened to each feature. */
    public record Report(boolean written, int accepted, int repaired, int rejected, List<Outcome> features) {}

    private final MineAction mineAction;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    HazardAreaImport(MineAction mineAction, TransactionTemplate transaction) {
        this.mineAction = mineAction;
        this.transaction = transaction;
    }

    private record Candidate(
            int index,
            @Nullable Geometry geometry,
            Map<String, @Nullable Object> properties,
            @Nullable String problem) {}

    public Report importFile(Scope scope, String fileName, byte[] content, @Nullable String regionCode) {
        List<Candidate> candidates =
                fileName.toLowerCase(Locale.ROOT).endsWith(".gpkg") ? fromGeoPackage(content) : fromGeoJson(content);
        if (candidates.isEmpty()) {
            throw new RuleViolated("file", "the file holds no features");
        }
        List<Outcome> outcomes = new ArrayList<>();
        Boolean written = transaction.execute(status -> {
            boolean failed = false;
            for (Candidate c : candidates) {
                Outcome outcome = record(scope, c, regionCode);
                failed |= outcome.status().equals("rejected");
                outcomes.add(outcome);
            }
            if (failed) {
                status.setRollbackOnly();
            }
            return !failed;
        });
        boolean done = Boolean.TRUE.equals(written);
        List<Outcome> reported = done
                ? outcomes
                : outcomes.stream()
                        .map(o -> o.status().equals("rejected")
                                ? o
                                : new Outcome(o.feature(), o.status() + " (not written)", null, o.reason()))
                        .toList();
        return new Report(
                done,
                (int) outcomes.stream()
                        .filter(o -> o.status().equals("accepted"))
                        .count(),
                (int) outcomes.stream()
                        .filter(o -> o.status().equals("repaired"))
                        .count(),
                (int) outcomes.stream()
                        .filter(o -> o.status().equals("rejected"))
                        .count(),
                reported);
    }

    private Outcome record(Scope scope, Candidate c, @Nullable String regionCode) {
        if (c.problem() != null || c.geometry() == null) {
            return new Outcome(
                    c.index(), "rejected", null, c.problem() == null ? "the feature has no geometry" : c.problem());
        }
        Map<String, @Nullable Object> p = c.properties();
        try {
            Geometry cleaned = withoutRepeatedVertices(c.geometry());
            int dropped = c.geometry().getNumPoints() - cleaned.getNumPoints();
            String region = regionCode != null ? regionCode : text(p, "region_code");
            if (region == null) {
                throw new RuleViolated("region_code", "no region given for the file or the feature");
            }
            HazardArea area = mineAction.recordHazardArea(
                    scope,
                    new MineAction.HazardAreaDraft(
                            region,
                            text(p, "name") == null ? "Imported hazard area " + c.index() : text(p, "name"),
                            value(
                                    HazardArea.Classification.class,
                                    text(p, "classification"),
                                    HazardArea.Classification.SHA),
                            value(HazardArea.Priority.class, text(p, "priority"), HazardArea.Priority.MEDIUM),
                            contamination(text(p, "contamination")),
                            cleaned,
                            text(p, "recorded_on") == null ? null : java.time.LocalDate.parse(text(p, "recorded_on")),
                            Set.of()));
            return dropped > 0
                    ? new Outcome(c.index(), "repaired", area.reference(), "removed " + dropped + " repeated vertices")
                    : new Outcome(c.index(), "accepted", area.reference(), null);
        } catch (GeometryRejected e) {
            return new Outcome(c.index(), "rejected", null, e.reason());
        } catch (RuleViolated e) {
            return new Outcome(c.index(), "rejected", null, e.field() + ": " + e.getMessage());
        } catch (ConflictWithState
                | IllegalArgumentException
                | java.time.DateTimeException
                | org.springframework.security.access.AccessDeniedException e) {
            return new Outcome(c.index(), "rejected", null, e.getMessage());
        }
    }

    private List<Candidate> fromGeoJson(byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new RuleViolated("file", "not GeoJSON: " + e.getOriginalMessage());
        }
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asString(null)) || !features.isArray()) {
            throw new RuleViolated("file", "expected a GeoJSON FeatureCollection");
        }
        if (root.has("crs")) {
            GeoJsonModule.requireCrs84("crs", root.get("crs"));
        }
        List<Candidate> out = new ArrayList<>();
        int index = 0;
        for (JsonNode feature : features) {
            index++;
            Map<String, @Nullable Object> properties = new java.util.LinkedHashMap<>();
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
                out.add(new Candidate(
                        index,
                        GeoJsonModule.read("geometry", feature.path("geometry").toString()),
                        properties,
                        null));
            } catch (GeometryRejected e) {
                out.add(new Candidate(index, null, properties, e.reason()));
            }
        }
        return out;
    }

    private static List<Candidate> fromGeoPackage(byte[] content) {
        try {
            Path file = Files.createTempFile("custodian-import", ".gpkg");
            try {
                Files.write(file, content);
                List<Candidate> out = new ArrayList<>();
                int index = 0;
                for (GeoPackageFiles.ReadFeature f : GeoPackageFiles.read(file)) {
                    out.add(new Candidate(++index, f.geometry(), f.properties(), null));
                }
                return out;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new RuleViolated("file", "not a readable GeoPackage: " + e.getMessage());
        }
    }

    /** Drops each vertex that repeats the one before it; the only repair an import makes. */
    static Geometry withoutRepeatedVertices(Geometry geometry) {
        if (geometry instanceof Polygon p) {
            return clean(p);
        }
        if (geometry instanceof MultiPolygon m) {
            Polygon[] parts = new Polygon[m.getNumGeometries()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = clean((Polygon) m.getGeometryN(i));
            }
            return Wgs84.FACTORY.createMultiPolygon(parts);
        }
        return geometry;
    }

    private static Polygon clean(Polygon p) {
        LinearRing shell = ring(p.getExteriorRing().getCoordinates());
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int h = 0; h < holes.length; h++) {
            holes[h] = ring(p.getInteriorRingN(h).getCoordinates());
        }
        return Wgs84.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(Coordinate[] coordinates) {
        Coordinate[] distinct = CoordinateArrays.removeRepeatedPoints(coordinates);
        // A ring reduced below four positions stays as it was, so the rules report it rather than JTS failing.
        return Wgs84.FACTORY.createLinearRing(distinct.length >= 4 ? distinct : coordinates);
    }

    private static @Nullable String text(Map<String, @Nullable Object> properties, String name) {
        Object value = properties.get(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static <E extends Enum<E>> E value(Class<E> type, @Nullable String text, E fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new RuleViolated(
                    type.getSimpleName().toLowerCase(Locale.ROOT),
                    "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Set<Contamination> contamination(@Nullable String text) {
        if (text == null) {
            return EnumSet.of(Contamination.UNKNOWN);
        }
        Set<Contamination> out = EnumSet.noneOf(Contamination.class);
        for (String part : text.replaceAll("[\\[\\]\"]", "").split(",")) {
            if (!part.isBlank()) {
                out.add(value(Contamination.class, part.strip(), Contamination.UNKNOWN));
            }
        }
        return out.isEmpty() ? EnumSet.of(Contamination.UNKNOWN) : out;
    }
}
