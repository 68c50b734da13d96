package org.custodian.fieldcollect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A blank form as served to devices: its id and version (from the primary instance's root), its title in
 * each language (the itext {@code form-title}), the MD5 of its file, and the type of each field (from its
 * bind) so that a submission's answers can be checked.
 *
 * @param fields each field's type by its path below the instance root ({@code found_on} to {@code date})
 * @param required the paths of the fields that must be answered
 * @param labels per language code, each field's label (itext {@code /data/<path>:label}) by its path, and
 *     each choice's by {@code <path>/<value>}
 * @param multiple the paths of the fields where several choices may be ticked ({@code select})
 */
record FormDefinition(
        String id,
        String version,
        String fileName,
        byte[] xml,
        String md5,
        Map<String, String> titles,
        Map<String, String> fields,
        Set<String> required,
        Map<String, Map<String, String>> labels,
        Set<String> multiple) {

    static final String XFORMS = "http://www.w3.org/2002/xforms";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** The title in the language asked for, else English. */
    String title(Locale locale) {
        return titles.getOrDefault(locale.getLanguage(), titles.getOrDefault("en", id));
    }

    /** A field's (or a choice's) label in the language asked for, else English, else its path. */
    String label(String path, Locale locale) {
        String l = labels.getOrDefault(locale.getLanguage(), Map.of()).get(path);
        return l != null ? l : labels.getOrDefault("en", Map.of()).getOrDefault(path, path);
    }

    /** A field's choices (value to label, in form order), empty when it is not a choice. */
    Map<String, String> choices(String path, Locale locale) {
        Map<String, String> choices = new LinkedHashMap<>();
        labels.getOrDefault("en", Map.of()).keySet().stream()
                .filter(k -> k.startsWith(path + "/"))
                .forEach(k -> choices.put(k.substring(path.length() + 1), label(k, locale)));
        return choices;
    }

    static FormDefinition read(String fileName, byte[] xml) {
        Document doc = SafeXml.parse("form", xml, 1_000_000);
        Element model = first(doc.getElementsByTagNameNS(XFORMS, "model"));
        Element instance = first(model.getElementsByTagNameNS(XFORMS, "instance"));
        Element root = firstChild(instance);
        String id = root.getAttribute("id");
        String version = root.getAttribute("version");
        if (id.isBlank() || version.isBlank()) {
            throw new IllegalStateException(fileName + ": the instance root needs an id and a version");
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        String labelPrefix = "/" + root.getLocalName() + "/";
        NodeList translations = model.getElementsByTagNameNS(XFORMS, "translation");
        for (int i = 0; i < translations.getLength(); i++) {
            Element t = (Element) translations.item(i);
            String lang = t.getAttribute("lang");
            int open = lang.lastIndexOf('(');
            String code = open < 0 ? lang : lang.substring(open + 1, lang.length() - 1);
            NodeList texts = t.getElementsByTagNameNS(XFORMS, "text");
            for (int j = 0; j < texts.getLength(); j++) {
                Element text = (Element) texts.item(j);
                String textId = text.getAttribute("id");
                if (textId.equals("form-title")) {
                    titles.put(code, text.getTextContent().strip());
                } else if (textId.startsWith(labelPrefix) && textId.endsWith(":label")) {
                    labels.computeIfAbsent(code, c -> new LinkedHashMap<>())
                            .put(
                                    textId.substring(labelPrefix.length(), textId.length() - ":label".length()),
                                    text.getTextContent().strip());
                }
            }
        }
        if (titles.isEmpty()) {
            titles.put(
                    "en",
                    first(doc.getElementsByTagNameNS(XHTML, "title"))
                            .getTextContent()
                            .strip());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        String prefix = "/" + root.getLocalName() + "/";
        NodeList binds = model.getElementsByTagNameNS(XFORMS, "bind");
        for (int i = 0; i < binds.getLength(); i++) {
            Element bind = (Element) binds.item(i);
            String nodeset = bind.getAttribute("nodeset");
            if (!nodeset.startsWith(prefix) || nodeset.startsWith(prefix + "meta/")) {
                continue;
            }
            String path = nodeset.substring(prefix.length());
            fields.put(path, bind.hasAttribute("type") ? bind.getAttribute("type") : "string");
            if (bind.getAttribute("required").equals("true()")) {
                required.add(path);
            }
        }
        Set<String> multiple = new java.util.HashSet<>();
        NodeList selects = doc.getElementsByTagNameNS(XFORMS, "select");
        for (int i = 0; i < selects.getLength(); i++) {
            String ref = ((Element) selects.item(i)).getAttribute("ref");
            if (ref.startsWith(prefix)) {
                multiple.add(ref.substring(prefix.length()));
            }
        }
        return new FormDefinition(
                id,
                version,
                fileName,
                xml,
                Hashes.md5(xml),
                Map.copyOf(titles),
                java.util.Collections.unmodifiableMap(fields),
                Set.copyOf(required),
                Map.copyOf(labels),
                Set.copyOf(multiple));
    }

    private static Element first(NodeList list) {
        if (list.getLength() == 0) {
            throw new IllegalStateException("the form lacks an element it needs");
        }
        return (Element) list.item(0);
    }

    static Element firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("the instance is empty");
    }
}
