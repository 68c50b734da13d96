package org.custodian.alerts.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that keeps subscribers' numbers from a database dump: numbers are stored AES-GCM encrypted, and
 * found by an HMAC-SHA256 keyed hash (duplicates, the sender of an opt-out). Both keys derive from one
 * 256-bit secret from configuration ({@code custodian.alerts.subscriber-key}, base64, or the path of a file
 * holding it). Without one, a secret is generated once into {@code
 * custodian.alerts.generated-subscriber-key-file}, with a warning, as the checkpoint signing key is.
 */
@Component
class SubscriberKey {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberKey.class);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One cipher per thread: looking the transformation up took an eighth of a dispatch's CPU per message. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;

    SubscriberKey(
            @Value("${custodian.alerts.subscriber-key:}") String configured,
            @Value("${custodian.alerts.generated-subscriber-key-file:./data/alerts-subscriber-key}") Path generated) {
        byte[] secret;
        try {
            if (!configured.isBlank()) {
                String text = configured.strip();
                secret = decode(isFile(text) ? Files.readString(Path.of(text)) : text);
            } else if (Files.exists(generated)) {
                secret = decode(Files.readString(generated));
                LOG.warn(
                        "No custodian.alerts.subscriber-key is configured: subscribers' numbers are encrypted with the"
                                + " key generated at {}. Keep that key away from the database's host and its backups.",
                        generated.toAbsolutePath());
            } else {
                secret = generate(generated);
                LOG.warn(
                        "No custodian.alerts.subscriber-key is configured: generated the key that encrypts"
                                + " subscribers' numbers at {}. Without it the numbers cannot be read again; keep a copy"
                                + " away from the database's host and configure it.",
                        generated.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the subscriber key could not be read", e);
        }
        if (secret.length < 32) {
            throw new IllegalStateException("custodian.alerts.subscriber-key must be at least 32 bytes in base64");
        }
        this.encryption = new SecretKeySpec(derive(secret, "custodian subscriber number encryption"), "AES");
        this.hashing = new SecretKeySpec(derive(secret, "custodian subscriber number hash"), "HmacSHA256");
    }

    /** The number encrypted: a fresh nonce, then the ciphertext with its tag. */
    byte[] encrypt(String number) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subscriber's number does not decrypt with the configured key", e);
        }
    }

    /** The keyed hash of a number in E.164, hex. */
    String hash(String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashing);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("custodian.alerts.subscriber-key is not base64", e);
        }
    }

    private static byte[] generate(Path file) throws IOException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps its default permissions.
        }
        return secret;
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (SecurityException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
