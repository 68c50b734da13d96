package org.custodian.platform;

import java.util.Optional;

/**
 * A credential carried in the request path rather than in a header, for clients that cannot send one: ODK
 * Collect configured with a device key ({@code /openrosa/key/{key}/...}). A module declares a bean; the
 * security chain asks it about every request under {@link #prefix()} and, when the key resolves, handles the
 * request as the key's account with that account's current role and regions (a disabled account's keys stop
 * working). A request under the prefix whose key does not resolve is refused with 403; such requests need no
 * CSRF token, since the key in the path is the whole credential.
 *
 * <p>Implementations must be thread-safe and must store keys only as hashes.
 */
public interface PathCredentials {

    /** The path (after the context path) that keyed requests start with, ending in {@code /}. */
    String prefix();

    /** The username the key stands for, when the key is known and not revoked. */
    Optional<String> resolve(String key);
}
