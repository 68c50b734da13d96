package org.custodian.civil;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone was shown a beneficiary's record. Written as an entity so that the audit trail, which audits every
 * write, also keeps every read of a beneficiary in its hash chain.
 */
@Entity
@Table(name = "civil_beneficiary_read")
class BeneficiaryRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long beneficiaryId;
    private String readBy;
    private Instant readAt;
    private String purpose;

    protected BeneficiaryRead() {
        this.readBy = "";
        this.readAt = Instant.EPOCH;
        this.purpose = "";
    }

    BeneficiaryRead(long beneficiaryId, String readBy, Instant readAt, String purpose) {
        this.beneficiaryId = beneficiaryId;
        this.readBy = readBy;
        this.readAt = readAt;
        this.purpose = purpose;
    }
}
