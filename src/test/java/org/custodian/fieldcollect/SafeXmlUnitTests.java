package org.custodian.fieldcollect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.platform.RuleViolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parser of every XML a device or an administrator sends: a DOCTYPE is refused before any entity. */
class SafeXmlUnitTests {

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile() throws Exception {
        Path secret = Files.createTempFile("server-secret", ".txt");
        Files.writeString(secret, "do-not-leak-4711", StandardCharsets.UTF_8);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<data id=\"ordnance-find\"><description>&x;</description></data>";
        try {
            assertThatThrownBy(() -> SafeXml.parse("xml_submission_file", bytes(xml), 1_000_000))
                    .isInstanceOfSatisfying(
                            RuleViolated.class,
                            e -> assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("do-not-leak"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    @Timeout(5)
    void nestedEntitiesAreRefusedWithoutExpandingThem() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            laughs.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><data id=\"ordnance-find\"><description>&l12;</description></data>");
        assertThatThrownBy(() -> SafeXml.parse("xml_submission_file", bytes(laughs.toString()), 1_000_000))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> FormDefinition.read("form.xml", bytes(laughs.toString())))
                .isInstanceOf(RuleViolated.class);
    }

    /** One parser serves a thread's documents in turn: a refused document leaves it as strict and as able. */
    @Test
    void theParserOfAThreadParsesAgainAfterARefusal() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE data [<!ENTITY x \"y\">]><data>&x;</data>";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SafeXml.parse("xml_submission_file", bytes(doctype), 1_000_000))
                    .isInstanceOf(RuleViolated.class)
                    .hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> SafeXml.parse("xml_submission_file", bytes("<data><open></data>"), 1_000_000))
                    .isInstanceOf(RuleViolated.class);
            assertThat(SafeXml.parse("xml_submission_file", bytes("<data id=\"f\"><a>" + i + "</a></data>"), 1_000_000)
                            .getDocumentElement()
                            .getTextContent())
                    .isEqualTo(Integer.toString(i));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
