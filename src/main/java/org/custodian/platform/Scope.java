package org.custodian.platform;

import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where and how a caller may act: their role, the regions they are scoped to (or all) and their agency.
 * Scoped repositories filter with {@link #allRegions()} and {@link #regions()}, so a record outside the
 * scope is never read, whatever the endpoint.
 */
public record Scope(
        String username,
        Role role,
        boolean allRegions,
        Set<String> regions,
        @Nullable Long agencyId)
        // Kept in the shared session store with the signed-in user.
        implements java.io.Serializable {

    public Scope {
        regions = Set.copyOf(regions);
        if (role == Role.ADMIN) {
            allRegions = true;
        }
    }

    /** The scope of the application itself (first start, demo loader): everything, as admin. */
    public static Scope system(String name) {
        return new Scope(name, Role.ADMIN, true, Set.of(), null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether records of the region with this code are visible to the caller. */
    public boolean reads(String regionCode) {
        return allRegions || regions.contains(regionCode);
    }

    /** Whether the caller may create and change operational records of that region. */
    public boolean writes(String regionCode) {
        return role.writesRecords() && reads(regionCode);
    }

    /** Refuses (403) a caller who may not create and change records of that region. */
    public void requireWrites(String regionCode) {
        if (!writes(regionCode)) {
            throw new AccessDeniedException("no write access to region " + regionCode);
        }
    }

    /**
     * The region codes to put in a query's {@code in} clause; never empty, because {@code in ()} is not SQL.
     * Use together with {@link #allRegions()}.
     */
    public Collection<String> regionsForQuery() {
        return regions.isEmpty() ? Set.of("") : regions;
    }
}
