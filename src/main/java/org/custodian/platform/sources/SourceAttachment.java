package org.custodian.platform.sources;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a document attached to a source, kept apart so that listing sources never loads them. */
@Entity
@Table(name = "platform_source_attachment")
class SourceAttachment {

    @Id
    private Long sourceId;

    private byte[] content;

    protected SourceAttachment() {
        this.sourceId = 0L;
        this.content = new byte[0];
    }

    SourceAttachment(long sourceId, byte[] content) {
        this.sourceId = sourceId;
        this.content = content.clone();
    }

    void replace(byte[] content) {
        this.content = content.clone();
    }

    byte[] content() {
        return content.clone();
    }
}
