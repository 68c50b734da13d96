package org.custodian.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RegionTimesUnitTests {

    static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    @Test
    void aDayAloneIsNoonInTheRegionSoItStaysThatDayInNeighbouringZones() {
        Instant moment = RegionTimes.moment(LocalDate.of(2023, 10, 5), null, BAKU);
        assertThat(moment).isEqualTo(Instant.parse("2023-10-05T08:00:00Z"));
        for (String zone : new String[] {"UTC", "Asia/Yerevan", "Europe/Moscow", "Asia/Tbilisi"}) {
            assertThat(moment.atZone(ZoneId.of(zone)).toLocalDate()).isEqualTo(LocalDate.of(2023, 10, 5));
        }
    }

    @Test
    void aKnownTimeIsTheRegionsWallClock() {
        assertThat(RegionTimes.moment(LocalDate.of(2023, 10, 5), LocalTime.of(1, 30), BAKU))
                .isEqualTo(Instant.parse("2023-10-04T21:30:00Z"));
    }
}
