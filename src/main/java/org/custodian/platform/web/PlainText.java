package org.custodian.platform.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What text a field may hold: no control characters (NUL, BEL, ESC, ...) and no bidirectional override
 * or isolate characters (U+202A-U+202E, U+2066-U+2069), which can make a name display as something it is
 * not. Free-text fields (descriptions, notes, reasons, findings, damage, discrepancies, comments,
 * witnesses) and form fields of pasted GeoJSON may also hold line breaks and tabs; a field is of that
 * kind when its name ends with one of those words.
 * Spring-free and stateless; used for JSON bodies ({@link PlainTextJson}) and forms ({@link PlainTextForms}).
 */
final class PlainText {

    /** Names (or name endings) of free-text fields, and of the form fields that take pasted GeoJSON. */
    private static final List<String> FREE_TEXT = List.of(
            "description",
            "note",
            "notes",
            "reason",
            "damage",
            "findings",
            "discrepancy",
            "comment",
            "comments",
            "remarks",
            "narrative",
            "summary",
            "witnesses",
            "geometry",
            "area");

    private PlainText() {}

    /** Whether the field, by its name, holds free text of several lines. */
    static boolean multiLine(@Nullable String field) {
        if (field == null) {
            return false;
        }
        String name = field.toLowerCase(Locale.ROOT);
        return FREE_TEXT.stream().anyMatch(name::endsWith);
    }

    /** Why {@code value} may not be stored in the field, or null when it may. */
    static @Nullable String refusal(@Nullable String field, String value) {
        boolean multiLine = multiLine(field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return c == '\n' || c == '\r' || c == '\t'
                        ? "a line break or tab is not accepted in this field (one line only)"
                        : String.format(
                                Locale.ROOT, "contains a control character (U+%04X), which is not accepted", (int) c);
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return String.format(
                        Locale.ROOT,
                        "contains a bidirectional override character (U+%04X), which is not accepted",
                        (int) c);
            }
        }
        return null;
    }
}
