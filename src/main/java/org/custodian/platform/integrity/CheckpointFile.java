package org.custodian.platform.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.custodian.platform.Checkpoints;
import org.custodian.platform.HashChain;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoints file: one JSON line per checkpoint, appended, never rewritten, in the configured directory
 * beside the public key that checks its signatures. Each line signs, with Ed25519, the text
 * {@code custodian-checkpoint}, number, chain, length, head and time, one per line (see {@link #signed}),
 * so that a partner holding a copy and the public key can check it with any Ed25519 tool.
 */
@Component
class CheckpointFile implements Checkpoints {

    static final String FILE = "checkpoints.jsonl";
    static final String PUBLIC_KEY = "checkpoint-key.pem";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final SigningKey key;

    CheckpointFile(@Value("${custodian.integrity.directory:./data/integrity}") Path directory, SigningKey key) {
        this.directory = directory;
        this.key = key;
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PUBLIC_KEY), key.publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the checkpoint directory " + directory.toAbsolutePath()
                            + " cannot be written (custodian.integrity.directory)",
                    e);
        }
    }

    /** A line of the file, its signature checked with this installation's key. */
    record Line(Checkpoint checkpoint, boolean signed) {}

    @Override
    public Finding check(String chain, long length, LongFunction<Optional<String>> hashAt) {
        Line last = null;
        for (Line line : lines()) {
            if (line.checkpoint().chain().equals(chain)) {
                last = line;
            }
        }
        if (last == null) {
            return new Finding(true, null, null);
        }
        Checkpoint c = last.checkpoint();
        if (!last.signed()) {
            return new Finding(
                    false,
                    c,
                    c.label() + " does not bear a valid signature of this installation's key: the checkpoints file"
                            + " was altered");
        }
        if (length < c.length()) {
            return new Finding(
                    false,
                    c,
                    "the chain was truncated: " + c.label() + " signed " + c.length() + " entries, " + length
                            + " remain");
        }
        String now = hashAt.apply(c.length()).orElse("");
        if (!now.strip().equals(c.head())) {
            return new Finding(
                    false,
                    c,
                    "the chain was rewritten: its first " + c.length() + " entries no longer lead to the head "
                            + c.label() + " signed");
        }
        return new Finding(true, c, null);
    }

    /** Every line of the file, oldest first; a line that cannot be read counts as unsigned. */
    synchronized List<Line> lines() {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoints file " + file.toAbsolutePath() + " cannot be read", e);
        }
        List<Line> lines = new ArrayList<>();
        long number = 0;
        for (String t : text) {
            if (t.isBlank()) {
                continue;
            }
            number++;
            lines.add(parse(number, t));
        }
        return lines;
    }

    @Override
    public List<Recorded> latest(int count) {
        List<Line> all = lines();
        return all.subList(Math.max(0, all.size() - count), all.size()).reversed().stream()
                .map(l -> new Recorded(l.checkpoint(), l.signed()))
                .toList();
    }

    /** Signs and appends a checkpoint of the chain's head, asked for by {@code by} (null: on schedule). */
    synchronized Checkpoint append(String chain, HashChain.Head head, @Nullable String by) {
        Path file = directory.resolve(FILE);
        long number = lines().size() + 1L;
        Checkpoint c = new Checkpoint(number, chain, head.length(), head.hash(), Instant.now(), by);
        String signature = Base64.getEncoder().encodeToString(key.sign(signed(c)));
        var line = new java.util.LinkedHashMap<String, Object>();
        line.put("number", c.number());
        line.put("chain", c.chain());
        line.put("length", c.length());
        line.put("head", c.head());
        line.put("at", c.at().toString());
        line.put("key", key.id());
        line.put("signature", signature);
        if (by != null) {
            line.put("by", by);
        }
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoints file " + file.toAbsolutePath() + " cannot be written", e);
        }
        return c;
    }

    /** The file as it is, for download. */
    byte[] contents() {
        try {
            Path file = directory.resolve(FILE);
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** The exact bytes a checkpoint's signature covers. */
    static byte[] signed(Checkpoint c) {
        return ("custodian-checkpoint\n" + c.number() + '\n' + c.chain() + '\n' + c.length() + '\n' + c.head() + '\n'
                        + c.at())
                .getBytes(StandardCharsets.UTF_8);
    }

    private Line parse(long number, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            Checkpoint c = new Checkpoint(
                    n.get("number").asLong(),
                    n.get("chain").asString(),
                    n.get("length").asLong(),
                    n.get("head").asString(),
                    Instant.parse(n.get("at").asString()),
                    n.hasNonNull("by") ? n.get("by").asString() : null);
            byte[] signature = Base64.getDecoder().decode(n.get("signature").asString());
            return new Line(c, c.number() == number && key.verifies(signed(c), signature));
        } catch (RuntimeException e) {
            return new Line(new Checkpoint(number, unreadable(text), 0, "", Instant.EPOCH, null), false);
        }
    }

    /** The chain a damaged line names, if it can still be made out, so that the damage is reported there. */
    private static String unreadable(String text) {
        var m = java.util.regex.Pattern.compile("\"chain\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
