package org.custodian.civil;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.geo.Wgs84;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;

/** An outreach team's visit to a settlement and the services it delivered there. No personal data. */
@Entity
@Table(name = "civil_visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private long teamId;
    private long settlementId;
    private Point location;
    private LocalDate visitedOn;
    private int peopleReached;
    private String note;
    private String recordedBy;
    private @Nullable String submission;
    private boolean illustrative;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_visit_service", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "line_no")
    private List<ServiceLine> services = new ArrayList<>();

    protected Visit() {
        this.regionCode = "";
        this.location = Wgs84.FACTORY.createPoint();
        this.visitedOn = LocalDate.EPOCH;
        this.note = "";
        this.recordedBy = "";
    }

    Visit(
            OutreachTeam team,
            long settlementId,
            Point location,
            LocalDate visitedOn,
            int peopleReached,
            List<ServiceLine> services,
            String note,
            String recordedBy,
            @Nullable String submission,
            boolean illustrative) {
        this();
        this.regionCode = team.regionCode();
        this.teamId = team.id();
        this.settlementId = settlementId;
        this.location = location;
        this.visitedOn = visitedOn;
        this.peopleReached = peopleReached;
        this.services = new ArrayList<>(services);
        this.note = note;
        this.recordedBy = recordedBy;
        this.submission = submission;
        this.illustrative = illustrative;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String regionCode() {
        return regionCode;
    }

    public long teamId() {
        return teamId;
    }

    public long settlementId() {
        return settlementId;
    }

    /** The settlement's point: where the visit is shown on the map. */
    public Point location() {
        return location;
    }

    public LocalDate visitedOn() {
        return visitedOn;
    }

    public int peopleReached() {
        return peopleReached;
    }

    public List<ServiceLine> services() {
        return List.copyOf(services);
    }

    public String note() {
        return note;
    }

    public String recordedBy() {
        return recordedBy;
    }

    /** The field submission the visit came from (its instance ID), if any. */
    public @Nullable String submission() {
        return submission;
    }

    public boolean illustrative() {
        return illustrative;
    }
}
