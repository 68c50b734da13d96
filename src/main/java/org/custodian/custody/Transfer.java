package org.custodian.custody;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;

/**
 * An item moved from its site to another site or handed to another agency, in two steps: dispatched by the
 * sender, received by the receiver, who records what arrived and any discrepancy.
 */
@Entity
@Table(name = "custody_transfer")
public class Transfer {

    public enum State {
        DISPATCHED,
        RECEIVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private long itemId;
    private long fromSiteId;
    private @Nullable Long toSiteId;
    private @Nullable Long toAgencyId;
    private Instant dispatchedAt;
    private String dispatchedBy;
    private @Nullable Instant receivedAt;
    private @Nullable String receivedBy;
    private @Nullable BigDecimal receivedQuantity;
    private @Nullable String discrepancy;

    @Enumerated(EnumType.STRING)
    private State state = State.DISPATCHED;

    protected Transfer() {
        this.dispatchedAt = Instant.EPOCH;
        this.dispatchedBy = "";
    }

    Transfer(
            long itemId,
            long fromSiteId,
            @Nullable Long toSiteId,
            @Nullable Long toAgencyId,
            Instant dispatchedAt,
            String dispatchedBy) {
        this.itemId = itemId;
        this.fromSiteId = fromSiteId;
        this.toSiteId = toSiteId;
        this.toAgencyId = toAgencyId;
        this.dispatchedAt = dispatchedAt;
        this.dispatchedBy = dispatchedBy;
    }

    void receive(
            @Nullable Long atSiteId,
            Instant at,
            String by,
            BigDecimal quantity,
            BigDecimal expected,
            @Nullable String discrepancy) {
        if (state == State.RECEIVED) {
            throw new ConflictWithState(Refusals.TRANSFER_RECEIVED_ALREADY, id);
        }
        if (!Objects.equals(atSiteId, toSiteId)) {
            throw toSiteId == null
                    ? new RuleViolated("siteId", Refusals.TRANSFER_GOES_TO_AGENCY)
                    : new RuleViolated("siteId", Refusals.TRANSFER_GOES_TO_OTHER_SITE, toSiteId, atSiteId);
        }
        if (at.isBefore(dispatchedAt)) {
            throw new RuleViolated("receivedAt", Refusals.RECEIVED_BEFORE_DISPATCHED);
        }
        if (quantity.compareTo(expected) != 0 && (discrepancy == null || discrepancy.isBlank())) {
            throw new RuleViolated(
                    "discrepancy",
                    Refusals.RECEIVED_DISPATCHED_RECORD_DISCREPANCY,
                    quantity.toPlainString(),
                    expected.toPlainString());
        }
        this.state = State.RECEIVED;
        this.receivedAt = at;
        this.receivedBy = by;
        this.receivedQuantity = quantity;
        this.discrepancy = discrepancy == null || discrepancy.isBlank() ? null : discrepancy.strip();
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long itemId() {
        return itemId;
    }

    public long fromSiteId() {
        return fromSiteId;
    }

    public @Nullable Long toSiteId() {
        return toSiteId;
    }

    public @Nullable Long toAgencyId() {
        return toAgencyId;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public String dispatchedBy() {
        return dispatchedBy;
    }

    public @Nullable Instant receivedAt() {
        return receivedAt;
    }

    public @Nullable String receivedBy() {
        return receivedBy;
    }

    public @Nullable BigDecimal receivedQuantity() {
        return receivedQuantity;
    }

    public @Nullable String discrepancy() {
        return discrepancy;
    }

    public State state() {
        return state;
    }
}
