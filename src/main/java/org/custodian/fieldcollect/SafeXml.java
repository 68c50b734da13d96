package org.custodian.fieldcollect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.custodian.platform.RuleViolated;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses XML that devices send: no DOCTYPE at all (so no external entities, no entity expansion), no
 * XInclude, secure processing limits on, and a size limit checked before parsing. Thread-safe.
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    /**
     * A builder per thread, used again for each document: making one costs more than parsing a submission. A
     * builder parses one document at a time and starts each parse afresh; its features are the factory's.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SafeXml::builder);

    private SafeXml() {}

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @throws RuleViolated naming {@code field} when the bytes exceed {@code maxBytes} or are not well-formed
     *     XML without a DOCTYPE
     */
    static Document parse(String field, byte[] xml, long maxBytes) {
        if (xml.length > maxBytes) {
            throw new RuleViolated(field, Refusals.XML_LARGER_THAN_ACCEPTED, maxBytes);
        }
        try {
            return BUILDERS.get().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new RuleViolated(field, Refusals.XML_NOT_WELL_FORMED, e.getMessage());
        } catch (IOException e) {
            throw new RuleViolated(field, Refusals.XML_COULD_NOT_BE_READ, e.getMessage());
        }
    }
}
