package org.custodian.alerts;

import jakarta.persistence.Entity;
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
 * An announcement by loudspeaker in one settlement of an alert's area: the script to read in the local
 * languages, the teams or vehicles that go, when, and whether a field team has done it.
 */
@Entity
@Table(name = "alerts_loudspeaker_task")
public class LoudspeakerTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long alertId;
    private String regionCode;
    private long settlementId;
    private String settlementName;
    private String script;
    private @Nullable String teams;
    private @Nullable Instant scheduledAt;
    private @Nullable Instant doneAt;
    private @Nullable String doneBy;
    private @Nullable String note;

    protected LoudspeakerTask() {
        this.regionCode = "";
        this.settlementName = "";
        this.script = "";
    }

    LoudspeakerTask(long alertId, String regionCode, long settlementId, String settlementName, String script) {
        this.alertId = alertId;
        this.regionCode = regionCode;
        this.settlementId = settlementId;
        this.settlementName = settlementName;
        this.script = script.length() > 8000 ? script.substring(0, 8000) : script;
    }

    /** Assigns the teams or vehicles and the time; refused once the announcement is done. */
    void assign(String teams, Instant scheduledAt, Instant expires) {
        if (doneAt != null) {
            throw new ConflictWithState(Refusals.ANNOUNCEMENT_DONE_ALREADY, settlementName);
        }
        if (teams.isBlank() || teams.length() > 500) {
            throw new RuleViolated("teams", Refusals.NAME_TEAMS_VEHICLES_1_500);
        }
        if (scheduledAt.isAfter(expires)) {
            throw new RuleViolated("scheduledAt", Refusals.ANNOUNCEMENT_SCHEDULED_BEFORE_ALERT_EXPIRES, expires);
        }
        this.teams = teams.strip();
        this.scheduledAt = scheduledAt;
    }

    /** A field team reports the announcement made. */
    void done(String by, @Nullable String note, Instant at) {
        if (doneAt != null) {
            throw new ConflictWithState(Refusals.ANNOUNCEMENT_DONE_ALREADY, settlementName);
        }
        if (note != null && note.length() > 1000) {
            throw new RuleViolated("note", Refusals.NOTE_MOST_1000_CHARACTERS);
        }
        this.doneAt = at;
        this.doneBy = by;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public long alertId() {
        return alertId;
    }

    public String regionCode() {
        return regionCode;
    }

    public long settlementId() {
        return settlementId;
    }

    public String settlementName() {
        return settlementName;
    }

    public String script() {
        return script;
    }

    public @Nullable String teams() {
        return teams;
    }

    public @Nullable Instant scheduledAt() {
        return scheduledAt;
    }

    public @Nullable Instant doneAt() {
        return doneAt;
    }

    public @Nullable String doneBy() {
        return doneBy;
    }

    public @Nullable String note() {
        return note;
    }

    public boolean done() {
        return doneAt != null;
    }
}
