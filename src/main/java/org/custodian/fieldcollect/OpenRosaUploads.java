package org.custodian.fieldcollect;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

/**
 * Takes an OpenRosa submission apart before the servlet container would. Tomcat looks for the boundary one byte at
 * a time (Knuth-Morris-Pratt) and copies each part three times on its way to the controller: for a 200 kB photo
 * that was a sixth of a submission's CPU. Here a body up to the size the container keeps in memory anyway is read
 * once, the boundary found by skipping (Boyer-Moore-Horspool), and each part copied once. It runs after sign-in
 * checks, so a refused device sends its body to no one. Larger bodies, and any body this does not read as a
 * well-formed multipart/form-data, go to the container's parser as before.
 */
@Component
class OpenRosaUploads extends OncePerRequestFilter {

    /** What the container keeps in memory too ({@code spring.servlet.multipart.file-size-threshold}). */
    static final int IN_MEMORY = 1024 * 1024 + 64 * 1024;

    private static final int HEADERS_MAX = 10 * 1024;

    private static final byte[] CLOSE = {'-', '-'};
    private static final byte[] LINE = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long length = request.getContentLengthLong();
        return !"POST".equals(request.getMethod())
                || !path.startsWith("/openrosa/")
                || !path.endsWith("/submission")
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || length <= 0
                || length > IN_MEMORY;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String boundary;
        try {
            boundary = MediaType.parseMediaType(request.getContentType()).getParameter("boundary");
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            boundary = null;
        }
        if (boundary == null || boundary.length() > 200) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) request.getContentLengthLong());
        HttpServletRequest parsed = parts(request, body, boundary.replace("\"", ""));
        // A body not read as multipart here has been consumed: the controller finds no parts and says so (400).
        chain.doFilter(
                parsed == null
                        ? new DefaultMultipartHttpServletRequest(
                                request, new LinkedMultiValueMap<>(), Map.of(), Map.of())
                        : parsed,
                response);
    }

    /**
     * The request with the body's parts: those with a file name as files, the others as parameters, as Spring
     * sorts them; null when the body is not well-formed multipart/form-data.
     */
    static @Nullable DefaultMultipartHttpServletRequest parts(
            HttpServletRequest request, byte[] body, String boundary) {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        Map<String, String[]> fields = new LinkedHashMap<>();
        int at;
        if (startsWith(body, 0, delimiter, 2)) {
            at = delimiter.length - 2; // the first delimiter opens the body, without a line break before it
        } else {
            int found = search(body, 0, delimiter);
            if (found < 0) {
                return null;
            }
            at = found + delimiter.length;
        }
        while (true) {
            if (startsWith(body, at, CLOSE, 0)) {
                return new DefaultMultipartHttpServletRequest(request, files, fields, Map.of());
            }
            if (!startsWith(body, at, LINE, 0)) {
                return null;
            }
            int headersEnd = search(body, at + 2, HEADERS_END);
            if (headersEnd < 0 || headersEnd - at > HEADERS_MAX) {
                return null;
            }
            int contentStart = headersEnd + 4;
            int contentEnd = search(body, contentStart, delimiter);
            if (contentEnd < 0) {
                return null;
            }
            String name = null;
            String file = null;
            String type = null;
            for (String line : new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                String header = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (header.equalsIgnoreCase("content-disposition")) {
                    ContentDisposition disposition;
                    try {
                        disposition = ContentDisposition.parse(value);
                    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                        // Not well-formed (Spring's parser may also run off the end of it): a body without parts,
                        // which the controller refuses with a 400, not a 500.
                        return null;
                    }
                    name = disposition.getName();
                    file = disposition.getFilename();
                } else if (header.equalsIgnoreCase("content-type")) {
                    type = value;
                }
            }
            if (name != null && file != null) {
                files.add(name, new Part(name, file, type, Arrays.copyOfRange(body, contentStart, contentEnd)));
            } else if (name != null) {
                String value = new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
                String[] before = fields.getOrDefault(name, new String[0]);
                String[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = value;
                fields.put(name, after);
            }
            at = contentEnd + delimiter.length;
        }
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix, int from) {
        return body.length - at >= prefix.length - from
                && Arrays.equals(body, at, at + prefix.length - from, prefix, from, prefix.length);
    }

    /** Where the pattern first occurs from {@code from} on, or -1 (Boyer-Moore-Horspool: it skips, mostly). */
    static int search(byte[] body, int from, byte[] pattern) {
        int last = pattern.length - 1;
        int[] skip = new int[256];
        Arrays.fill(skip, pattern.length);
        for (int i = 0; i < last; i++) {
            skip[pattern[i] & 0xff] = last - i;
        }
        for (int at = from; at + last < body.length; at += skip[body[at + last] & 0xff]) {
            if (Arrays.equals(body, at, at + pattern.length, pattern, 0, pattern.length)) {
                return at;
            }
        }
        return -1;
    }

    /** A part held in memory, as it came. */
    private record Part(String name, String file, @Nullable String type, byte[] content) implements MultipartFile {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getOriginalFilename() {
            return file;
        }

        @Override
        public @Nullable String getContentType() {
            return type;
        }

        @Override
        public boolean isEmpty() {
            return content.length == 0;
        }

        @Override
        public long getSize() {
            return content.length;
        }

        /** The part's own bytes, not a copy: the submission keeps them and no one changes them. */
        @Override
        public byte[] getBytes() {
            return content;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            Files.write(dest.toPath(), content);
        }
    }
}
