package org.custodian.platform.sources;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;

/**
 * One version of a published report, statement or document that records and figures cite. A version is
 * never rewritten once cited: a correction is a new version that names the one it corrects ({@code
 * previousId}), so each record keeps the words it cited. Who recorded a version, and for which regions,
 * decides who may correct it.
 */
@Entity
@Table(name = "platform_source")
public class Source {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String publisher;
    private String title;
    private @Nullable LocalDate publishedOn;
    private boolean dateApproximate;
    private @Nullable String dateNote;
    private @Nullable String link;

    @Column(name = "attachment_name")
    private @Nullable String attachmentName;

    @Column(name = "attachment_type")
    private @Nullable String attachmentType;

    @Column(name = "attachment_sha256")
    private @Nullable String attachmentSha256;

    private @Nullable Long previousId;
    private int versionNumber = 1;
    private @Nullable String recordedBy;
    private java.time.@Nullable Instant recordedAt;

    /** The regions of whoever recorded the first version, comma-separated; null when an administrator did. */
    private @Nullable String regionCodes;

    protected Source() {
        this.publisher = "";
        this.title = "";
    }

    Source(Sources.NewSource data, @Nullable String recordedBy, @Nullable String regionCodes) {
        this.publisher = data.publisher();
        this.title = data.title();
        this.recordedBy = recordedBy;
        this.recordedAt = java.time.Instant.now();
        this.regionCodes = regionCodes;
        describe(data);
    }

    /** The next version: this one corrected with {@code data}, keeping its document and its owners. */
    Source corrected(Sources.NewSource data, String by) {
        Source next = new Source(data, by, regionCodes);
        next.previousId = id();
        next.versionNumber = versionNumber + 1;
        next.attachmentName = attachmentName;
        next.attachmentType = attachmentType;
        next.attachmentSha256 = attachmentSha256;
        return next;
    }

    /** The data of this version, to correct it. */
    Sources.NewSource data() {
        return new Sources.NewSource(publisher, title, publishedOn, dateApproximate, dateNote, link);
    }

    private void describe(Sources.NewSource data) {
        this.publisher = data.publisher().strip();
        this.title = data.title().strip();
        this.publishedOn = data.publishedOn();
        this.dateApproximate = data.dateApproximate();
        this.dateNote = data.dateNote();
        this.link = data.link();
    }

    void attach(String name, String mediaType, String sha256) {
        this.attachmentName = name;
        this.attachmentType = mediaType;
        this.attachmentSha256 = sha256;
    }

    public long id() {
        return java.util.Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String publisher() {
        return publisher;
    }

    public String title() {
        return title;
    }

    public @Nullable LocalDate publishedOn() {
        return publishedOn;
    }

    public boolean dateApproximate() {
        return dateApproximate;
    }

    public @Nullable String dateNote() {
        return dateNote;
    }

    public @Nullable String link() {
        return link;
    }

    public @Nullable String attachmentName() {
        return attachmentName;
    }

    public @Nullable String attachmentType() {
        return attachmentType;
    }

    public @Nullable String attachmentSha256() {
        return attachmentSha256;
    }

    public @Nullable Long previousId() {
        return previousId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public @Nullable String recordedBy() {
        return recordedBy;
    }

    public java.time.@Nullable Instant recordedAt() {
        return recordedAt;
    }

    /** The regions whose users may correct this source; empty when only administrators may. */
    public java.util.Set<String> regionCodes() {
        return regionCodes == null || regionCodes.isBlank()
                ? java.util.Set.of()
                : java.util.Set.of(regionCodes.split(","));
    }

    Sources.Citation citation() {
        return new Sources.Citation(id(), publisher, title, publishedOn, dateApproximate, link);
    }
}
