package org.custodian.cop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.custodian.platform.Scope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The jar's {@code export-region CODE FILE} and {@code import-region FILE} commands: the application started
 * without serving, on the database its settings name, doing the one transfer as the system administrator
 * (audited as {@code region-command}). A refusal stops the start, so the process exits with a failure.
 */
@Component
@ConditionalOnProperty(name = "custodian.region-transfer.file")
public class RegionTransferCommand implements ApplicationRunner {

    public static final String EXPORT = "export-region";
    public static final String IMPORT = "import-region";

    private final RegionTransfer transfer;
    private final Environment environment;

    RegionTransferCommand(RegionTransfer transfer, Environment environment) {
        this.transfer = transfer;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = Path.of(environment.getRequiredProperty("custodian.region-transfer.file"));
        String region = environment.getProperty("custodian.region-transfer.export");
        Scope system = Scope.system("region-command");
        if (region != null && !region.isBlank()) {
            RegionTransfer.Exported exported = transfer.export(system, region);
            try {
                Files.move(exported.file(), file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
            }
            long records = exported.manifest().tables().stream()
                    .mapToLong(RegionFile.Entry::records)
                    .sum();
            System.out.println("Region " + region + " exported: " + file.toAbsolutePath() + " (" + records
                    + " records in " + exported.manifest().tables().size() + " tables)");
        } else {
            RegionTransfer.Imported imported = transfer.importFile(system, file);
            System.out.println("Region " + imported.region() + " imported: " + imported.total() + " records written"
                    + (imported.leftOut().isEmpty() ? "" : "; left out: " + imported.leftOut()));
        }
    }
}
