package org.custodian;

import org.custodian.cop.RegionTransferCommand;
import org.custodian.platform.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Custodian: operations platform of a temporary civil administration, one module per capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustodianApplication {

    /** The command that verifies the custody ledger instead of serving (see the README). */
    static final String VERIFY_CUSTODY_LEDGER = "verify-custody-ledger";

    /** The command that imports a road network from an OpenStreetMap file instead of serving. */
    static final String IMPORT_ROADS = "import-roads";

    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals(IMPORT_ROADS)) {
            String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
            System.exit(SpringApplication.exit(new SpringApplicationBuilder(CustodianApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("custodian.demo.enabled=false", "custodian.routing.import-file=" + args[1])
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(rest)));
        }
        if (args.length > 0 && args[0].equals(VERIFY_CUSTODY_LEDGER)) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(new SpringApplicationBuilder(CustodianApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("custodian.demo.enabled=false", "custodian.custody.verify-ledger=true")
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(rest)));
        }
        if (args.length > 0 && args[0].equals(BackupCommand.BACKUP)) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(new SpringApplicationBuilder(CustodianApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("custodian.demo.enabled=false", "custodian.backup.command=true")
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(rest)));
        }
        if (args.length > 2 && args[0].equals(RegionTransferCommand.EXPORT)) {
            System.exit(command(
                    java.util.Arrays.copyOfRange(args, 3, args.length),
                    "custodian.region-transfer.export=" + args[1],
                    "custodian.region-transfer.file=" + args[2]));
        }
        if (args.length > 1 && args[0].equals(RegionTransferCommand.IMPORT)) {
            System.exit(command(
                    java.util.Arrays.copyOfRange(args, 2, args.length), "custodian.region-transfer.file=" + args[1]));
        }
        if (args.length > 0 && args[0].equals(BackupCommand.RESTORE)) {
            System.exit(BackupCommand.restore(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(CustodianApplication.class, args);
    }

    /** Runs the application once without serving, with the command's settings, and answers its exit status. */
    private static int command(String[] rest, String... properties) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(properties));
        all.add("custodian.demo.enabled=false");
        return SpringApplication.exit(new SpringApplicationBuilder(CustodianApplication.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(rest));
    }
}
