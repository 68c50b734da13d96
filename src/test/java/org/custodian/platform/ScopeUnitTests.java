package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeUnitTests {

    @Test
    void anOfficerReadsAndWritesOnlyTheirRegions() {
        Scope officer = new Scope("o", Role.OFFICER, false, Set.of("AGD"), null);
        assertThat(officer.reads("AGD")).isTrue();
        assertThat(officer.writes("AGD")).isTrue();
        assertThat(officer.reads("SHU")).isFalse();
        assertThat(officer.writes("SHU")).isFalse();
    }

    @Test
    void aViewerAndAPartnerNeverWrite() {
        assertThat(new Scope("v", Role.VIEWER, true, Set.of(), null).writes("AGD"))
                .isFalse();
        assertThat(new Scope("p", Role.PARTNER, false, Set.of("AGD"), 3L).writes("AGD"))
                .isFalse();
    }

    @Test
    void anAdminSeesAllRegionsWhateverTheList() {
        Scope admin = new Scope("a", Role.ADMIN, false, Set.of(), null);
        assertThat(admin.allRegions()).isTrue();
        assertThat(admin.writes("ANY")).isTrue();
    }

    @Test
    void anEmptyScopeStillGivesAQueryableList() {
        assertThat(new Scope("n", Role.VIEWER, false, Set.of(), null).regionsForQuery())
                .containsExactly("");
    }
}
