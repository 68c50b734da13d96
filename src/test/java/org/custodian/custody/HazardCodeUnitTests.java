package org.custodian.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HazardCodeUnitTests {

    @Test
    void theUnSystemHasThirtyFiveCodes() {
        assertThat(HazardCode.all()).hasSize(35).contains(HazardCode.parse("1.5D"), HazardCode.parse("1.6N"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4A", "1.7C", "1.1H", "1.5A", "1.6S", "1.2I", "2.1", "1.1", "ammo"})
    void refusesCodesTheUnDoesNotAssign(String code) {
        assertThatThrownBy(() -> HazardCode.parse(code))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("is not a UN")
                .extracting(e -> ((RuleViolated) e).field())
                .isEqualTo("hazardCode");
    }

    @Test
    void namesTheGroupsADivisionTakes() {
        assertThatThrownBy(() -> HazardCode.parse("1.4A")).hasMessageContaining("takes groups B, C, D, E, F, G, S");
    }

    @ParameterizedTest
    @CsvSource({
        "1.1D, 1.1E, true",
        "1.1D, 1.2C, true",
        "1.4S, 1.3H, true",
        "1.1D, 1.3G, true",
        "1.6N, 1.1D, true",
        "1.1B, 1.4S, true",
        "1.1A, 1.1A, true",
        "1.1A, 1.4S, false",
        "1.3L, 1.4S, false",
        "1.2K, 1.4S, false",
        "1.1B, 1.1D, false",
        "1.1F, 1.1E, false",
        "1.2H, 1.2J, false",
        "1.3G, 1.6N, false"
    })
    void followsTheMixingRulesBothWays(String a, String b, boolean allowed) {
        HazardCode x = HazardCode.parse(a);
        HazardCode y = HazardCode.parse(b);
        assertThat(x.conflictWith(y).isEmpty()).isEqualTo(allowed);
        assertThat(y.conflictWith(x).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void groupLIsStoredAlone() {
        assertThat(HazardCode.parse("1.3L").conflictWith(HazardCode.parse("1.1D")))
                .hasValueSatisfying(why -> assertThat(why.english()).contains("group L must be stored alone"));
    }

    @Test
    void theSiteSaysWhichGroupsItMayStillTake() {
        assertThat(CustodyPageController.acceptedGroups(java.util.List.of("1.1E", "1.4S")))
                .containsExactly('C', 'D', 'E', 'G', 'N', 'S');
        assertThat(CustodyPageController.acceptedGroups(java.util.List.of())).hasSize(13);
    }
}
