package org.custodian.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.custodian.platform.RuleViolated;
import org.jspecify.annotations.Nullable;

/**
 * One backup file: a zip holding the database (an H2 backup or a PostgreSQL custom-format dump) and the
 * checkpoints file of the chains as it was, so that a restored database verifies against the checkpoints of
 * its own time and not against later ones it never reached.
 */
final class BackupArchive {

    static final String H2_DATABASE = "database.h2.sql.zip";
    static final String POSTGRES_DATABASE = "database.pgdump";
    static final String CHECKPOINTS = "checkpoints.jsonl";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** The database to back up or restore into, as the application's data source names it. */
    record Database(
            String url, @Nullable String username, @Nullable String password) {

        boolean postgres() {
            return url.startsWith("jdbc:postgresql:");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    /** The programs that dump and restore PostgreSQL (the server's major version or newer). */
    record PostgresTools(String pgDump, String pgRestore) {}

    private BackupArchive() {}

    static String fileName(Clock clock) {
        return "custodian-" + STAMP.format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + ".zip";
    }

    /** Writes the backup into {@code archive}, online: the database stays in use. */
    static void make(Database db, PostgresTools tools, Path checkpointsDirectory, Path archive) {
        Path work = temporaryDirectory();
        try {
            Path dump;
            if (db.postgres()) {
                dump = work.resolve(POSTGRES_DATABASE);
                run(
                        postgresCommand(tools.pgDump(), db, List.of("--format=custom", "--no-owner", "--file=" + dump)),
                        db);
            } else {
                dump = work.resolve(H2_DATABASE);
                // H2's SCRIPT: a consistent logical copy taken online, readable by later H2 versions, and
                // possible for in-memory databases too (BACKUP TO copies files, so it needs a file database).
                try (Connection c = db.connect();
                        Statement st = c.createStatement()) {
                    st.execute("SCRIPT TO " + quoted(dump) + " COMPRESSION ZIP");
                }
            }
            Path partial = archive.resolveSibling(archive.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                add(zip, dump.getFileName().toString(), dump);
                Path checkpoints = checkpointsDirectory.resolve(CHECKPOINTS);
                if (Files.exists(checkpoints)) {
                    add(zip, CHECKPOINTS, checkpoints);
                }
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup could not be written: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be backed up: " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    /**
     * Restores a backup into a database no node is using: an empty PostgreSQL database with PostGIS, or the
     * embedded database's folder, whose files are kept aside with a suffix. The checkpoints file in use is
     * kept aside the same way and replaced by the backup's.
     */
    static List<String> restore(
            Path archive, Database db, PostgresTools tools, Path checkpointsDirectory, Clock clock) {
        List<String> done = new ArrayList<>();
        String aside = ".before-restore-" + STAMP.format(clock.instant().atZone(java.time.ZoneOffset.UTC));
        Path work = temporaryDirectory();
        try {
            Map<String, Path> entries = unzip(archive, work);
            if (db.postgres()) {
                Path dump = entries.get(POSTGRES_DATABASE);
                if (dump == null) {
                    throw new RuleViolated("backup", Refusals.NO_POSTGRESQL_DUMP, entries.keySet());
                }
                requireEmpty(db);
                run(
                        postgresCommand(
                                tools.pgRestore(), db, List.of("--no-owner", "--exit-on-error", dump.toString())),
                        db);
                done.add("database restored into " + db.url());
            } else {
                Path script = entries.get(H2_DATABASE);
                if (script == null) {
                    throw new RuleViolated("backup", Refusals.NO_EMBEDDED_DATABASE, entries.keySet());
                }
                if (db.url().startsWith("jdbc:h2:file:")) {
                    H2File file = H2File.of(db.url());
                    for (String suffix : List.of(".mv.db", ".trace.db")) {
                        Path existing = file.directory().resolve(file.name() + suffix);
                        if (Files.exists(existing)) {
                            Files.move(existing, existing.resolveSibling(existing.getFileName() + aside));
                            done.add("kept the database file aside as " + existing.getFileName() + aside);
                        }
                    }
                }
                requireEmpty(db);
                try (Connection c = db.connect();
                        Statement st = c.createStatement()) {
                    st.execute("RUNSCRIPT FROM " + quoted(script) + " COMPRESSION ZIP");
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "the embedded database could not be restored: " + e.getMessage(), e);
                }
                done.add("database restored into " + db.url());
            }
            Path checkpoints = entries.get(CHECKPOINTS);
            Path current = checkpointsDirectory.resolve(CHECKPOINTS);
            if (Files.exists(current)) {
                Files.move(current, current.resolveSibling(CHECKPOINTS + aside));
                done.add("kept the checkpoints in use aside as " + CHECKPOINTS + aside);
            }
            if (checkpoints != null) {
                Files.createDirectories(checkpointsDirectory);
                Files.copy(checkpoints, current);
                done.add("checkpoints restored into " + current);
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup could not be restored: " + e.getMessage(), e);
        } finally {
            delete(work);
        }
    }

    /** An embedded database file URL: jdbc:h2:file:DIR/NAME;options. */
    record H2File(Path directory, String name) {
        static H2File of(String url) {
            String prefix = "jdbc:h2:file:";
            if (!url.startsWith(prefix)) {
                throw new RuleViolated("database", Refusals.ONLY_FILE_DATABASE_CAN_RESTORED, url);
            }
            String path = url.substring(prefix.length()).split(";", 2)[0];
            Path file = Path.of(path).toAbsolutePath().normalize();
            return new H2File(file.getParent(), file.getFileName().toString());
        }
    }

    private static void requireEmpty(Database db) {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet found = st.executeQuery("select count(*) from information_schema.tables"
                        + " where lower(table_name) = 'flyway_schema_history'")) {
            found.next();
            if (found.getInt(1) > 0) {
                throw new RuleViolated("database", Refusals.RESTORE_INTO_EMPTY_DATABASE_POSTGRESQL);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to restore into: " + e.getMessage(), e);
        }
    }

    private static String quoted(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** pg_dump and pg_restore take the server from a libpq URI, the account from the environment. */
    private static List<String> postgresCommand(String program, Database db, List<String> arguments) {
        URI jdbc = URI.create(db.url().substring("jdbc:".length()));
        String database = jdbc.getPath().replaceFirst("^/", "");
        List<String> command = new ArrayList<>();
        command.add(program);
        command.add("--host=" + (jdbc.getHost() == null ? "localhost" : jdbc.getHost()));
        command.add("--port=" + (jdbc.getPort() < 0 ? 5432 : jdbc.getPort()));
        command.add("--dbname=" + database);
        command.addAll(arguments);
        return command;
    }

    private static void run(List<String> command, Database db) {
        Map<String, String> query = query(db.url());
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        // As the JDBC driver does: the URL's own user and password come first.
        String user = query.getOrDefault("user", db.username());
        String password = query.getOrDefault("password", db.password());
        if (user != null && !user.isBlank()) {
            process.environment().put("PGUSER", user);
        }
        if (password != null && !password.isBlank()) {
            process.environment().put("PGPASSWORD", password);
        }
        try {
            Process p = process.start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        command.get(0) + " failed: " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    command.get(0) + " could not be run (install the PostgreSQL client of the server's version,"
                            + " or set custodian.backup.pg-dump and pg-restore): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    values.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /** Only the entries a backup holds, by name; nothing is written outside the work folder. */
    private static Map<String, Path> unzip(Path archive, Path work) throws IOException {
        Map<String, Path> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (List.of(H2_DATABASE, POSTGRES_DATABASE, CHECKPOINTS).contains(name)) {
                    Path target = work.resolve(name);
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    entries.put(name, target);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new RuleViolated("backup", Refusals.NOT_A_BACKUP, e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new RuleViolated("backup", Refusals.NOT_A_BACKUP_NO_DATABASE);
        }
        return entries;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("custodian-backup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
