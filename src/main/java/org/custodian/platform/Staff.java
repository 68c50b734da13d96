package org.custodian.platform;

import java.util.Optional;

/** Who the accounts are, for modules that assign work to a person (an action item's owner). */
public interface Staff {

    /** The scope of the enabled account with this username; empty when there is none or it is disabled. */
    Optional<Scope> scopeOf(String username);
}
