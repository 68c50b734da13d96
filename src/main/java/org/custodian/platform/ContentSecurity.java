package org.custodian.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Content-Security-Policy every response carries: scripts and styles from the application only, no inline
 * ones, no framing. A self-contained document (the situation report, saved and mailed as it is) may allow its
 * own style sheet by the sheet's hash, and nothing wider.
 */
public final class ContentSecurity {

    private static final String BEFORE_STYLE = "default-src 'self'; img-src 'self' data:; style-src 'self'";
    private static final String AFTER_STYLE = "; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    /** The policy of every page and answer. */
    public static final String POLICY = BEFORE_STYLE + AFTER_STYLE;

    private ContentSecurity() {}

    /** The policy, with this one style sheet (the text inside its {@code <style>} element) allowed. */
    public static String allowingStyle(String styleSheet) {
        try {
            String hash = Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(styleSheet.getBytes(StandardCharsets.UTF_8)));
            return BEFORE_STYLE + " 'sha256-" + hash + "'" + AFTER_STYLE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
