package org.custodian.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.Test;

class CapDocumentUnitTests {

    static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    static AlertInfo info(String language, String headline) {
        return new AlertInfo(
                language,
                "Safety",
                "Danger near military facilities",
                "Immediate",
                "Severe",
                "Observed",
                "Avoid",
                headline,
                "Unexploded ordnance & <fenced> areas near the depot.",
                "Keep at least 500 m away.");
    }

    static Alert alert(String type, List<AlertInfo> infos, boolean approved) {
        Alert a = new Alert(
                "AGD-AL-00001",
                "AGD",
                type,
                null,
                infos,
                "Aghdam, around the depot",
                AlertArea.simplified(AlertAreaUnitTests.wobbly(46.93, 39.99, 4, 400), 100),
                Instant.parse("2023-09-19T06:00:00Z"),
                Instant.parse("2023-09-22T06:00:00Z"),
                "composer",
                Instant.parse("2023-09-19T05:00:00Z"),
                true);
        if (approved) {
            a.approve("approver", Instant.parse("2023-09-19T05:30:00Z"));
        }
        return a;
    }

    @Test
    void anIssuedAlertInFourLanguagesIsValidCap() {
        Alert a = alert(
                "Alert",
                List.of(
                        info("en", "Keep away from military facilities"),
                        info("ru", "Держитесь подальше от военных объектов"),
                        info("hy", "Հեռու մնացեք ռազմական օբյեկտներից"),
                        info("az", "Hərbi obyektlərdən uzaq durun")),
                true);
        String xml = CapDocument.xml(a, "alerts@custodian.example", null, BAKU);
        CapSchema.requireValid(xml);
        assertThat(xml)
                .contains(
                        "<sent>2023-09-19T09:30:00+04:00</sent>", "<status>Actual</status>", "<msgType>Alert</msgType>")
                .contains("Hərbi obyektlərdən", "&amp; &lt;fenced")
                .doesNotContain("<references>");
        // Infos in the order az, hy, ru, en.
        assertThat(xml.indexOf("<language>az")).isLessThan(xml.indexOf("<language>hy"));
        assertThat(xml.indexOf("<language>ru")).isLessThan(xml.indexOf("<language>en"));
    }

    @Test
    void timesInUtcAreWrittenWithMinusZeroAndPolygonsAsClosedLatitudeLongitudePairs() {
        assertThat(CapDocument.time(Instant.parse("2023-09-19T06:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo("2023-09-19T06:00:00-00:00");
        Alert a = alert("Alert", List.of(info("en", "Keep away")), true);
        String polygon =
                CapDocument.polygon((org.locationtech.jts.geom.Polygon) a.area().getGeometryN(0));
        String[] pairs = polygon.split(" ");
        assertThat(pairs.length).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(100);
        assertThat(pairs[0]).isEqualTo(pairs[pairs.length - 1]);
        assertThat(Double.parseDouble(pairs[0].split(",")[0])).isBetween(39.9, 40.1);
        assertThat(Double.parseDouble(pairs[0].split(",")[1])).isBetween(46.8, 47.1);
    }

    @Test
    void aCancellationCitesTheEarlierMessageAndIsValidCap() {
        Alert earlier = alert("Alert", List.of(info("en", "Keep away")), true);
        Alert cancel = alert(
                "Cancel", earlier.infos().stream().map(AlertInfo::cancelled).toList(), true);
        String reference = CapDocument.reference(earlier, "alerts@custodian.example", BAKU);
        assertThat(reference).isEqualTo("alerts@custodian.example,AGD-AL-00001,2023-09-19T09:30:00+04:00");
        String xml = CapDocument.xml(cancel, "alerts@custodian.example", reference, BAKU);
        CapSchema.requireValid(xml);
        assertThat(xml).contains("<msgType>Cancel</msgType>", "<references>" + reference, "Cancelled: Keep away");
        assertThat(cancel.smsText()).containsEntry("en", "Cancelled: Keep away");
    }

    @Test
    void theTwoPersonRuleHoldsInTheAlertItself() {
        Alert a = alert("Alert", List.of(info("en", "Keep away")), false);
        assertThatThrownBy(() -> a.approve("composer", Instant.parse("2023-09-19T05:30:00Z")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(a.status()).isEqualTo(Alert.Status.AWAITING_APPROVAL);
    }

    @Test
    void unknownLanguagesAndCodesAreRefusedWithTheAllowedValues() {
        AlertInfo german =
                new AlertInfo("de", "Safety", "e", "Immediate", "Severe", "Observed", "Avoid", "h", "d", "i");
        assertThatThrownBy(() -> AlertInfo.checked(german, "infos[0]"))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("[az, hy, ru, en]");
        AlertInfo loud = new AlertInfo("en", "Loud", "e", "Immediate", "Severe", "Observed", "Avoid", "h", "d", "i");
        assertThatThrownBy(() -> AlertInfo.checked(loud, "infos[0]")).hasMessageContaining("Safety");
    }
}
