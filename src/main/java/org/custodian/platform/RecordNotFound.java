package org.custodian.platform;

/**
 * No such record, or none the caller may see: the two are deliberately indistinguishable. Becomes a 404
 * problem.
 */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String kind, Object id) {
        super("no " + kind + " " + id);
    }
}
