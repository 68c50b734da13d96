package org.custodian.fieldcollect;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file sent with a submission (a photo), kept apart so that listing submissions never loads it. Never changed
 * once stored, so Hibernate keeps no copy of its bytes to compare at each flush.
 */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "fieldcollect_submission_file")
class SubmissionFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long submissionId;
    private String name;
    private String contentType;
    private long size;
    private byte[] content;

    protected SubmissionFile() {
        this.name = "";
        this.contentType = "";
        this.content = new byte[0];
    }

    SubmissionFile(long submissionId, String name, String contentType, byte[] content) {
        this.submissionId = submissionId;
        this.name = name;
        this.contentType = contentType;
        this.size = content.length;
        // The upload's own bytes, which no one changes: a photo is not copied once more.
        this.content = content;
    }

    long id() {
        return Objects.requireNonNull(id);
    }

    long submissionId() {
        return submissionId;
    }

    String name() {
        return name;
    }

    String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    byte[] content() {
        return content.clone();
    }
}
