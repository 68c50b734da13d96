package org.custodian.platform;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;

/**
 * The name an uploaded file is kept under, and the header it is served back with. A browser or a client
 * may send a whole path ({@code ../../etc/passwd}, {@code C:\Users\...}), control characters or a
 * bidirectional override that disguises the extension: only the last path segment is kept, without
 * those characters, at most {@value #MAX_LENGTH} characters (the extension kept). Stateless.
 */
public final class UploadedFileName {

    public static final int MAX_LENGTH = 200;

    private UploadedFileName() {}

    /** The safe name for a file sent as {@code sent}, or {@code fallback} when nothing usable is left. */
    public static String of(@Nullable String sent, String fallback) {
        if (sent == null) {
            return fallback;
        }
        String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(last.length());
        last.codePoints()
                .filter(c -> Character.getType(c) != Character.CONTROL
                        && Character.getType(c) != Character.FORMAT
                        && !(c >= 0x202A && c <= 0x202E)
                        && !(c >= 0x2066 && c <= 0x2069))
                .forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return fallback;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - extension.length());
            int keep = MAX_LENGTH - extension.length();
            name = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))))
                    + extension;
        }
        return name;
    }

    /**
     * The {@code Content-Disposition} header for serving a kept file: RFC 6266, the name both as an ASCII
     * fallback and RFC 5987-encoded in UTF-8, so any name reads back as it was.
     */
    public static String contentDisposition(boolean inline, String name) {
        return (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
