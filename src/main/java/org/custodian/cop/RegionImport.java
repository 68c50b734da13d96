package org.custodian.cop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A region imported from an export file: the file's SHA-256, when it was exported, how many records were
 * written and per table. Saved in the import's transaction, so the audit trail records who imported what.
 */
@Entity
@Table(name = "cop_region_import")
class RegionImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(name = "file_sha256", nullable = false)
    private String fileSha256;

    @Column(name = "exported_at", nullable = false)
    private String exportedAt;

    @Column(name = "records_written", nullable = false)
    private long recordsWritten;

    @Column(nullable = false)
    private String summary;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    private String importedBy;

    protected RegionImport() {}

    RegionImport(
            String regionCode,
            String fileSha256,
            String exportedAt,
            long recordsWritten,
            String summary,
            Instant importedAt,
            String importedBy) {
        this.regionCode = regionCode;
        this.fileSha256 = fileSha256;
        this.exportedAt = exportedAt;
        this.recordsWritten = recordsWritten;
        this.summary = summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    String regionCode() {
        return regionCode;
    }

    long recordsWritten() {
        return recordsWritten;
    }

    String summary() {
        return summary;
    }
}
