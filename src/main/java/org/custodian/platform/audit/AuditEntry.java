package org.custodian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One audited write: who changed which record when, and its state before and after (JSON). Entries form a
 * chain: each hash covers the entry's content and the previous entry's hash, so changing or removing any
 * past entry breaks every hash after it.
 */
record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String recordType,
        String recordId,
        @Nullable String before,
        @Nullable String after,
        String previousHash,
        String hash) {

    /** The hash of the chain's start. */
    static final String GENESIS = "0".repeat(64);

    static String hash(
            String previousHash,
            Instant at,
            String actor,
            String action,
            String recordType,
            String recordId,
            @Nullable String before,
            @Nullable String after) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields: no two different entries serialise to the same bytes.
            for (String part :
                    new String[] {previousHash, at.toString(), actor, action, recordType, recordId, before, after}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String expectedHash() {
        return hash(previousHash, at, actor, action, recordType, recordId, before, after);
    }
}
