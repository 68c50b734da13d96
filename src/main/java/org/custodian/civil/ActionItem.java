package org.custodian.civil;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.jspecify.annotations.Nullable;

/** Something a meeting asked a person (an account) to do by a date. */
@Entity
@Table(name = "civil_action_item")
public class ActionItem {

    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE,
        CANCELLED;

        public boolean closed() {
            return this == DONE || this == CANCELLED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long meetingId;
    private long groupId;
    private String regionCode;
    private @Nullable Long decisionId;
    private String text;
    private String owner;
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;

    private @Nullable String statusNote;
    private @Nullable Instant closedAt;

    protected ActionItem() {
        this.regionCode = "";
        this.text = "";
        this.owner = "";
        this.dueOn = LocalDate.EPOCH;
    }

    ActionItem(Meeting meeting, @Nullable Long decisionId, String text, String owner, LocalDate dueOn) {
        this();
        this.meetingId = meeting.id();
        this.groupId = meeting.groupId();
        this.regionCode = meeting.regionCode();
        this.decisionId = decisionId;
        this.text = text;
        this.owner = owner;
        this.dueOn = dueOn;
    }

    /** Moves the item on; a done or cancelled item is closed. */
    void changeStatus(Status to, @Nullable String note, Instant at) {
        if (status.closed()) {
            throw new ConflictWithState(Refusals.ACTION_ITEM_CLOSED, said(status));
        }
        if (to == status) {
            throw new ConflictWithState(Refusals.ACTION_ITEM_ALREADY, said(status));
        }
        this.status = to;
        this.statusNote = note == null || note.isBlank() ? null : note.strip();
        this.closedAt = to.closed() ? at : null;
    }

    /** The status in words, said in the language of the one refused. */
    private static Reason said(Status status) {
        return Reason.of(
                switch (status) {
                    case OPEN -> Refusals.ACTION_OPEN;
                    case IN_PROGRESS -> Refusals.ACTION_IN_PROGRESS;
                    case DONE -> Refusals.ACTION_DONE;
                    case CANCELLED -> Refusals.ACTION_CANCELLED;
                });
    }

    /** Whether the item is still to do after its due date. */
    public boolean overdueOn(LocalDate today) {
        return !status.closed() && dueOn.isBefore(today);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
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

    public @Nullable Long decisionId() {
        return decisionId;
    }

    public String text() {
        return text;
    }

    public String owner() {
        return owner;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Status status() {
        return status;
    }

    public @Nullable String statusNote() {
        return statusNote;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }
}
