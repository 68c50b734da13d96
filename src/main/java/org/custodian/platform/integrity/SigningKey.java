package org.custodian.platform.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints. It comes from configuration ({@code custodian.integrity.signing-key}:
 * a PKCS#8 key in base64, or the path of a file holding one in PEM or base64) and is never written to the
 * database. Without one, a key is generated once into {@code custodian.integrity.generated-key-file}, with a
 * warning: a key on the database's own host protects against someone who can write the database but not
 * read that file.
 */
@Component
class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SigningKey(
            @Value("${custodian.integrity.signing-key:}") String configured,
            @Value("${custodian.integrity.generated-key-file:./data/checkpoint-signing-key.pem}") Path generated) {
        try {
            String text;
            if (!configured.isBlank()) {
                Path file = Path.of(configured.strip());
                text = isFile(file) ? Files.readString(file) : configured;
            } else if (Files.exists(generated)) {
                text = Files.readString(generated);
                LOG.warn(
                        "No custodian.integrity.signing-key is configured: checkpoints are signed with the key"
                                + " generated at {}. Keep the signing key away from the database's host.",
                        generated.toAbsolutePath());
            } else {
                text = generate(generated);
                LOG.warn(
                        "No custodian.integrity.signing-key is configured: generated a checkpoint signing key at {}."
                                + " Anyone who can read that file can sign checkpoints; configure a key kept away"
                                + " from the database's host.",
                        generated.toAbsolutePath());
            }
            this.privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(text)));
            this.publicKey = publicKeyOf(privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint signing key could not be read", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "custodian.integrity.signing-key is not an Ed25519 private key in PKCS#8 (base64 or PEM)", e);
        }
    }

    byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verifies(byte[] content, byte[] signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(content);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key in PEM (X.509 SubjectPublicKeyInfo), for partners who keep a copy of the checkpoints. */
    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** A short fingerprint of the public key: the first 16 hex digits of its SHA-256. */
    String id() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(pem)));
    }

    private static boolean isFile(Path path) {
        try {
            return Files.isRegularFile(path);
        } catch (SecurityException e) {
            return false;
        }
    }

    private static String generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions protect it.
        }
        return pem;
    }

    /**
     * The public key of an Ed25519 private key. The JDK derives it only while generating a pair, so the
     * generator is handed the private key's seed as its randomness.
     */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key)
                .getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key cannot be read"));
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        };
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, fixed);
        PublicKey derived = generator.generateKeyPair().getPublic();
        Signature probe = Signature.getInstance(ALGORITHM);
        probe.initSign(key);
        probe.update(seed);
        byte[] signed = probe.sign();
        probe.initVerify(derived);
        probe.update(seed);
        if (!probe.verify(signed)) {
            throw new GeneralSecurityException("the public key could not be derived from the private key");
        }
        return derived;
    }

    private static byte[] decode(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
