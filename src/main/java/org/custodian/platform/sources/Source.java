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

/** A published report, statement or document that records and figures cite. */
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

    protected Source() {
        this.publisher = "";
        this.title = "";
    }

    Source(Sources.NewSource data) {
        this.publisher = data.publisher();
        this.title = data.title();
        describe(data);
    }

    void describe(Sources.NewSource data) {
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

    Sources.Citation citation() {
        return new Sources.Citation(id(), publisher, title, publishedOn, dateApproximate, link);
    }
}
