package org.custodian.fieldcollect;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A filled form as a device sends it ({@code xml_submission_file}): the form's id and version from the root's
 * attributes, {@code meta/instanceID} and {@code meta/deprecatedID}, and each answer by its path. Spring-free;
 * parsing goes through {@link SafeXml}.
 */
record SubmittedInstance(
        String formId,
        String formVersion,
        String instanceId,
        @Nullable String deprecatedId,
        Map<String, String> values) {

    static SubmittedInstance parse(byte[] xml, long maxBytes) {
        Document doc = SafeXml.parse("xml_submission_file", xml, maxBytes);
        Element root = doc.getDocumentElement();
        String id = root.getAttribute("id");
        if (id.isBlank()) {
            throw new RuleViolated("xml_submission_file", Refusals.ROOT_ELEMENT_HAS_NO_FORM_ID);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        collect(root, "", values, meta);
        String instanceId = meta.get("instanceID");
        if (instanceId == null || instanceId.isBlank()) {
            throw new RuleViolated("xml_submission_file", Refusals.SUBMISSION_HAS_NO_INSTANCE_ID);
        }
        if (instanceId.length() > 200) {
            throw new RuleViolated("xml_submission_file", Refusals.INSTANCE_ID_LONGER_THAN_200_CHARACTERS);
        }
        String deprecated = meta.get("deprecatedID");
        return new SubmittedInstance(
                id,
                root.getAttribute("version"),
                instanceId.strip(),
                deprecated == null || deprecated.isBlank() ? null : deprecated.strip(),
                values);
    }

    private static void collect(Element parent, String prefix, Map<String, String> values, Map<String, String> meta) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
            if (prefix.isEmpty() && name.equals("meta")) {
                for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element me) {
                        meta.put(me.getLocalName() == null ? me.getNodeName() : me.getLocalName(), me.getTextContent());
                    }
                }
                continue;
            }
            if (hasElementChildren(e)) {
                collect(e, prefix + name + "/", values, meta);
            } else {
                // A repeated field keeps its first answer under its name; later ones are numbered.
                String path = prefix + name;
                String key = path;
                for (int i = 2; values.containsKey(key); i++) {
                    key = path + "[" + i + "]";
                }
                values.put(key, e.getTextContent().strip());
            }
        }
    }

    private static boolean hasElementChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks answers against the form: required fields answered, numbers, dates and geopoints well-formed
     * and in range.
     *
     * @throws RuleViolated naming the field that is wrong
     */
    static void check(FormDefinition form, Map<String, String> values) {
        for (String field : form.required()) {
            String v = values.get(field);
            if (v == null || v.isBlank()) {
                throw new RuleViolated(field, Refusals.ANSWER_REQUIRED, field);
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String type = form.fields().get(e.getKey());
            String v = e.getValue();
            if (type == null || v.isBlank()) {
                continue;
            }
            try {
                switch (type) {
                    case "int" -> Long.parseLong(v);
                    case "decimal" -> Double.parseDouble(v);
                    case "date" -> LocalDate.parse(v);
                    case "dateTime" -> OffsetDateTime.parse(v);
                    case "geopoint" -> geopoint(e.getKey(), v);
                    default -> {
                        if (v.length() > 2000) {
                            throw new RuleViolated(e.getKey(), Refusals.ANSWER_LONGER_THAN_2000_CHARACTERS);
                        }
                    }
                }
            } catch (NumberFormatException | DateTimeParseException x) {
                throw new RuleViolated(e.getKey(), Refusals.ANSWER_NOT_VALID, e.getKey(), type, abbreviate(v));
            }
        }
    }

    /**
     * A geopoint answer ({@code "lat lon alt acc"}, altitude and accuracy optional) as {@code {lon, lat}}.
     *
     * @throws RuleViolated when it is malformed or out of range
     */
    static double[] geopoint(String field, String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 4) {
            throw new RuleViolated(field, Refusals.GEOPOINT_IS_LATITUDE_LONGITUDE);
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(parts[0]);
            lon = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new RuleViolated(field, Refusals.GEOPOINT_IS_LATITUDE_LONGITUDE);
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new RuleViolated(field, Refusals.GEOPOINT_OUT_OF_RANGE, abbreviate(value));
        }
        return new double[] {lon, lat};
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
