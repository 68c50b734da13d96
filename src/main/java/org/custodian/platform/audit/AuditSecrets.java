package org.custodian.platform.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for secrets in the audit trail: an attribute whose name speaks of a password, a passphrase,
 * a secret, a token or a private key (an account's bcrypt hash, a token's SHA-256, ...) is recorded as
 * {@value #REDACTED}, never with its value. The audit log says that such a field changed, not to what.
 */
final class AuditSecrets {

    static final String REDACTED = "(redacted)";

    private static final Pattern NAME =
            Pattern.compile("(?i)[a-z0-9_]*(password|passphrase|secret|token|privatekey|signingkey)[a-z0-9_]*");

    /** A secret attribute with a string value, as the audit trail writes it in JSON. */
    private static final Pattern IN_JSON = Pattern.compile("\"(" + NAME.pattern() + ")\":\"(?:[^\"\\\\]|\\\\.)*\"");

    /** What each attribute name was found to be: the names are the entities' properties, few and fixed. */
    private static final Map<String, Boolean> JUDGED = new ConcurrentHashMap<>();

    private AuditSecrets() {}

    /** Whether an entity's attribute is a secret; matched once a name, as every audited write asks it. */
    static boolean isSecret(String attribute) {
        return JUDGED.computeIfAbsent(attribute, name -> NAME.matcher(name).matches());
    }

    /** The JSON state with every secret attribute's value replaced; the same text when it holds none. */
    static String redact(String json) {
        Matcher m = IN_JSON.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(0).endsWith("\"" + REDACTED + "\"")
                    ? m.group(0)
                    : "\"" + m.group(1) + "\":\"" + REDACTED + "\"";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
