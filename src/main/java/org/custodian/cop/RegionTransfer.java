package org.custodian.cop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.custodian.geo.RegionRecords;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sha256;
import org.custodian.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports one region's records, every module's, into one GeoPackage, and imports such a file into a region
 * that holds no records yet, in one transaction, after checking every table's count and hash against the
 * manifest. Modules contribute their tables as {@link RegionRecords} beans, and hear of an import through
 * {@link RegionRecords.Imported}.
 */
@Service
class RegionTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(RegionTransfer.class);

    /** A region exported: the file (the caller deletes it) and its manifest. */
    record Exported(Path file, RegionFile.Manifest manifest) {}

    /** A region imported: its code, the records written per table, and the tables the import left out. */
    record Imported(String region, Map<String, Long> written, List<String> leftOut) {

        long total() {
            return written.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<RegionRecords> modules;
    private final DataSource dataSource;
    private final Territory territory;
    private final RegionImports imports;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RegionTransfer(
            List<RegionRecords> modules,
            DataSource dataSource,
            Territory territory,
            RegionImports imports,
            ApplicationEventPublisher events) {
        this.modules = modules;
        this.dataSource = dataSource;
        this.territory = territory;
        this.imports = imports;
        this.events = events;
    }

    /** Who may export a region: administrators, and directors of that region; others of it are refused. */
    static void requireExporter(Scope scope, String region) {
        if (!scope.reads(region)) {
            throw new RecordNotFound(CommonRefusals.NO_REGION, region);
        }
        if (!scope.isAdmin() && scope.role() != Role.DIRECTOR) {
            throw new AccessDeniedException("a region's export is for administrators and its director");
        }
    }

    @Transactional(readOnly = true)
    Exported export(Scope scope, String region) {
        requireExporter(scope, region);
        territory.region(region);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            RegionRows rows = new RegionRows(connection);
            Map<String, RegionRecords.Table> declared = declared();
            Map<String, List<RegionRows.Row>> tables = rows.read(List.copyOf(declared.values()), region);
            Map<String, TableShape> shapes = rows.shapes();
            RecordDigests digests = new RecordDigests(shapes, values(tables));
            List<RegionFile.Entry> entries = new ArrayList<>();
            tables.forEach((name, list) -> {
                RecordDigests.TableDigest d = digests.table(name);
                RegionRecords.Table table = declared.get(name);
                entries.add(new RegionFile.Entry(
                        name,
                        table == null ? "cited" : module(name),
                        table == null || table.imported(),
                        table == null ? null : table.note(),
                        d.count(),
                        list.stream().filter(RegionRows.Row::cited).count(),
                        d.sha256()));
            });
            RegionFile.Manifest manifest = new RegionFile.Manifest(
                    RegionFile.FORMAT, region, clock.instant().toString(), scope.username(), entries);
            Path file = Files.createTempFile("custodian-region-" + region, ".gpkg");
            RegionFile.write(file, manifest, shapes, tables);
            return new Exported(file, manifest);
        } catch (SQLException e) {
            throw new IllegalStateException("the region's records could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Imports a region export file: refused whole (nothing written) when the file is not one, when a
     * table's count or hash differs from its manifest, or when the region already holds records.
     */
    @Transactional
    Imported importFile(Scope scope, Path file) {
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("importing a region is for administrators");
        }
        RegionFile.Contents contents;
        try {
            contents = RegionFile.read(file);
        } catch (IOException e) {
            LOG.info("A region file was refused: {}", e.toString(), e);
            throw new RuleViolated("file", Refusals.NOT_A_REGION_EXPORT, e.getMessage());
        }
        RegionFile.Manifest manifest = contents.manifest();
        if (!RegionFile.FORMAT.equals(manifest.format())) {
            throw new RuleViolated("file", Refusals.NOT_A_REGION_EXPORT, "format " + manifest.format());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            RegionRows rows = new RegionRows(connection);
            verify(rows, contents);
            Map<String, RegionRecords.Table> declared = declared();
            List<String> holding = new ArrayList<>();
            for (RegionRecords.Table table : declared.values()) {
                if (table.imported()) {
                    long held = rows.count(table, manifest.region());
                    if (held > 0) {
                        holding.add(table.name() + " (" + held + ")");
                    }
                }
            }
            if (!holding.isEmpty()) {
                throw new ConflictWithState(
                        Refusals.REGION_ALREADY_HOLDS_RECORDS, manifest.region(), String.join(", ", holding));
            }
            Map<String, List<RegionRows.Row>> written = new LinkedHashMap<>();
            List<String> leftOut = new ArrayList<>();
            for (RegionFile.Entry entry : manifest.tables()) {
                if (entry.imported()) {
                    written.put(entry.table(), contents.tables().getOrDefault(entry.table(), List.of()));
                } else {
                    leftOut.add(entry.table());
                }
            }
            Map<String, Long> counts = rows.write(rows.ordered(written));
            Imported imported = new Imported(manifest.region(), counts, leftOut);
            imports.save(new RegionImport(
                    manifest.region(),
                    Sha256.of(file),
                    manifest.exportedAt(),
                    imported.total(),
                    counts + (leftOut.isEmpty() ? "" : "; left out " + leftOut),
                    clock.instant(),
                    scope.username()));
            // The rows went in behind the modules' backs: those that keep some in memory learn of it on commit.
            events.publishEvent(new RegionRecords.Imported(
                    manifest.region(),
                    counts.entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toSet())));
            return imported;
        } catch (SQLException e) {
            // A unique key held by another region's record (a hazard area's reference), or a rule of the
            // database: nothing is written, the transaction rolls back.
            throw new ConflictWithState(Refusals.REGION_IMPORT_REFUSED_BY_DATABASE, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RuleViolated("file", Refusals.NOT_A_REGION_EXPORT, e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Every table the manifest names is in the file with the count and hash the manifest gives, and no other. */
    private static void verify(RegionRows rows, RegionFile.Contents contents) throws SQLException {
        Set<String> named = new TreeSet<>();
        for (RegionFile.Entry entry : contents.manifest().tables()) {
            named.add(entry.table());
            if (rows.shape(entry.table()) == null) {
                throw new RuleViolated(
                        "file", Refusals.NOT_A_REGION_EXPORT, "this database has no table " + entry.table());
            }
        }
        for (String table : contents.tables().keySet()) {
            if (!named.contains(table)) {
                throw new RuleViolated("file", Refusals.REGION_FILE_CHANGED, table);
            }
            rows.shape(table);
        }
        RecordDigests digests = new RecordDigests(rows.shapes(), values(contents.tables()));
        for (RegionFile.Entry entry : contents.manifest().tables()) {
            RecordDigests.TableDigest d = digests.table(entry.table());
            if (d.count() != entry.records() || !d.sha256().equals(entry.sha256())) {
                throw new RuleViolated("file", Refusals.REGION_FILE_CHANGED, entry.table());
            }
        }
    }

    private Map<String, RegionRecords.Table> declared() {
        Map<String, RegionRecords.Table> tables = new LinkedHashMap<>();
        modules.stream()
                .sorted(java.util.Comparator.comparing(RegionRecords::module))
                .forEach(m -> m.tables().forEach(t -> tables.put(t.name(), t)));
        return tables;
    }

    private String module(String table) {
        return modules.stream()
                .filter(m -> m.tables().stream().anyMatch(t -> t.name().equals(table)))
                .map(RegionRecords::module)
                .findFirst()
                .orElse("cited");
    }

    private static Map<String, List<Map<String, @org.jspecify.annotations.Nullable Object>>> values(
            Map<String, List<RegionRows.Row>> tables) {
        Map<String, List<Map<String, @org.jspecify.annotations.Nullable Object>>> values = new LinkedHashMap<>();
        tables.forEach(
                (k, v) -> values.put(k, v.stream().map(RegionRows.Row::values).toList()));
        return values;
    }
}
