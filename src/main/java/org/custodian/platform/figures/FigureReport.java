package org.custodian.platform.figures;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One value of one measure of one subject, as one source reported it. */
@Entity
@Table(name = "platform_reported_figure")
class FigureReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String subjectType;
    private long subjectId;
    private String measure;
    private BigDecimal figureValue;
    private long sourceId;
    private LocalDate reportedOn;
    private @Nullable String note;
    private boolean accepted;
    private String recordedBy;

    protected FigureReport() {
        this.subjectType = "";
        this.measure = "";
        this.figureValue = BigDecimal.ZERO;
        this.reportedOn = LocalDate.EPOCH;
        this.recordedBy = "";
    }

    FigureReport(
            String subjectType,
            long subjectId,
            String measure,
            BigDecimal value,
            long sourceId,
            LocalDate reportedOn,
            @Nullable String note,
            String recordedBy) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.measure = measure;
        this.figureValue = value;
        this.sourceId = sourceId;
        this.reportedOn = reportedOn;
        this.note = note;
        this.recordedBy = recordedBy;
    }

    void accepted(boolean accepted) {
        this.accepted = accepted;
    }

    long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    String subjectType() {
        return subjectType;
    }

    long subjectId() {
        return subjectId;
    }

    String measure() {
        return measure;
    }

    BigDecimal value() {
        return figureValue;
    }

    long sourceId() {
        return sourceId;
    }

    LocalDate reportedOn() {
        return reportedOn;
    }

    @Nullable
    String note() {
        return note;
    }

    boolean accepted() {
        return accepted;
    }

    String recordedBy() {
        return recordedBy;
    }
}
