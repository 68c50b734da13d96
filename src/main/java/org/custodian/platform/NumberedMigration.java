package org.custodian.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * A database migration written in Java, for changes SQL cannot make alike on both databases or that need the
 * application's own rules (a hash, a redaction). A subclass is a Spring bean, which Flyway runs in version
 * order among the SQL migrations, in the migration's transaction. Versions share the SQL migrations' range.
 */
public abstract class NumberedMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected NumberedMigration(int version, String description) {
        this.version = MigrationVersion.fromVersion(Integer.toString(version));
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
