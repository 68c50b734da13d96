package org.custodian.alerts;

import io.swagger.v3.oas.annotations.Operation;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.custodian.territory.RegionTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public face of the alerts: each message that went out as a CAP 1.2 document, and an Atom feed of the
 * alerts in effect, as alert hubs and aggregators read them. No sign-in: warnings are for everyone.
 */
@RestController
class CapController {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private final Alerts alerts;
    private final RegionTimes times;
    private final String sender;

    CapController(
            Alerts alerts,
            RegionTimes times,
            @Value("${custodian.alerts.sender:alerts@custodian.example}") String sender) {
        this.alerts = alerts;
        this.times = times;
        this.sender = sender;
    }

    /** The CAP document of a message, its references cited. */
    String document(Alert alert) {
        Alert earlier = alerts.referenced(alert);
        String references =
                earlier == null ? null : CapDocument.reference(earlier, sender, times.zone(earlier.regionCode()));
        return CapDocument.xml(alert, sender, references, times.zone(alert.regionCode()));
    }

    @Operation(
            summary = "Read a CAP alert",
            description =
                    "The CAP 1.2 document (application/cap+xml) of an alert, update or cancellation that went out (issued, or since updated, cancelled or expired), valid against the OASIS CAP 1.2 schema. Public: no sign-in. Drafts, alerts awaiting approval and unknown identifiers answer 404.")
    // Whatever the client accepts: alert hubs and phones send all sorts of Accept headers.
    @GetMapping("/cap/alerts/{identifier}.xml")
    ResponseEntity<String> cap(@PathVariable String identifier) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CapDocument.MEDIA_TYPE + ";charset=UTF-8"))
                .body(document(alerts.released(identifier)));
    }

    @Operation(
            summary = "Atom feed of CAP alerts",
            description =
                    "An Atom feed (application/atom+xml) of the alerts, updates and cancellations issued and in effect now, newest first; each entry links to its CAP document (rel alternate, type application/cap+xml). Public: no sign-in.")
    @GetMapping("/cap/alerts.atom")
    ResponseEntity<String> feed() {
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<Alert> current = alerts.inEffect();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", base + "/cap/alerts.atom");
            text(x, "title", "Custodian: warnings to civilians (CAP 1.2)");
            Instant updated = current.stream()
                    .map(a -> a.sentAt() == null ? a.composedAt() : a.sentAt())
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            text(x, "updated", updated.toString());
            link(x, "self", "application/atom+xml", base + "/cap/alerts.atom");
            x.writeStartElement("author");
            text(x, "name", sender);
            x.writeEndElement();
            for (Alert a : current) {
                String href = base + "/cap/alerts/" + a.identifier() + ".xml";
                x.writeStartElement("entry");
                text(x, "id", href);
                text(x, "title", a.infos().isEmpty() ? a.identifier() : title(a));
                text(x, "updated", (a.sentAt() == null ? a.composedAt() : a.sentAt()).toString());
                text(x, "summary", a.messageType() + " · " + a.areaDescription());
                link(x, "alternate", CapDocument.MEDIA_TYPE, href);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the alerts feed could not be written", e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(out.toString());
    }

    /** The English headline when there is one, else the first. */
    private static String title(Alert a) {
        return a.infos().stream()
                .filter(i -> i.language().equals("en"))
                .findFirst()
                .orElse(a.infos().get(0))
                .headline();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
