package org.custodian.mineaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.geo.GeometryRejected;
import org.custodian.geo.Wgs84;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Imports hazard areas from a GeoJSON FeatureCollection or a GeoPackage, all or nothing: every feature is
 * checked by the same rules as a single record, the only repair made is dropping a vertex repeated right
 * after itself (and it is reported), and if any feature is rejected nothing at all is written.
 *
 * <p>Feature attributes read: {@code name}, {@code classification} (SHA or CHA, default SHA), {@code
 * contamination} (comma-separated categories, default UNKNOWN), {@code priority} (default MEDIUM), {@code
 * recorded_on} (a date, or ISO date text), and {@code region_code} when no region is given for the whole file.
 * GeoPackage geometries are moved from the coordinate system the file declares to WGS 84.
 *
 * <p>Bounded and synchronous: a file holding more than {@code custodian.mineaction.import-max-features}
 * features is refused before any is read, and an import still running at {@code
 * custodian.mineaction.import-deadline} stops and writes nothing (by then its caller has usually given up).
 * Features are written in batches of {@value #BATCH}, the persistence context emptied after each, so the
 * time taken grows with the number of features and not with its square.
 *
 * <p>Importing a feature already imported (same region, attributes and geometry: the same content hash)
 * writes nothing for it and reports it as {@code unchanged}, with the reference of the area made from it.
 */
@Service
public class HazardAreaImport {

    /** Features written between two flushes of the persistence context. */
    static final int BATCH = 500;

    /**
     * What happened to one feature of the file: {@code accepted}, {@code repaired}, {@code unchanged} (already
     * imported; {@code reference} names the area) or {@code rejected}; when anything was rejected the others
     * read {@code accepted (not written)} or {@code repaired (not written)}.
     */
    public record Outcome(
            int feature,
            String status,
            @Nullable String reference,
            @Nullable String reason,
            // The reason for the page, said in its language; the API gives the English one above.
            @JsonIgnore @Nullable Reason said) {

        Outcome(int feature, String status, @Nullable String reference, @Nullable Reason said) {
            this(feature, status, reference, said == null ? null : said.english(), said);
        }
    }

    /** The report of an import: whether anything was written and what happened to each feature. */
    public record Report(
            boolean written, int accepted, int repaired, int unchanged, int rejected, List<Outcome> features) {

        /** Whether the import recorded any new hazard area. */
        public boolean created() {
            return written && accepted + repaired > 0;
        }
    }

    private final MineAction mineAction;
    private final HazardAreas hazardAreas;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final long maxFeatures;
    private final Duration deadline;

    HazardAreaImport(
            MineAction mineAction,
            HazardAreas hazardAreas,
            EntityManager entityManager,
            TransactionTemplate transaction,
            org.springframework.context.ApplicationEventPublisher events,
            @Value("${custodian.mineaction.import-max-features:20000}") long maxFeatures,
            @Value("${custodian.mineaction.import-deadline:PT2M}") Duration deadline) {
        this.mineAction = mineAction;
        this.hazardAreas = hazardAreas;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.events = events;
        this.maxFeatures = maxFeatures;
        this.deadline = deadline;
    }

    /**
     * Imports the file in one transaction.
     *
     * @throws RuleViolated when the file cannot be read, holds no features or more than the cap allows
     * @throws ConflictWithState when another write to the same hazard areas got in the way; nothing was written
     * @throws ResponseStatusException (503) when the deadline passed; nothing was written
     */
    public Report importFile(Scope scope, String fileName, byte[] content, @Nullable String regionCode) {
        return importFile(scope, fileName, content, regionCode, Instant.now().plus(deadline));
    }

    Report importFile(Scope scope, String fileName, byte[] content, @Nullable String regionCode, Instant stopAt) {
        try (ImportedFile source = ImportedFile.of(fileName, content)) {
            long count = source.count();
            if (count == 0) {
                throw new RuleViolated("file", Refusals.FILE_HOLDS_NO_FEATURES);
            }
            if (count > maxFeatures) {
                throw new RuleViolated(
                        "file",
                        Refusals.TOO_MANY_FEATURES,
                        String.format(Locale.ROOT, "%,d", count),
                        String.format(Locale.ROOT, "%,d", maxFeatures));
            }
            Run run = new Run(scope, regionCode, stopAt, (int) count);
            try {
                transaction.executeWithoutResult(status -> {
                    source.each(run::add);
                    run.endBatch();
                    if (run.failed) {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException e) {
                if (concurrentWrite(e)) {
                    throw new ConflictWithState(Refusals.HAZARD_AREAS_REGION_BEING_WRITTEN);
                }
                throw e;
            }
            return run.report();
        }
    }

    /**
     * Whether the write failed because another transaction wrote the same rows first or held them too long:
     * a unique reference taken meanwhile, a lock wait that timed out, a deadlock. The caller may retry.
     */
    static boolean concurrentWrite(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.PessimisticLockingFailureException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23505 unique violation; 40001 serialization failure; 40P01 deadlock; 55P03 lock not
                // available (PostgreSQL); HYT00 lock timeout (H2).
                if (Set.of("23505", "40001", "40P01", "55P03", "HYT00").contains(state)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** One import under way: the batch being prepared, the outcomes so far, the references handed out. */
    private final class Run {

        private final Scope scope;
        private final @Nullable String regionCode;
        private final Instant stopAt;
        private final List<@Nullable Outcome> outcomes;
        private final List<Prepared> batch = new ArrayList<>(BATCH);
        private final Map<String, Region> regions = new HashMap<>();
        private final Map<String, Long> lastNumber = new HashMap<>();
        private final Map<String, String> importedNow = new HashMap<>();
        private boolean failed;

        /** A feature that passed the rules, waiting for its batch to be written. */
        private record Prepared(
                int slot,
                int feature,
                Region region,
                MineAction.HazardAreaDraft draft,
                LocalDate recordedOn,
                String hash,
                int dropped) {}

        Run(Scope scope, @Nullable String regionCode, Instant stopAt, int count) {
            this.scope = scope;
            this.regionCode = regionCode;
            this.stopAt = stopAt;
            this.outcomes = new ArrayList<>(count);
        }

        void add(ImportedFile.Feature c) {
            int slot = outcomes.size();
            outcomes.add(null);
            try {
                batch.add(prepare(slot, c));
            } catch (Rejected e) {
                outcomes.set(slot, new Outcome(c.index(), "rejected", null, e.getMessage(), e.said));
                failed = true;
            }
            if (batch.size() >= BATCH) {
                endBatch();
            }
        }

        private Prepared prepare(int slot, ImportedFile.Feature c) throws Rejected {
            if (c.problem() != null || c.geometry() == null) {
                throw c.problem() == null
                        ? new Rejected(Reason.of(Refusals.FEATURE_HAS_NO_GEOMETRY))
                        : new Rejected(Reason.of(CommonRefusals.GEOMETRY_REFUSED, c.problem()));
            }
            try {
                Geometry cleaned = withoutRepeatedVertices(c.geometry());
                int dropped = c.geometry().getNumPoints() - cleaned.getNumPoints();
                String code = regionCode != null ? regionCode : c.text("region_code");
                if (code == null) {
                    throw new RuleViolated("region_code", Refusals.NO_REGION_GIVEN);
                }
                Region region = region(code);
                String name = c.text("name");
                HazardArea.Classification classification =
                        c.value(HazardArea.Classification.class, "classification", HazardArea.Classification.SHA);
                HazardArea.Priority priority =
                        c.value(HazardArea.Priority.class, "priority", HazardArea.Priority.MEDIUM);
                Set<Contamination> contamination = c.contamination("contamination");
                LocalDate given = c.date("recorded_on", region.zone());
                var draft = new MineAction.HazardAreaDraft(
                        region.code(),
                        name == null ? "Imported hazard area " + c.index() : name,
                        classification,
                        priority,
                        contamination,
                        cleaned,
                        given,
                        Set.of());
                LocalDate recordedOn = mineAction.checkNew(region, draft);
                String hash = contentHash(region.code(), name, classification, priority, contamination, given, cleaned);
                return new Prepared(slot, c.index(), region, draft, recordedOn, hash, dropped);
            } catch (GeometryRejected e) {
                throw new Rejected(Reason.of(CommonRefusals.GEOMETRY_REFUSED, e));
            } catch (RuleViolated e) {
                throw new Rejected(Reason.of(Refusals.FIELD_REFUSED, e.field(), e.reason()));
            } catch (ConflictWithState e) {
                throw new Rejected(e.reason());
            } catch (RecordNotFound e) {
                throw new Rejected(e.reason());
            } catch (IllegalArgumentException
                    | DateTimeException
                    | org.springframework.security.access.AccessDeniedException e) {
                throw new Rejected(e.getMessage());
            }
        }

        private Region region(String code) {
            Region region = regions.get(code);
            if (region == null) {
                region = mineAction.writableRegion(scope, code);
                regions.put(code, region);
            }
            return region;
        }

        /**
         * Writes the batch: features already imported are reported unchanged, the others become hazard areas;
         * then the persistence context is emptied, so the next batch costs what this one did. Stops the import
         * once the deadline has passed. After a rejection nothing more is written: the transaction rolls back.
         */
        void endBatch() {
            if (Instant.now().isAfter(stopAt)) {
                throw new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "the import did not finish within " + deadline.toSeconds() + " s after " + outcomes.size()
                                + " features; nothing was written: split the file");
            }
            if (batch.isEmpty()) {
                return;
            }
            Map<String, String> known = new HashMap<>();
            hazardAreas
                    .findImported(batch.stream().map(Prepared::hash).collect(Collectors.toSet()))
                    .forEach(i -> known.put(i.importHash(), i.reference()));
            for (Prepared p : batch) {
                String earlier = importedNow.getOrDefault(p.hash(), known.get(p.hash()));
                if (earlier != null) {
                    outcomes.set(
                            p.slot(),
                            new Outcome(
                                    p.feature(),
                                    "unchanged",
                                    earlier,
                                    Reason.of(Refusals.ALREADY_IMPORTED_AS, earlier)));
                    continue;
                }
                String reference = null;
                if (!failed) {
                    reference = MineAction.reference(
                            p.region().code(), nextNumber(p.region().code()));
                    HazardArea area = MineAction.newHazardArea(reference, p.region(), p.draft(), p.recordedOn());
                    area.importedAs(p.hash());
                    entityManager.persist(area);
                    events.publishEvent(HazardAreaChanged.of(area));
                    importedNow.put(p.hash(), reference);
                }
                outcomes.set(
                        p.slot(),
                        p.dropped() > 0
                                ? new Outcome(
                                        p.feature(),
                                        "repaired",
                                        reference,
                                        Reason.of(Refusals.REMOVED_REPEATED_VERTICES, p.dropped()))
                                : new Outcome(p.feature(), "accepted", reference, null));
            }
            batch.clear();
            if (!failed) {
                entityManager.flush();
            }
            entityManager.clear();
        }

        private long nextNumber(String code) {
            long next = lastNumber.computeIfAbsent(code, hazardAreas::countByRegionCode) + 1;
            lastNumber.put(code, next);
            return next;
        }

        Report report() {
            boolean written = !failed;
            List<Outcome> reported = new ArrayList<>(outcomes.size());
            int accepted = 0;
            int repaired = 0;
            int unchanged = 0;
            int rejected = 0;
            for (Outcome o : outcomes) {
                Outcome outcome = java.util.Objects.requireNonNull(o);
                switch (outcome.status()) {
                    case "accepted" -> accepted++;
                    case "repaired" -> repaired++;
                    case "unchanged" -> unchanged++;
                    default -> rejected++;
                }
                boolean notWritten = !written
                        && (outcome.status().equals("accepted")
                                || outcome.status().equals("repaired"));
                reported.add(
                        notWritten
                                ? new Outcome(
                                        outcome.feature(),
                                        outcome.status() + " (not written)",
                                        null,
                                        outcome.reason(),
                                        outcome.said())
                                : outcome);
            }
            return new Report(written, accepted, repaired, unchanged, rejected, reported);
        }
    }

    /** Why one feature is rejected, in the report's words. */
    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        /** The reason in words a page translates, when the domain gave one. */
        final transient @Nullable Reason said;

        Rejected(@Nullable String reason) {
            super(reason == null ? "rejected" : reason, null, false, false);
            this.said = null;
        }

        Rejected(Reason said) {
            super(said.english(), null, false, false);
            this.said = said;
        }
    }

    /**
     * The SHA-256 of what a feature says, in hex: region, the attributes as given (absent ones as absent, not
     * as their defaults) and the geometry as imported, normalised. Equal features hash equal.
     */
    static String contentHash(
            String region,
            @Nullable String name,
            HazardArea.Classification classification,
            HazardArea.Priority priority,
            Set<Contamination> contamination,
            @Nullable LocalDate recordedOn,
            Geometry geometry) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String attributes = String.join(
                "\u0000",
                region,
                name == null ? "" : name,
                classification.name(),
                priority.name(),
                new java.util.TreeSet<>(contamination.stream().map(Enum::name).toList()).toString(),
                recordedOn == null ? "" : recordedOn.toString());
        digest.update(attributes.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(new WKBWriter(2).write(geometry.norm()));
        return HexFormat.of().formatHex(digest.digest());
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
}
