package org.custodian.custody;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How an item was destroyed, before whom, and the certificate that attests it. */
@Entity
@Table(name = "custody_destruction")
public class Destruction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long itemId;
    private String method;
    private Instant destroyedAt;
    private String witnesses;
    private String certificate;
    private String recordedBy;

    protected Destruction() {
        this.method = "";
        this.destroyedAt = Instant.EPOCH;
        this.witnesses = "";
        this.certificate = "";
        this.recordedBy = "";
    }

    Destruction(
            long itemId,
            String method,
            Instant destroyedAt,
            List<String> witnesses,
            String certificate,
            String recordedBy) {
        this.itemId = itemId;
        this.method = method;
        this.destroyedAt = destroyedAt;
        this.witnesses = String.join("\n", witnesses);
        this.certificate = certificate;
        this.recordedBy = recordedBy;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long itemId() {
        return itemId;
    }

    public String method() {
        return method;
    }

    public Instant destroyedAt() {
        return destroyedAt;
    }

    public List<String> witnesses() {
        return witnesses.isEmpty() ? List.of() : List.of(witnesses.split("\n"));
    }

    public String certificate() {
        return certificate;
    }
}
