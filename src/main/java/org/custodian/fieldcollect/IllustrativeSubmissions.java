package org.custodian.fieldcollect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.custodian.platform.Scope;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Illustrative submissions for the demo, so that the review queue shows what a phone sends: an instance of
 * the current form built from the answers given (as Collect serialises one), with a generated photo that
 * says it is illustrative, received as any submission is. They stay waiting for review.
 */
@Service
public class IllustrativeSubmissions {

    /** The sender named on illustrative submissions. */
    public static final String SENDER = "demo (illustrative)";

    private final FieldCollection collection;
    private final FieldForms forms;

    IllustrativeSubmissions(FieldCollection collection, FieldForms forms) {
        this.collection = collection;
        this.forms = forms;
    }

    /** Whether any submission was ever received (the demo adds its own only to an empty queue). */
    public boolean anyReceived() {
        return collection.anyReceived();
    }

    /**
     * Receives an illustrative submission of the form with these answers (by field name; the location as
     * "lat lon") and, when it has a photo field, an illustrative photo.
     */
    public void receive(String formId, Map<String, String> answers) {
        FormDefinition form = forms.openForm(formId);
        String photo = form.fields().entrySet().stream()
                .filter(e -> e.getValue().equals("binary"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        String photoName = "illustrative-" + formId + ".jpg";
        byte[] xml = instance(form, answers, photo == null ? null : photoName);
        List<FieldCollection.Upload> uploads =
                photo == null ? List.of() : List.of(new FieldCollection.Upload(photoName, "image/jpeg", photo()));
        collection.receive(Scope.system(SENDER), null, xml, uploads);
    }

    private static byte[] instance(FormDefinition form, Map<String, String> answers, String photoName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element root = doc.createElement("data");
            root.setAttribute("id", form.id());
            root.setAttribute("version", form.version());
            doc.appendChild(root);
            for (Map.Entry<String, String> field : form.fields().entrySet()) {
                Element e = doc.createElement(field.getKey());
                String value = field.getValue().equals("binary") ? photoName : answers.get(field.getKey());
                if (field.getValue().equals("geopoint") && value != null) {
                    value = value + " 0 5";
                }
                if (value != null) {
                    e.setTextContent(value);
                }
                root.appendChild(e);
            }
            Element meta = doc.createElement("meta");
            Element id = doc.createElement("instanceID");
            id.setTextContent("uuid:" + UUID.randomUUID());
            meta.appendChild(id);
            root.appendChild(meta);
            var out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain striped picture (no text: a server may have no fonts); its file name says it is illustrative. */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x5b6770));
        g.fillRect(0, 0, 640, 360);
        g.setColor(new Color(0xe0b040));
        g.setStroke(new java.awt.BasicStroke(24));
        for (int x = -360; x < 640; x += 80) {
            g.drawLine(x, 360, x + 360, 0);
        }
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
