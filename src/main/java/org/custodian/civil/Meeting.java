package org.custodian.civil;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * A meeting of a working group: when and where, who attended, the agenda and the minutes. Documents (minutes
 * signed, photos) are kept as attachments of the sources the meeting cites.
 */
@Entity
@Table(name = "civil_meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long groupId;
    private String regionCode;
    private LocalDate heldOn;
    private String place;
    private @Nullable Long settlementId;
    private String agenda;
    private String minutes;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_meeting_attendee", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "attendee")
    private Set<String> attendees = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_meeting_source", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected Meeting() {
        this.regionCode = "";
        this.heldOn = LocalDate.EPOCH;
        this.place = "";
        this.agenda = "";
        this.minutes = "";
    }

    Meeting(
            WorkingGroup group,
            LocalDate heldOn,
            String place,
            @Nullable Long settlementId,
            Set<String> attendees,
            String agenda,
            String minutes,
            Set<Long> sources) {
        this();
        this.groupId = group.id();
        this.regionCode = group.regionCode();
        this.heldOn = heldOn;
        this.place = place;
        this.settlementId = settlementId;
        this.attendees = new HashSet<>(attendees);
        this.agenda = agenda;
        this.minutes = minutes;
        this.sources = new HashSet<>(sources);
    }

    void cite(long sourceId) {
        sources.add(sourceId);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public long groupId() {
        return groupId;
    }

    public String regionCode() {
        return regionCode;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String place() {
        return place;
    }

    public @Nullable Long settlementId() {
        return settlementId;
    }

    /** Attendees in alphabetical order. */
    public List<String> attendees() {
        return List.copyOf(new TreeSet<>(attendees));
    }

    public String agenda() {
        return agenda;
    }

    public String minutes() {
        return minutes;
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}
