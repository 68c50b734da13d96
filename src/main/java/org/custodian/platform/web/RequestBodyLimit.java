package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body other than a multipart upload (which has its own limits,
 * {@code spring.servlet.multipart.*}) to {@code custodian.http.max-body-size}. A body announced larger is
 * refused with 413 before anything reads it, ahead of authentication; one that arrives without a length
 * is cut off at the limit while it is read, and answered 413 the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    /** A photo of an asset's assessment, the one upload whose use needs less than the multipart limit. */
    private static final Pattern PHOTO_UPLOAD = Pattern.compile("/api/assets/[^/]+/assessments/[^/]+/photos/?");

    private final long maxBytes;
    private final String limitInWords;
    private final long maxPhotoBytes;
    private final String photoLimitInWords;

    RequestBodyLimit(
            @Value("${custodian.http.max-body-size:5MB}") DataSize maxBodySize,
            @Value("${custodian.http.max-photo-size:10MB}") DataSize maxPhotoSize) {
        this.maxBytes = maxBodySize.toBytes();
        this.limitInWords = inWords(maxBodySize);
        this.maxPhotoBytes = maxPhotoSize.toBytes();
        this.photoLimitInWords = inWords(maxPhotoSize);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // A photo announced larger than its own limit is refused before it is read; other uploads, and one
            // sent without a length, are held to spring.servlet.multipart.* as the parts are read.
            if (PHOTO_UPLOAD.matcher(request.getRequestURI()).matches()
                    && request.getContentLengthLong() > maxPhotoBytes) {
                refuse(response, request, photoLimitInWords);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, request, limitInWords);
            return;
        }
        chain.doFilter(new Bounded(request, maxBytes, limitInWords), response);
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, String limitInWords)
            throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The client may still be sending: tell it the connection ends here rather than read the rest.
        response.setHeader("Connection", "close");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Body too large\",\"status\":413,\"detail\":\""
                        + tooLarge(limitInWords) + "\",\"instance\":\""
                        + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    static String tooLarge(String limit) {
        return "the request body is larger than the " + limit + " accepted";
    }

    static String inWords(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    /** A body read past the limit. Reported as a 413 problem by {@link ProblemAdvice}. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(String limit) {
            super(tooLarge(limit));
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final String limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long maxBytes, String limit) {
            super(request);
            this.maxBytes = maxBytes;
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes, limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final String limit;
        private long read;

        Counting(ServletInputStream in, long maxBytes, String limit) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.limit = limit;
        }

        private void count(long n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new BodyTooLarge(limit);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
