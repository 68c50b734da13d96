package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryUnitTests {

    static final Instant AT = Instant.parse("2026-01-01T10:00:00.123456Z");

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        String base =
                AuditEntry.hash(AuditEntry.GENESIS, AT, "admin", "update", "Region", "1", "{\"a\":1}", "{\"a\":2}");
        assertThat(base).hasSize(64);
        assertThat(AuditEntry.hash(AuditEntry.GENESIS, AT, "admin", "update", "Region", "1", "{\"a\":1}", "{\"a\":3}"))
                .isNotEqualTo(base);
        assertThat(AuditEntry.hash(base, AT, "admin", "update", "Region", "1", "{\"a\":1}", "{\"a\":2}"))
                .isNotEqualTo(base);
        assertThat(AuditEntry.hash(
                        AuditEntry.GENESIS,
                        AT.plusNanos(1000),
                        "admin",
                        "update",
                        "Region",
                        "1",
                        "{\"a\":1}",
                        "{\"a\":2}"))
                .isNotEqualTo(base);
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        assertThat(AuditEntry.hash(AuditEntry.GENESIS, AT, "ab", "c", "R", "1", null, null))
                .isNotEqualTo(AuditEntry.hash(AuditEntry.GENESIS, AT, "a", "bc", "R", "1", null, null));
        assertThat(AuditEntry.hash(AuditEntry.GENESIS, AT, "a", "b", "R", "1", null, ""))
                .isNotEqualTo(AuditEntry.hash(AuditEntry.GENESIS, AT, "a", "b", "R", "1", "", null));
    }
}
