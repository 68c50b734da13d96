package org.custodian.platform;

/**
 * A hash chain whose writers do not link their own entries: a write inserts its entries unlinked, in its own
 * transaction, and the platform's seal links whatever has committed, many writes' entries under one lock of the
 * chain's head and one commit. Writers then never queue for the head while their commit reaches the disk, which
 * would let only one write commit at a time.
 *
 * <p>A module that keeps such a chain offers one bean of this type. The seal runs after every audited write
 * (each write that adds entries is also an audited change of the module's records) and at least once a second,
 * and the request that wrote waits for it before it answers, so the writer finds its entries in the chain.
 */
public interface SealedChain {

    /**
     * Links at most {@code max} committed pending entries into the chain, in the order they were written, inside
     * the caller's transaction; locks the chain's head first.
     *
     * @return how many entries were linked
     */
    int sealPending(int max);

    /** Whether any entry waits to be linked: a cheap look, without the head's lock. */
    boolean hasPending();
}
