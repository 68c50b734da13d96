package org.custodian.platform;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One field of a CSV file the product writes (RFC 4180), made safe to open in a spreadsheet. A text that
 * starts with {@code = + - @}, a tab or a carriage return would be run as a formula by Excel, LibreOffice or
 * Google Sheets (a record named {@code =HYPERLINK(...)} becomes a link that sends data away), so it is written
 * after a single quote, as OWASP's rule for CSV injection says. Numbers stay numbers, negative ones included.
 */
public final class CsvCell {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvCell() {}

    /** The field as written between commas: neutralised if a spreadsheet would run it, quoted if need be. */
    public static String of(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean number = value instanceof Number || NUMBER.matcher(text).matches();
        if (!number && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
