package org.custodian.fieldcollect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Inflater;
import org.custodian.platform.RuleViolated;
import org.javarosa.core.model.FormDef;
import org.junit.jupiter.api.Test;

/** The hosted XForms parse with JavaRosa in four languages; submissions parse safely and are checked. */
class FieldFormsUnitTests {

    private final FieldForms forms = new FieldForms("");

    @Test
    void everyFormParsesWithJavaRosaInFourLanguages() throws Exception {
        assertThat(forms.all())
                .extracting(FormDefinition::id)
                .containsExactlyInAnyOrder(
                        SubmissionAccepted.ORDNANCE_FIND,
                        SubmissionAccepted.INCIDENT_REPORT,
                        SubmissionAccepted.FACILITY_INSPECTION,
                        SubmissionAccepted.OUTREACH_VISIT);
        for (FormDefinition form : forms.all()) {
            FormDef def = CollectDevice.parse(form.xml());
            assertThat(def.getMainInstance().getRoot().getAttributeValue(null, "id"))
                    .isEqualTo(form.id());
            String[] locales = def.getLocalizer().getAvailableLocales();
            assertThat(Arrays.stream(locales).map(l -> l.substring(l.lastIndexOf('(') + 1, l.length() - 1)))
                    .as(form.id())
                    .containsExactlyInAnyOrder("en", "az", "ru", "hy");
            assertThat(form.titles()).containsOnlyKeys("en", "az", "ru", "hy");
            assertThat(form.md5()).hasSize(32);
            assertThat(form.fields()).containsValue("geopoint");
        }
    }

    @Test
    void aFilledFormParsesBackWithItsInstanceIdAndAnswers() throws Exception {
        FormDefinition form = forms.openForm(SubmissionAccepted.ORDNANCE_FIND);
        byte[] xml = CollectDevice.fill(
                form.xml(),
                Map.of(
                        "location", "39.91 46.79",
                        "found_on", "2026-11-30",
                        "category", "AT_MINE",
                        "quantity", "2",
                        "description", "Two anti-tank mines by the road"));
        SubmittedInstance instance = SubmittedInstance.parse(xml, 1_000_000);
        assertThat(instance.formId()).isEqualTo(form.id());
        assertThat(instance.formVersion()).isEqualTo(form.version());
        assertThat(instance.instanceId()).startsWith("uuid:");
        assertThat(instance.values())
                .containsEntry("found_on", "2026-11-30")
                .containsEntry("category", "AT_MINE")
                .containsEntry("quantity", "2");
        SubmittedInstance.check(form, instance.values());
        assertThat(SubmittedInstance.geopoint("location", instance.values().get("location")))
                .containsExactly(46.79, 39.91);
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<data id=\"ordnance-find\"><description>&x;</description><meta><instanceID>uuid:1</instanceID></meta></data>";
        assertThatThrownBy(() -> SubmittedInstance.parse(xxe.getBytes(StandardCharsets.UTF_8), 1_000_000))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("DOCTYPE");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<data id=\"x\">&b;</data>";
        assertThatThrownBy(() -> SubmittedInstance.parse(bomb.getBytes(StandardCharsets.UTF_8), 1_000_000))
                .isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> SubmittedInstance.parse(new byte[2_000], 1_000))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("larger");
    }

    @Test
    void refusesAGeopointOutOfRangeAndAnswersOfTheWrongType() {
        FormDefinition form = forms.openForm(SubmissionAccepted.ORDNANCE_FIND);
        assertThatThrownBy(() -> SubmittedInstance.geopoint("location", "91 46 0 5"))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> SubmittedInstance.check(
                        form,
                        Map.of(
                                "location",
                                "39.9 46.7",
                                "found_on",
                                "2026-11-30",
                                "category",
                                "UXO",
                                "quantity",
                                "two")))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("int");
        assertThatThrownBy(() -> SubmittedInstance.check(form, Map.of("location", "39.9 46.7")))
                .isInstanceOf(RuleViolated.class)
                .hasMessageContaining("required");
    }

    @Test
    void aClosedFormIsNotListedAndTakesNoSubmissions() {
        FieldForms someClosed = new FieldForms("outreach-visit");
        assertThat(someClosed.open()).extracting(FormDefinition::id).doesNotContain("outreach-visit");
        FormDefinition visit = someClosed.find("outreach-visit").orElseThrow();
        assertThatThrownBy(() -> someClosed.forSubmission("outreach-visit", visit.version()))
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> forms.forSubmission("ordnance-find", "1")).hasMessageContaining("no longer current");
    }

    @Test
    void theConfigurationCodeIsCollectsSettingsDeflatedAndBase64() throws Exception {
        String json = CollectSettings.json("https://custodian.example/openrosa/key/abc", "Custodian");
        String payload = CollectSettings.payload(json);
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(payload));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        String back = out.toString(StandardCharsets.UTF_8);
        assertThat(back).isEqualTo(json);
        assertThat(back)
                .contains("\"general\":{\"server_url\":\"https://custodian.example/openrosa/key/abc\"")
                .contains("\"admin\":{")
                .contains("\"project\":{\"name\":\"Custodian\"");
        assertThat(CollectSettings.svg(payload)).startsWith("<svg").contains("<path");
    }
}
