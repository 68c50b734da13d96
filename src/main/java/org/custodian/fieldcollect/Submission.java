package org.custodian.fieldcollect;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;

/**
 * A filled form received from a device, kept as it arrived (the XML and its SHA-256, which tells a replay
 * from a different submission under the same instanceID), and its review: received, then accepted or
 * rejected once. A reviewer's corrections are kept beside the original answers, never over them.
 */
@Entity
@Table(name = "fieldcollect_submission")
public class Submission {

    public enum Status {
        RECEIVED,
        ACCEPTED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String formId;
    private String formVersion;
    private String instanceId;
    private @Nullable String deprecatedId;
    private byte[] xml;
    private String xmlSha256;
    private String regionCode;
    private double longitude;
    private double latitude;
    private String submittedBy;
    private @Nullable Long deviceKeyId;
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    private Status status = Status.RECEIVED;

    /** The reviewer's corrected answers as a JSON object, or null when none were corrected. */
    private @Nullable String corrections;

    private @Nullable String reviewedBy;
    private @Nullable Instant reviewedAt;
    private @Nullable String reason;
    private @Nullable Long sourceId;

    protected Submission() {
        this.formId = "";
        this.formVersion = "";
        this.instanceId = "";
        this.xml = new byte[0];
        this.xmlSha256 = "";
        this.regionCode = "";
        this.submittedBy = "";
        this.receivedAt = Instant.EPOCH;
    }

    Submission(
            SubmittedInstance instance,
            byte[] xml,
            String regionCode,
            double[] lonLat,
            String submittedBy,
            @Nullable Long deviceKeyId,
            Instant receivedAt) {
        this.formId = instance.formId();
        this.formVersion = instance.formVersion();
        this.instanceId = instance.instanceId();
        this.deprecatedId = instance.deprecatedId();
        this.xml = xml.clone();
        this.xmlSha256 = Hashes.sha256(xml);
        this.regionCode = regionCode;
        this.longitude = lonLat[0];
        this.latitude = lonLat[1];
        this.submittedBy = submittedBy;
        this.deviceKeyId = deviceKeyId;
        this.receivedAt = receivedAt;
    }

    /** Whether these bytes are the ones this submission arrived with (a replay of it). */
    boolean sameAs(byte[] otherXml) {
        return xmlSha256.equals(Hashes.sha256(otherXml));
    }

    void correct(@Nullable String correctionsJson) {
        requireReceived();
        this.corrections = correctionsJson;
    }

    void accept(String reviewer, Instant at, long sourceId) {
        requireReceived();
        this.status = Status.ACCEPTED;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
        this.sourceId = sourceId;
    }

    void reject(String reviewer, Instant at, String reason) {
        requireReceived();
        if (reason.isBlank()) {
            throw new RuleViolated("reason", Refusals.SAY_WHY_SUBMISSION_REJECTED);
        }
        if (reason.length() > 1000) {
            throw new RuleViolated("reason", Refusals.REASON_LONGER_THAN_1000_CHARACTERS);
        }
        this.status = Status.REJECTED;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
        this.reason = reason.strip();
    }

    private void requireReceived() {
        if (status != Status.RECEIVED) {
            throw new ConflictWithState(
                    status == Status.ACCEPTED
                            ? Refusals.SUBMISSION_ALREADY_ACCEPTED
                            : Refusals.SUBMISSION_ALREADY_REJECTED);
        }
    }

    public long id() {
        return Objects.requireNonNull(id);
    }

    public long version() {
        return version;
    }

    public String formId() {
        return formId;
    }

    public String formVersion() {
        return formVersion;
    }

    public String instanceId() {
        return instanceId;
    }

    public @Nullable String deprecatedId() {
        return deprecatedId;
    }

    byte[] xml() {
        return xml.clone();
    }

    public String regionCode() {
        return regionCode;
    }

    public double longitude() {
        return longitude;
    }

    public double latitude() {
        return latitude;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public @Nullable Long deviceKeyId() {
        return deviceKeyId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Status status() {
        return status;
    }

    @Nullable
    String corrections() {
        return corrections;
    }

    public @Nullable String reviewedBy() {
        return reviewedBy;
    }

    public @Nullable Instant reviewedAt() {
        return reviewedAt;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable Long sourceId() {
        return sourceId;
    }
}
