package org.custodian.fieldcollect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests OpenRosa and the submission store use, as lower-case hex. */
final class Hashes {

    private Hashes() {}

    static String md5(byte[] bytes) {
        return digest("MD5", bytes);
    }

    static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
