package org.custodian.civil;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RuleViolated;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * A proposal put to a working group at a meeting: its text, who proposed it and its status with the history
 * of every change and its reason. The proposal keeps its own rules of which status may follow which.
 */
@Entity
@Table(name = "civil_proposal")
public class Proposal {

    public enum Status {
        PROPOSED,
        ACCEPTED,
        REJECTED,
        IMPLEMENTED
    }

    /** Which status may follow which: a rejected proposal may be put again; an implemented one is closed. */
    static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.PROPOSED, EnumSet.of(Status.ACCEPTED, Status.REJECTED),
            Status.ACCEPTED, EnumSet.of(Status.IMPLEMENTED, Status.REJECTED),
            Status.REJECTED, EnumSet.of(Status.PROPOSED),
            Status.IMPLEMENTED, EnumSet.noneOf(Status.class));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long meetingId;
    private long groupId;
    private String regionCode;
    private String text;
    private String proposedBy;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PROPOSED;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_proposal_status", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderBy("at")
    private List<StatusStep> history = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_proposal_source", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected Proposal() {
        this.regionCode = "";
        this.text = "";
        this.proposedBy = "";
    }

    Proposal(Meeting meeting, String text, String proposedBy, Set<Long> sources, String by, Instant at) {
        this();
        this.meetingId = meeting.id();
        this.groupId = meeting.groupId();
        this.regionCode = meeting.regionCode();
        this.text = text;
        this.proposedBy = proposedBy;
        this.sources = new HashSet<>(sources);
        history.add(new StatusStep(at, Status.PROPOSED.name(), "put to the meeting", by));
    }

    /**
     * Moves the proposal to another status with the reason, only as {@link #NEXT} allows.
     *
     * @throws ConflictWithState when the history forbids the move
     * @throws RuleViolated when the reason is missing or the time is in the future or before the last change
     */
    void changeStatus(Status to, String reason, String by, Instant at) {
        if (to == status) {
            throw new ConflictWithState(Refusals.PROPOSAL_ALREADY, said(to));
        }
        if (!NEXT.get(status).contains(to)) {
            throw new ConflictWithState(
                    status == Status.IMPLEMENTED
                            ? Refusals.PROPOSAL_CANNOT_BECOME_CLOSED
                            : Refusals.PROPOSAL_CANNOT_BECOME,
                    said(status),
                    said(to));
        }
        if (reason.isBlank()) {
            throw new RuleViolated("reason", CommonRefusals.SAY_WHY_STATUS_CHANGES);
        }
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("at", Refusals.STATUS_CHANGE_CANNOT_DATED_FUTURE);
        }
        Instant last = history.get(history.size() - 1).at();
        if (at.isBefore(last)) {
            throw new RuleViolated("at", Refusals.STATUS_CHANGE_CANNOT_DATED_BEFORE, last);
        }
        history.add(new StatusStep(at, to.name(), reason.strip(), by));
        this.status = to;
    }

    /** The status in words, said in the language of the one refused. */
    private static Reason said(Status status) {
        return Reason.of(
                switch (status) {
                    case PROPOSED -> Refusals.PROPOSAL_PROPOSED;
                    case ACCEPTED -> Refusals.PROPOSAL_ACCEPTED;
                    case REJECTED -> Refusals.PROPOSAL_REJECTED;
                    case IMPLEMENTED -> Refusals.PROPOSAL_IMPLEMENTED;
                });
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

    public String text() {
        return text;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Status status() {
        return status;
    }

    /** The statuses this proposal may move to next. */
    public Set<Status> next() {
        return Set.copyOf(NEXT.get(status));
    }

    public List<StatusStep> history() {
        return List.copyOf(history);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
