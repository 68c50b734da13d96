package org.custodian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellUnitTests {

    @Test
    void textASpreadsheetWouldRunIsWrittenAfterAQuote() {
        assertThat(CsvCell.of("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCell.of("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCell.of("+7 555 0100")).isEqualTo("'+7 555 0100");
        assertThat(CsvCell.of("-1-1")).isEqualTo("'-1-1");
        assertThat(CsvCell.of("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCell.of("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvCell.of("=HYPERLINK(\"http://example.org\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"");
    }

    @Test
    void numbersStayNumbersAndOtherTextIsOnlyQuotedWhereRfc4180AsksIt() {
        assertThat(CsvCell.of(-46.5)).isEqualTo("-46.5");
        assertThat(CsvCell.of(-3L)).isEqualTo("-3");
        assertThat(CsvCell.of("-46.5")).isEqualTo("-46.5");
        assertThat(CsvCell.of("+1.5e3")).isEqualTo("+1.5e3");
        assertThat(CsvCell.of("Aghdam, east")).isEqualTo("\"Aghdam, east\"");
        assertThat(CsvCell.of("a = b")).isEqualTo("a = b");
        assertThat(CsvCell.of(null)).isEmpty();
        assertThat(CsvCell.of("")).isEmpty();
    }
}
