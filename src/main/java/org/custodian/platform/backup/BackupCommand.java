package org.custodian.platform.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The jar's {@code backup} and {@code restore FILE} commands. A backup is made by the application itself,
 * started without serving (its database stays usable by running nodes); a restore reads only the settings,
 * never opens the application on the database it is about to replace.
 */
@Component
@ConditionalOnBooleanProperty(name = "custodian.backup.command")
public class BackupCommand implements ApplicationRunner {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    private final Backups backups;

    BackupCommand(Backups backups) {
        this.backups = backups;
    }

    @Override
    public void run(ApplicationArguments args) {
        Backup made = backups.make(Scope.system("backup-command"));
        System.out.println(
                "Backup made: " + backups.directory().resolve(made.fileName()).toAbsolutePath() + " ("
                        + made.sizeBytes() + " bytes, SHA-256 " + made.sha256() + ")");
    }

    /** {@code restore FILE [--spring.datasource.url=...]}: answers the process's exit status. */
    public static int restore(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("--")) {
            out.println("Usage: java -jar custodian.jar restore BACKUP.zip [--spring.datasource.url=...]");
            return 2;
        }
        SpringApplication settings = new SpringApplication(Settings.class);
        settings.setWebApplicationType(WebApplicationType.NONE);
        settings.setBannerMode(Banner.Mode.OFF);
        settings.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = settings.run(Arrays.copyOfRange(args, 1, args.length))) {
            Environment env = context.getEnvironment();
            BackupArchive.Database db = new BackupArchive.Database(
                    env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
            BackupArchive.PostgresTools tools = new BackupArchive.PostgresTools(
                    env.getProperty("custodian.backup.pg-dump", "pg_dump"),
                    env.getProperty("custodian.backup.pg-restore", "pg_restore"));
            Path checkpoints = Path.of(env.getProperty("custodian.integrity.directory", "./data/integrity"));
            for (String step : BackupArchive.restore(Path.of(args[0]), db, tools, checkpoints, Clock.systemUTC())) {
                out.println(step);
            }
            out.println("Restored. Start the application; verify the chains on the audit page or with"
                    + " verify-custody-ledger.");
            return 0;
        } catch (RuleViolated e) {
            out.println("Not restored: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("Not restored: " + e.getMessage());
            return 1;
        }
    }

    /** Nothing but the settings: application.properties, the environment and the arguments. */
    static class Settings {}
}
