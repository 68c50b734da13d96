/**
 * Backups of the whole database with the integrity checkpoints of its chains, made online from a page or
 * the command line, and restored from the command line into a stopped node's database. PostgreSQL is
 * dumped with its own {@code pg_dump} (PostGIS included), the embedded database with H2's online {@code
 * BACKUP TO}.
 */
// Exposed for the jar's commands ({@link org.custodian.platform.backup.BackupCommand}).
@org.springframework.modulith.NamedInterface("backup")
@org.jspecify.annotations.NullMarked
package org.custodian.platform.backup;
