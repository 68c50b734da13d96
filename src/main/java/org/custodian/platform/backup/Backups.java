package org.custodian.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Scope;
import org.custodian.platform.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes and lists backups into {@code custodian.backup.directory}; administrators only. */
@Service
class Backups {

    private final BackupRecords records;
    private final BackupArchive.Database database;
    private final BackupArchive.PostgresTools tools;
    private final Path directory;
    private final Path checkpoints;
    private final Clock clock = Clock.systemUTC();

    Backups(
            BackupRecords records,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${custodian.backup.directory}") Path directory,
            @Value("${custodian.backup.pg-dump}") String pgDump,
            @Value("${custodian.backup.pg-restore}") String pgRestore,
            @Value("${custodian.integrity.directory:./data/integrity}") Path checkpoints) {
        this.records = records;
        this.database = new BackupArchive.Database(url, username, password);
        this.tools = new BackupArchive.PostgresTools(pgDump, pgRestore);
        this.directory = directory;
        this.checkpoints = checkpoints;
    }

    @Transactional
    Backup make(Scope scope) {
        requireAdmin(scope);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup folder " + directory + " cannot be made: " + e.getMessage(), e);
        }
        String name = BackupArchive.fileName(clock);
        Path file = directory.resolve(name);
        BackupArchive.make(database, tools, checkpoints, file);
        return records.save(new Backup(name, size(file), Sha256.of(file), clock.instant(), scope.username()));
    }

    @Transactional(readOnly = true)
    List<Backup> list(Scope scope) {
        requireAdmin(scope);
        return records.findAllByOrderByMadeAtDesc();
    }

    /** The file of a backup still in the folder. */
    @Transactional(readOnly = true)
    Path file(Scope scope, long id) {
        requireAdmin(scope);
        Backup backup = records.findById(id).orElseThrow(() -> new RecordNotFound(Refusals.NO_BACKUP, id));
        Path file = directory.resolve(backup.fileName());
        if (!Files.isRegularFile(file)) {
            throw new RecordNotFound(Refusals.NO_BACKUP_FILE, backup.fileName());
        }
        return file;
    }

    Path directory() {
        return directory;
    }

    private static void requireAdmin(Scope scope) {
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("backups are for administrators");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
