package org.custodian.alerts;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The OASIS CAP 1.2 schema the project ships, for tests: validates a document with external entities,
 * DTDs and schemas from elsewhere refused, so a document cannot make the validator fetch or expand anything.
 */
final class CapSchema {

    private static final Schema SCHEMA = load();

    private CapSchema() {}

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(
                    new StreamSource(CapSchema.class.getResourceAsStream("/cap/CAP-v1.2.xsd"), "cap/CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws AssertionError naming the schema's complaint when the document is not valid CAP 1.2 */
    static void requireValid(String xml) {
        try {
            Validator validator = SCHEMA.newValidator();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | java.io.IOException e) {
            throw new AssertionError("not valid CAP 1.2: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
