package org.custodian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditSecretsUnitTests {

    @Test
    void namesThatSpeakOfPasswordsTokensAndSecretsAreSecrets() {
        assertThat(AuditSecrets.isSecret("passwordHash")).isTrue();
        assertThat(AuditSecrets.isSecret("tokenHash")).isTrue();
        assertThat(AuditSecrets.isSecret("clientSecret")).isTrue();
        assertThat(AuditSecrets.isSecret("displayName")).isFalse();
        assertThat(AuditSecrets.isSecret("attachmentSha256")).isFalse();
        assertThat(AuditSecrets.isSecret("keeperAgencyId")).isFalse();
    }

    @Test
    void redactsOnlyTheValuesOfSecretAttributesAndLeavesTheRestByteForByte() {
        String state = "{\"username\":\"amina\",\"passwordHash\":\"$2a$10$x\\\"y\",\"quantity\":5.000,"
                + "\"tokenHash\":\"ab12\",\"note\":\"passwordHash\",\"expiresAt\":null}";
        assertThat(AuditSecrets.redact(state))
                .isEqualTo("{\"username\":\"amina\",\"passwordHash\":\"(redacted)\",\"quantity\":5.000,"
                        + "\"tokenHash\":\"(redacted)\",\"note\":\"passwordHash\",\"expiresAt\":null}");
        String clean = "{\"username\":\"amina\"}";
        assertThat(AuditSecrets.redact(clean)).isEqualTo(clean);
    }
}
