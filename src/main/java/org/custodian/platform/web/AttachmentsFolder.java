package org.custodian.platform.web;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The folder uploads are received into (a file above the in-memory threshold is written there while it
 * arrives, before its bytes are stored): it must exist, take a new file and keep a floor of free space, or an
 * upload could fail half-way. Health reports it as {@code attachments}; uploads are refused with 503 while it
 * is not ready ({@link UploadsReceived}).
 */
@Configuration(proxyBeanMethods = false)
class AttachmentsFolder {

    private final Path folder;
    private final DataSize floor;

    AttachmentsFolder(
            @Value("${custodian.attachments.folder}") String folder,
            @Value("${custodian.attachments.min-free-space}") DataSize floor) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        this.floor = floor;
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            // Reported by health and by every upload until the folder can be made.
        }
    }

    /** Why the folder cannot take an upload now, in words for an administrator; empty when it can. */
    Optional<String> fault() {
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                return Optional.of("the folder " + folder + " does not exist and cannot be made");
            }
        }
        try {
            Files.deleteIfExists(Files.createTempFile(folder, "writable", ".probe"));
        } catch (IOException e) {
            return Optional.of("the folder " + folder + " cannot be written");
        }
        long free = free();
        if (free < floor.toBytes()) {
            return Optional.of(
                    "the folder " + folder + " has " + DataSize.ofBytes(free).toMegabytes() + " MB free, below the "
                            + floor.toMegabytes() + " MB kept free (custodian.attachments.min-free-space)");
        }
        return Optional.empty();
    }

    private long free() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Uploads are received into the folder, with the limits of {@code spring.servlet.multipart}. */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties limits) {
        MultipartConfigElement configured = limits.createMultipartConfig();
        return new MultipartConfigElement(
                folder.toString(),
                configured.getMaxFileSize(),
                configured.getMaxRequestSize(),
                configured.getFileSizeThreshold());
    }

    /** {@code attachments} in {@code /actuator/health}: DOWN, with the reason, while uploads cannot be received. */
    @Bean
    AbstractHealthIndicator attachmentsHealthIndicator() {
        return new AbstractHealthIndicator() {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                health.withDetail("folder", folder.toString())
                        .withDetail("free", free())
                        .withDetail("minFree", floor.toBytes());
                fault().ifPresentOrElse(reason -> health.down().withDetail("reason", reason), health::up);
            }
        };
    }
}
