package org.custodian.platform;

/**
 * The platform's seal as a request sees it when another thread committed its write for it (several requests'
 * writes sharing one transaction and one commit): the request asks for a seal round itself, and then waits for
 * it before it answers, as it does after a commit of its own.
 */
public interface Sealing {

    /** Asks for a seal round covering everything committed so far; this thread's request waits for it. */
    void askAfterCommit();
}
