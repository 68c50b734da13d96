package org.custodian.platform.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A backup made by the application: its file, size, SHA-256, when and by whom. Audited like every record. */
@Entity
@Table(name = "platform_backup")
class Backup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    @Column(name = "made_by", nullable = false)
    private String madeBy;

    protected Backup() {}

    Backup(String fileName, long sizeBytes, String sha256, Instant madeAt, String madeBy) {
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.madeAt = madeAt;
        this.madeBy = madeBy;
    }

    long id() {
        return id;
    }

    String fileName() {
        return fileName;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    String sha256() {
        return sha256;
    }

    Instant madeAt() {
        return madeAt;
    }

    String madeBy() {
        return madeBy;
    }
}
