package org.custodian.platform;

/**
 * A request that conflicts with the current state of the records (a second active administration in a
 * region, a stale version). Becomes a 409 problem.
 */
public class ConflictWithState extends RuntimeException {

    public ConflictWithState(String message) {
        super(message);
    }
}
