package org.custodian.routing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The command-line import: {@code java -jar custodian.jar import-roads FILE} builds a road network from an
 * OpenStreetMap file (XML or PBF) into the configured graph folder and puts it in use for the next start;
 * exits 0 when done, 3 when the file is refused (the network in use is then kept).
 */
@Component
@ConditionalOnProperty("custodian.routing.import-file")
class RoadImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final RoadNetworkImport imports;
    private final String file;
    private int exitCode;

    RoadImportCommand(RoadNetworkImport imports, @Value("${custodian.routing.import-file}") String file) {
        this.imports = imports;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.out.printf("road network NOT imported: no file %s%n", path);
            exitCode = 3;
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            RoadNetworkImport.Status s = imports.importNow(
                    Scope.system("import-roads"), path.getFileName().toString(), in);
            System.out.printf(
                    "road network imported from %s: %d road segments in %.1f s%n",
                    s.file(), s.edges(), s.took() == null ? 0 : s.took().toMillis() / 1000.0);
        } catch (RuleViolated e) {
            System.out.printf("road network NOT imported: %s; the network in use is kept%n", e.getMessage());
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
