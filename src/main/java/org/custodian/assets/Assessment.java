package org.custodian.assets;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One assessment of an asset's condition: when, by whom, what was found. Photos are kept apart. */
@Entity
@Table(name = "asset_assessment")
public class Assessment {

    public enum Condition {
        GOOD,
        FAIR,
        POOR,
        RUINED,
        UNKNOWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private LocalDate assessedOn;
    private String assessor;

    @Enumerated(EnumType.STRING)
    @jakarta.persistence.Column(name = "condition_found")
    private Condition condition;

    private String damage;

    protected Assessment() {
        this.assessedOn = LocalDate.EPOCH;
        this.assessor = "";
        this.condition = Condition.UNKNOWN;
        this.damage = "";
    }

    Assessment(LocalDate assessedOn, String assessor, Condition condition, String damage) {
        this.assessedOn = assessedOn;
        this.assessor = assessor;
        this.condition = condition;
        this.damage = damage;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public String assessor() {
        return assessor;
    }

    public Condition condition() {
        return condition;
    }

    public String damage() {
        return damage;
    }
}
