package org.custodian.alerts.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fitting texts to SMS: alphabet, septets with the extension table, segments, cutting, stop words. */
class SmsTextUnitTests {

    @Test
    void englishIsGsm7AndExtensionCharactersCountTwice() {
        SmsText t = SmsText.fit("Keep away [from] the area {now} ~ €5", 4);
        assertThat(t.ucs2()).isFalse();
        assertThat(t.units()).isEqualTo(36 + 6);
        assertThat(t.segments()).isEqualTo(1);
        assertThat(SmsText.decodeGsm(t.bytes())).isEqualTo(t.text());
        assertThat(t.bytes()).hasSize(42);
    }

    @Test
    void azerbaijaniArmenianAndRussianNeedUcs2() {
        assertThat(SmsText.fit("Hərbi obyektlərdən uzaq durun", 4).ucs2()).isTrue();
        assertThat(SmsText.fit("Հեռու մնացեք", 4).ucs2()).isTrue();
        assertThat(SmsText.fit("Держитесь подальше", 4).ucs2()).isTrue();
        // Azerbaijani without ə, ş, ğ, ı still fits GSM-7 (ö, ü and Ç are in it).
        assertThat(SmsText.fit("Ölü zona, Çox təhlükəli", 4).ucs2()).isTrue();
        assertThat(SmsText.fit("Ölü zona", 4).ucs2()).isFalse();
    }

    @Test
    void segmentsAre160Or153AndSeventyOr67() {
        assertThat(SmsText.fit("a".repeat(160), 4).segments()).isEqualTo(1);
        assertThat(SmsText.fit("a".repeat(161), 4).segments()).isEqualTo(2);
        assertThat(SmsText.fit("a".repeat(306), 4).segments()).isEqualTo(2);
        assertThat(SmsText.fit("a".repeat(307), 4).segments()).isEqualTo(3);
        assertThat(SmsText.fit("я".repeat(70), 4).segments()).isEqualTo(1);
        assertThat(SmsText.fit("я".repeat(71), 4).segments()).isEqualTo(2);
        assertThat(SmsText.fit("я".repeat(134), 4).segments()).isEqualTo(2);
        assertThat(SmsText.fit("я".repeat(135), 4).segments()).isEqualTo(3);
        // 159 plain characters and one from the extension table: 161 septets, two parts.
        assertThat(SmsText.fit("a".repeat(159) + "€", 4).segments()).isEqualTo(2);
    }

    @Test
    void longTextsAreCutToTheLimitWithoutSplittingAnEscape() {
        SmsText gsm = SmsText.fit("a".repeat(610) + "[]]]]", 4);
        assertThat(gsm.units()).isLessThanOrEqualTo(4 * 153);
        assertThat(gsm.segments()).isEqualTo(4);
        assertThat(gsm.text()).endsWith("...");
        SmsText ucs2 = SmsText.fit("ж".repeat(500), 2);
        assertThat(ucs2.units()).isEqualTo(134);
        assertThat(ucs2.segments()).isEqualTo(2);
        assertThat(SmsText.fit("a".repeat(200), 1).segments()).isEqualTo(1);
    }

    @Test
    void stopWordsInFourLanguages() {
        assertThat(SmscDispatch.isStop("stop")).isTrue();
        assertThat(SmscDispatch.isStop(" Dayan! ")).isTrue();
        assertThat(SmscDispatch.isStop("стоп")).isTrue();
        assertThat(SmscDispatch.isStop("ԿԱՆԳ")).isTrue();
        assertThat(SmscDispatch.isStop("կանգ")).isTrue();
        assertThat(SmscDispatch.isStop("stop sending me")).isFalse();
        assertThat(SmscDispatch.isStop("hello")).isFalse();
    }

    @Test
    void backOffDoublesAndIsCapped() {
        assertThat(SmscDispatch.backOff(1)).hasSeconds(1);
        assertThat(SmscDispatch.backOff(2)).hasSeconds(2);
        assertThat(SmscDispatch.backOff(4)).hasSeconds(8);
        assertThat(SmscDispatch.backOff(30)).hasSeconds(300);
    }

    @Test
    void phoneNumbersAreValidatedAndMasked() {
        assertThat(PhoneNumbers.e164("phone", "050 123 45 67")).isEqualTo("+994501234567");
        assertThat(PhoneNumbers.e164("phone", "+1 201-555-0123")).isEqualTo("+12015550123");
        assertThat(PhoneNumbers.masked("+994501234567")).isEqualTo("+994 •••••••67");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhoneNumbers.e164("phone", "+994 12"))
                .hasMessageContaining("phone");
    }
}
