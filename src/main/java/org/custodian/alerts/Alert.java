package org.custodian.alerts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.access.AccessDeniedException;

/**
 * One CAP message to civilians: a first alert, an update or a cancellation of an earlier one. Composed by one
 * person, it goes out only once a second person approves it; then it is issued, and the message it updates
 * or cancels becomes updated or cancelled. An issued message whose expiry has passed reads as expired.
 */
@Entity
@Table(name = "alerts_alert")
public class Alert {

    public enum Status {
        DRAFT,
        AWAITING_APPROVAL,
        ISSUED,
        UPDATED,
        CANCELLED,
        EXPIRED;

        /** Whether the message went out (and so is published as CAP). */
        public boolean released() {
            return this == ISSUED || this == UPDATED || this == CANCELLED || this == EXPIRED;
        }
    }

    /** CAP's message types this office sends. */
    public static final List<String> MESSAGE_TYPES = List.of("Alert", "Update", "Cancel");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String identifier;
    private String regionCode;
    private String messageType;
    private @Nullable Long referencesId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String areaDescription;
    private Geometry drawnArea;
    private Geometry area;
    private double drawnSquareMetres;
    private double addedSquareMetres;
    private Instant effective;
    private Instant expires;
    private String composedBy;
    private Instant composedAt;
    private @Nullable String approvedBy;
    private @Nullable Instant sentAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "alerts_alert_info", joinColumns = @JoinColumn(name = "alert_id"))
    private List<AlertInfo> infos = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "alerts_alert_status", joinColumns = @JoinColumn(name = "alert_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> history = new ArrayList<>();

    protected Alert() {
        this.identifier = "";
        this.regionCode = "";
        this.messageType = "Alert";
        this.status = Status.DRAFT;
        this.areaDescription = "";
        this.drawnArea = Wgs84.FACTORY.createPolygon();
        this.area = Wgs84.FACTORY.createPolygon();
        this.effective = Instant.EPOCH;
        this.expires = Instant.EPOCH;
        this.composedBy = "";
        this.composedAt = Instant.EPOCH;
    }

    Alert(
            String identifier,
            String regionCode,
            String messageType,
            @Nullable Long referencesId,
            List<AlertInfo> infos,
            String areaDescription,
            AlertArea.Simplified area,
            Instant effective,
            Instant expires,
            String composedBy,
            Instant composedAt,
            boolean submit) {
        this();
        this.identifier = identifier;
        this.regionCode = regionCode;
        this.messageType = messageType;
        this.referencesId = referencesId;
        this.infos.addAll(infos);
        this.areaDescription = areaDescription;
        this.drawnArea = area.drawn();
        this.area = area.area();
        this.drawnSquareMetres = area.drawnSquareMetres();
        this.addedSquareMetres = area.addedSquareMetres();
        this.effective = effective;
        this.expires = expires;
        this.composedBy = composedBy;
        this.composedAt = composedAt;
        this.history.add(new StatusChange(composedAt, Status.DRAFT, "composed", composedBy));
        if (submit) {
            submit(composedBy, composedAt);
        }
    }

    /** Sends a draft to be approved by a second person. */
    void submit(String by, Instant at) {
        if (status != Status.DRAFT) {
            throw new ConflictWithState(Refusals.ONLY_DRAFT_SENT_APPROVAL_ALERT, identifier, said(status()));
        }
        move(Status.AWAITING_APPROVAL, "sent for approval", by, at);
    }

    /** Returns an alert awaiting approval to its composer, with the reason. */
    void returnToDraft(String reason, String by, Instant at) {
        if (status != Status.AWAITING_APPROVAL) {
            throw new ConflictWithState(Refusals.ONLY_ALERT_AWAITING_APPROVAL_RETURNED, identifier, said(status()));
        }
        move(Status.DRAFT, reason, by, at);
    }

    /**
     * The second person's approval: the message is issued.
     *
     * @throws AccessDeniedException when the approver composed it: nothing goes out on one person's word
     * @throws ConflictWithState when it does not await approval, or has expired already
     */
    void approve(String by, Instant at) {
        if (by.equals(composedBy)) {
            throw new AccessDeniedException(
                    "the person who composed alert " + identifier + " may not approve it; a second person must");
        }
        if (status != Status.AWAITING_APPROVAL) {
            throw new ConflictWithState(Refusals.ONLY_ALERT_AWAITING_APPROVAL_APPROVED, identifier, said(status()));
        }
        if (!expires.isAfter(at)) {
            throw new ConflictWithState(Refusals.ALERT_EXPIRED_BEFORE_APPROVED_COMPOSE, identifier);
        }
        this.approvedBy = by;
        this.sentAt = at;
        move(Status.ISSUED, "approved and issued", by, at);
    }

    /** Marks an issued message as replaced by a later one (updated or cancelled). */
    void supersede(Status by, String reference, String who, Instant at) {
        if (status() != Status.ISSUED) {
            throw new ConflictWithState(Refusals.ALERT_ONLY_ISSUED_ALERT_UPDATED, identifier, said(status()));
        }
        move(by, "by " + reference, who, at);
    }

    /** Records that an issued message's time ran out. */
    boolean expireIfDue(Instant now) {
        if (status == Status.ISSUED && !expires.isAfter(now)) {
            move(Status.EXPIRED, "its expiry passed", "system", expires);
            return true;
        }
        return false;
    }

    private void move(Status to, String reason, String by, Instant at) {
        this.status = to;
        history.add(new StatusChange(at, to, reason, by));
    }

    /** A status as a refusal names it, in the words of the page's language. */
    static Reason said(Status s) {
        return Reason.of(
                switch (s) {
                    case DRAFT -> Refusals.STATUS_DRAFT;
                    case AWAITING_APPROVAL -> Refusals.STATUS_AWAITING_APPROVAL;
                    case ISSUED -> Refusals.STATUS_ISSUED;
                    case UPDATED -> Refusals.STATUS_UPDATED;
                    case CANCELLED -> Refusals.STATUS_CANCELLED;
                    case EXPIRED -> Refusals.STATUS_EXPIRED;
                });
    }

    /** The status as of now: an issued message past its expiry reads as expired before the job records it. */
    public Status status() {
        return status == Status.ISSUED && !expires.isAfter(Instant.now()) ? Status.EXPIRED : status;
    }

    /** The text for SMS per language: headline and instruction (or the cancellation and headline). */
    public Map<String, String> smsText() {
        return infos.stream()
                .collect(Collectors.toMap(
                        AlertInfo::language, i -> i.smsText(messageType), (a, b) -> a, java.util.TreeMap::new));
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String identifier() {
        return identifier;
    }

    public String regionCode() {
        return regionCode;
    }

    public String messageType() {
        return messageType;
    }

    public @Nullable Long referencesId() {
        return referencesId;
    }

    public String areaDescription() {
        return areaDescription;
    }

    /** The area as drawn or assembled, before simplifying. */
    public Geometry drawnArea() {
        return drawnArea;
    }

    /** The area as published: simplified to at most {@link AlertArea#MAX_POINTS} points, covering the drawn one. */
    public Geometry area() {
        return area;
    }

    public double drawnSquareMetres() {
        return drawnSquareMetres;
    }

    /** What simplifying added to the drawn area, in m². */
    public double addedSquareMetres() {
        return addedSquareMetres;
    }

    public Instant effective() {
        return effective;
    }

    public Instant expires() {
        return expires;
    }

    public String composedBy() {
        return composedBy;
    }

    public Instant composedAt() {
        return composedAt;
    }

    public @Nullable String approvedBy() {
        return approvedBy;
    }

    public @Nullable Instant sentAt() {
        return sentAt;
    }

    /** The infos in the order of {@link AlertInfo#LANGUAGES}. */
    public List<AlertInfo> infos() {
        return infos.stream()
                .sorted(Comparator.comparingInt(i -> AlertInfo.LANGUAGES.indexOf(i.language())))
                .toList();
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }
}
