package org.custodian.civil;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a meeting decided, on a proposal or on its own. */
@Entity
@Table(name = "civil_decision")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long meetingId;
    private long groupId;
    private String regionCode;
    private @Nullable Long proposalId;
    private String text;
    private String recordedBy;

    protected Decision() {
        this.regionCode = "";
        this.text = "";
        this.recordedBy = "";
    }

    Decision(Meeting meeting, @Nullable Long proposalId, String text, String recordedBy) {
        this();
        this.meetingId = meeting.id();
        this.groupId = meeting.groupId();
        this.regionCode = meeting.regionCode();
        this.proposalId = proposalId;
        this.text = text;
        this.recordedBy = recordedBy;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long meetingId() {
        return meetingId;
    }

    public long groupId() {
        return groupId;
    }

    public String regionCode() {
        return regionCode;
    }

    public @Nullable Long proposalId() {
        return proposalId;
    }

    public String text() {
        return text;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
