package org.custodian.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.Test;

class ConvoyUnitTests {

    static final Instant DAY = Instant.parse("2023-08-29T08:00:00Z");

    static Convoy convoy() {
        return new Convoy(
                "AGD-CV-00001",
                new Convoys.Draft(
                        "AGD",
                        "Red Crescent",
                        Wgs84.point(46.93, 39.991),
                        "Aghdam",
                        Wgs84.point(46.752, 39.815),
                        "Khankendi",
                        null,
                        List.of(new ManifestLine("Flour", new BigDecimal("40"), ManifestLine.Unit.TONNES)),
                        Set.of(),
                        DAY),
                null,
                "test",
                DAY);
    }

    @Test
    void aDeliveredConvoyNeverWaitsAgain() {
        Convoy c = convoy();
        c.changeStatus(Convoy.Status.EN_ROUTE, "left", "test", DAY.plusSeconds(60));
        c.changeStatus(Convoy.Status.DELIVERED, "arrived", "test", DAY.plusSeconds(120));
        for (Convoy.Status s : Convoy.Status.values()) {
            assertThatThrownBy(() -> c.changeStatus(s, "again", "test", DAY.plusSeconds(180)))
                    .as(s.name())
                    .isInstanceOf(ConflictWithState.class);
        }
        assertThat(c.history()).hasSize(3);
        assertThatThrownBy(() -> c.load(new ManifestLine("Rice", BigDecimal.ONE, ManifestLine.Unit.TONNES)))
                .isInstanceOf(ConflictWithState.class);
    }

    @Test
    void aPlannedConvoyIsNotDeliveredWithoutBeingOnTheWay() {
        Convoy c = convoy();
        assertThatThrownBy(() -> c.changeStatus(Convoy.Status.DELIVERED, "?", "test", DAY))
                .isInstanceOf(ConflictWithState.class)
                .hasMessageContaining("planned cannot become delivered");
    }

    @Test
    void waitingSinceSpansEveryHeldStatusInARow() {
        Convoy c = convoy();
        assertThat(c.waitingSince()).isNull();
        c.changeStatus(Convoy.Status.WAITING, "at the checkpoint", "test", DAY);
        c.changeStatus(Convoy.Status.REFUSED, "receipt refused", "test", DAY.plusSeconds(3600));
        c.changeStatus(Convoy.Status.BLOCKED, "road closed", "test", DAY.plusSeconds(7200));
        assertThat(c.waitingSince()).isEqualTo(DAY);
        c.changeStatus(Convoy.Status.EN_ROUTE, "allowed", "test", DAY.plusSeconds(9000));
        assertThat(c.waitingSince()).isNull();
        c.changeStatus(Convoy.Status.WAITING, "again", "test", DAY.plusSeconds(9600));
        assertThat(c.waitingSince()).isEqualTo(DAY.plusSeconds(9600));
    }

    @Test
    void aChangeNeedsAReasonAndComesAfterTheLast() {
        Convoy c = convoy();
        assertThatThrownBy(() -> c.changeStatus(Convoy.Status.WAITING, " ", "test", DAY))
                .isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> c.changeStatus(Convoy.Status.WAITING, "early", "test", DAY.minusSeconds(1)))
                .isInstanceOf(RuleViolated.class);
        assertThat(c.status()).isEqualTo(Convoy.Status.PLANNED);
    }

    @Test
    void peopleReportedHoldTogether() {
        assertThat(new People(50, 10, 10, 10, 10, 10, null, null, null, 30).given())
                .containsEntry("age_0_4", 10)
                .containsEntry("children", 30)
                .doesNotContainKey("female");
        assertThatThrownBy(() -> new People(50, 10, 10, 10, 10, 9, null, null, null, null))
                .hasMessageContaining("add up to 49");
        assertThatThrownBy(() -> new People(50, 10, 10, 10, 10, 10, null, null, null, 25))
                .hasMessageContaining("25 children");
        assertThatThrownBy(() -> new People(50, 10, null, null, null, null, null, null, null, null))
                .hasMessageContaining("all five");
        assertThatThrownBy(() -> new People(50, null, null, null, null, null, 30, 30, null, null))
                .isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> People.whole("evacuated", new BigDecimal("2.5")))
                .hasMessageContaining("whole number");
        assertThat(People.whole("evacuated", new BigDecimal("2000.0"))).isEqualTo(2000);
    }
}
