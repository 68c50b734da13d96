package org.custodian.platform;

import java.util.Optional;

/**
 * A hash chain kept in the database (the audit log, the custody ledger) whose head the platform signs in
 * checkpoints kept outside the database. A module that keeps a chain offers one bean of this type; the
 * platform finds them all, so adding a chain never edits the platform.
 *
 * <p>Positions count entries from 1 in chain order; a chain of length {@code n} ends with entry {@code n}.
 */
public interface HashChain {

    /** A stable short name, written in every checkpoint of the chain: {@code audit}, {@code custody-ledger}. */
    String name();

    /**
     * Recomputes the whole chain from its start.
     *
     * @return its length and the hash of its last entry; empty when a link does not hold (a broken chain is
     *     never signed)
     */
    Optional<Head> verifiedHead();

    /** The stored hash of the entry at this position (1 is the first); empty when the chain is shorter. */
    Optional<String> hashAt(long position);

    /** How long a chain was and the hash of its last entry. */
    record Head(long length, String hash) {}
}
