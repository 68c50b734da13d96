package org.custodian.mineaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class HazardAreaImportUnitTests {

    @Test
    void takesLockTimeoutsDeadlocksAndTakenReferencesForConcurrentWrites() {
        assertThat(HazardAreaImport.concurrentWrite(
                        new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00", 50200))))
                .isTrue();
        assertThat(HazardAreaImport.concurrentWrite(new SQLException("duplicate key", "23505")))
                .isTrue();
        assertThat(HazardAreaImport.concurrentWrite(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(HazardAreaImport.concurrentWrite(new SQLException("null value in column", "23502")))
                .isFalse();
        assertThat(HazardAreaImport.concurrentWrite(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void hashesWhatAFeatureSaysWhateverTheRingsStartingPoint() throws Exception {
        WKTReader wkt = new WKTReader(Wgs84.FACTORY);
        Geometry square = wkt.read("POLYGON ((47.1 39.6, 47.2 39.6, 47.2 39.7, 47.1 39.7, 47.1 39.6))");
        Geometry sameSquare = wkt.read("POLYGON ((47.2 39.6, 47.2 39.7, 47.1 39.7, 47.1 39.6, 47.2 39.6))");
        String hash = hash("North field", square, LocalDate.of(2024, 6, 2));
        assertThat(hash).hasSize(64).isEqualTo(hash("North field", sameSquare, LocalDate.of(2024, 6, 2)));
        assertThat(hash("South field", square, LocalDate.of(2024, 6, 2))).isNotEqualTo(hash);
        assertThat(hash("North field", square, null)).isNotEqualTo(hash);
    }

    private static String hash(String name, Geometry geometry, LocalDate recordedOn) {
        return HazardAreaImport.contentHash(
                "FZL",
                name,
                HazardArea.Classification.SHA,
                HazardArea.Priority.MEDIUM,
                Set.of(Contamination.AP_MINE, Contamination.UXO),
                recordedOn,
                geometry);
    }
}
