package org.custodian.cop;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Callers;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A region's records as one GeoPackage file, and the import of such a file into another instance. */
@RestController
class RegionTransferController {

    private final RegionTransfer transfer;
    private final Callers callers;

    RegionTransferController(RegionTransfer transfer, Callers callers) {
        this.transfer = transfer;
        this.callers = callers;
    }

    /** The answer of an import: the region, records written per table, tables left out. */
    record ImportAnswer(String region, long recordsWritten, Map<String, Long> written, List<String> leftOut) {}

    @Operation(
            summary = "Export a region's records",
            description =
                    "Every module's records of one region in one GeoPackage: a feature table per table with a geometry (every column), the table custodian_records with each record as JSON, and custodian_manifest (format, region, time, per table the count and a SHA-256 of the records' canonical form). Administrators and the region's directors may call it; other roles are refused (403) and a region outside the caller's regions answers 404.")
    @GetMapping("/api/regions/{code}/export.gpkg")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        return download(transfer, callers, code);
    }

    /** The region's file as a download; the temporary file is removed once read. */
    static ResponseEntity<byte[]> download(RegionTransfer transfer, Callers callers, String code) {
        RegionTransfer.Exported exported = transfer.export(callers.current(), code);
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/geopackage+sqlite3"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("custodian-region-" + code + ".gpkg")
                                    .build()
                                    .toString())
                    .body(Files.readAllBytes(exported.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(exported.file());
        }
    }

    @Operation(
            summary = "Import a region's records",
            description =
                    "Imports a region export file (multipart field 'file') into this instance, all or nothing: 201 with the records written per table. A file whose counts or hashes differ from its manifest, or that is no region export, answers 422; a region that already holds records answers 409. Custody records are not imported (see the README). Administrators only.")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/regions/import")
    ResponseEntity<ImportAnswer> importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
        RegionTransfer.Imported imported = importUpload(transfer, callers, file);
        return ResponseEntity.status(201)
                .body(new ImportAnswer(imported.region(), imported.total(), imported.written(), imported.leftOut()));
    }

    /** Imports an uploaded file through a temporary copy (the GeoPackage reader opens files). */
    static RegionTransfer.Imported importUpload(
            RegionTransfer transfer, Callers callers, @Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new RuleViolated("file", Refusals.GIVE_REGION_FILE);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("custodian-region-import", ".gpkg");
            file.transferTo(copy);
            return transfer.importFile(callers.current(), copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                delete(copy);
            }
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless.
        }
    }
}
