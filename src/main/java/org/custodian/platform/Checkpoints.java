package org.custodian.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Signed checkpoints of the {@link HashChain}s, kept in a file outside the database: an entry rewritten
 * and the chain recomputed after a checkpoint no longer leads to the head the checkpoint signed. Whoever
 * writes the database cannot forge a checkpoint without the signing key, which the database never holds.
 */
public interface Checkpoints {

    /**
     * Checks a chain, whose links were recomputed and hold up to {@code length}, against the last of its
     * checkpoints.
     *
     * @param hashAt the stored hash at a position (1 is the first), empty past the chain's end
     */
    Finding check(String chain, long length, LongFunction<Optional<String>> hashAt);

    /**
     * The latest checkpoints of every chain, newest first, each with whether it bears a valid signature of
     * this installation's key.
     *
     * @param count at most this many
     */
    java.util.List<Recorded> latest(int count);

    /**
     * One signed checkpoint: the {@code number}th line of the checkpoints file says the chain was
     * {@code length} entries long at {@code at}, its last entry hashing to {@code head}. {@code by} is who
     * asked for it, null when it was taken on schedule; it is told, not signed.
     */
    record Checkpoint(
            long number,
            String chain,
            long length,
            String head,
            Instant at,
            @Nullable String by) {

        public String label() {
            return "checkpoint " + number + " of " + at;
        }
    }

    /**
     * The outcome: {@code holds} when the chain still leads to the last checkpoint's head (or there is no
     * checkpoint yet, then {@code checkpoint} is null); otherwise {@code problem} says what no longer holds.
     */
    record Finding(
            boolean holds,
            @Nullable Checkpoint checkpoint,
            @Nullable String problem) {}

    /** A checkpoint as the file holds it, and whether its signature is this installation's. */
    record Recorded(Checkpoint checkpoint, boolean signed) {}
}
