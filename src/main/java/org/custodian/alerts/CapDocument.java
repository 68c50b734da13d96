package org.custodian.alerts;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * An alert as a CAP 1.2 document ({@code urn:oasis:names:tc:emergency:cap:1.2}): elements in the schema's
 * order, times with their offset ({@code -00:00} for UTC, never {@code Z}), one {@code info} per language,
 * each with the area as "lat,lon" polygons. Spring-free and thread-safe.
 */
final class CapDocument {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String MEDIA_TYPE = "application/cap+xml";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapDocument() {}

    /**
     * @param sender the sender as CAP has it (no spaces or commas)
     * @param references "sender,identifier,sent" of the earlier message, for an update or cancellation
     * @param zone the zone the times are written in (the region's)
     */
    static String xml(Alert alert, String sender, @Nullable String references, ZoneId zone) {
        Instant sent = alert.sentAt() == null ? alert.composedAt() : alert.sentAt();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(NAMESPACE);
            text(x, "identifier", alert.identifier());
            text(x, "sender", sender);
            text(x, "sent", time(sent, zone));
            text(x, "status", alert.status().released() ? "Actual" : "Draft");
            text(x, "msgType", alert.messageType());
            text(x, "scope", "Public");
            if (references != null) {
                text(x, "references", references);
            }
            for (AlertInfo info : alert.infos()) {
                x.writeStartElement("info");
                text(x, "language", info.language());
                text(x, "category", info.category());
                text(x, "event", info.event());
                text(x, "responseType", info.responseType());
                text(x, "urgency", info.urgency());
                text(x, "severity", info.severity());
                text(x, "certainty", info.certainty());
                text(x, "effective", time(alert.effective(), zone));
                text(x, "expires", time(alert.expires(), zone));
                text(x, "headline", info.headline());
                text(x, "description", info.description());
                text(x, "instruction", info.instruction());
                x.writeStartElement("area");
                text(x, "areaDesc", alert.areaDescription());
                for (int i = 0; i < alert.area().getNumGeometries(); i++) {
                    if (alert.area().getGeometryN(i) instanceof Polygon p) {
                        text(x, "polygon", polygon(p));
                    }
                }
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("alert " + alert.identifier() + " could not be written as CAP", e);
        }
        return out.toString();
    }

    /** CAP's time: seconds and the offset, UTC written as -00:00. */
    static String time(Instant at, ZoneId zone) {
        String t = TIME.format(at.atZone(zone));
        return t.endsWith("+00:00") ? t.substring(0, t.length() - 6) + "-00:00" : t;
    }

    /** The reference of a message as later ones cite it. */
    static String reference(Alert alert, String sender, ZoneId zone) {
        Instant sent = alert.sentAt() == null ? alert.composedAt() : alert.sentAt();
        return sender + "," + alert.identifier() + "," + time(sent, zone);
    }

    /** The outer ring as "lat,lon" pairs, closed. */
    static String polygon(Polygon polygon) {
        StringBuilder s = new StringBuilder();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%.6f,%.6f", c.y, c.x));
        }
        return s.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
