package org.custodian.alerts.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A text fitted to SMS: GSM-7 (GSM 03.38 with its extension table, each extension character counting two
 * septets) when every character has a code there, UCS-2 otherwise. One message holds 160 septets or 70 UCS-2
 * units; a concatenated one 153 or 67 per part (the user data header takes the rest). Texts longer than
 * {@code maxSegments} parts are cut at a character and end with "...".
 *
 * @param text the text as sent
 * @param ucs2 whether it goes as UCS-2 (data_coding 0x08) rather than GSM-7 (0x00)
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments how many SMS parts it takes
 */
record SmsText(String text, boolean ucs2, int units, int segments) {

    static final int DEFAULT_MAX_SEGMENTS = 4;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final String EXTENSION_CODES = "\n\u0014\u0028\u0029\u002f\u003c\u003d\u003e\u0040\u0065";

    static SmsText fit(String text, int maxSegments) {
        String t = text.strip();
        boolean gsm = isGsm(t);
        int units = gsm ? septets(t) : t.length();
        int limit = capacity(gsm, maxSegments);
        if (units > limit) {
            t = cut(t, gsm, limit - 3) + "...";
            units = gsm ? septets(t) : t.length();
        }
        return new SmsText(t, !gsm, units, segments(gsm, units));
    }

    static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001b' || (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    static int segments(boolean gsm, int units) {
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        if (units <= single) {
            return 1;
        }
        return (units + part - 1) / part;
    }

    private static int capacity(boolean gsm, int maxSegments) {
        return maxSegments <= 1 ? (gsm ? 160 : 70) : maxSegments * (gsm ? 153 : 67);
    }

    /** The longest prefix within {@code units}, never splitting an escape pair or a surrogate pair. */
    private static String cut(String text, boolean gsm, int units) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int cost = gsm ? (EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1) : Character.charCount(cp);
            if (used + cost > units) {
                break;
            }
            used += cost;
            i += Character.charCount(cp);
        }
        return text.substring(0, i).stripTrailing();
    }

    /** The bytes of the short message: GSM 03.38 unpacked, one septet a byte, or UCS-2 big-endian. */
    byte[] bytes() {
        if (ucs2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(units);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int e = EXTENSION.indexOf(c);
            if (e >= 0) {
                out.write(0x1b);
                out.write(EXTENSION_CODES.charAt(e));
            } else {
                out.write(BASIC.indexOf(c));
            }
        }
        return out.toByteArray();
    }

    /** The text of GSM 03.38 bytes (one septet a byte) as an SMSC delivers them. */
    static String decodeGsm(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0x7f;
            if (b == 0x1b && i + 1 < bytes.length) {
                int e = EXTENSION_CODES.indexOf((char) (bytes[++i] & 0x7f));
                if (e >= 0) {
                    s.append(EXTENSION.charAt(e));
                }
            } else {
                s.append(BASIC.charAt(b));
            }
        }
        return s.toString();
    }

    /** The data_coding byte of SMPP 3.4 for this text. */
    byte dataCoding() {
        return ucs2 ? (byte) 0x08 : (byte) 0x00;
    }
}
