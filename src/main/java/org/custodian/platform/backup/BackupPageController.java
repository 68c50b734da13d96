package org.custodian.platform.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Scope;
import org.custodian.platform.ViewerZone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page of backups: make one now, download one; restoring is a command (README). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BackupPageController {

    private final Backups backups;
    private final Callers callers;
    private final ObjectProvider<ViewerZone> zones;

    BackupPageController(Backups backups, Callers callers, ObjectProvider<ViewerZone> zones) {
        this.backups = backups;
        this.callers = callers;
        this.zones = zones;
    }

    /** One backup as the page lists it, its time in the administrator's zone. */
    record Row(long id, String fileName, long sizeBytes, String sha256, String madeAt, String madeBy) {}

    @GetMapping("/backups")
    String list(Model model) {
        Scope scope = callers.current();
        ViewerZone viewer = zones.getIfAvailable();
        ZoneId zone = viewer == null ? ZoneOffset.UTC : viewer.of(scope);
        model.addAttribute(
                "backups",
                backups.list(scope).stream()
                        .map(b -> new Row(
                                b.id(),
                                b.fileName(),
                                b.sizeBytes(),
                                b.sha256(),
                                ViewerZone.minute(b.madeAt(), zone),
                                b.madeBy()))
                        .toList());
        model.addAttribute("zoneName", ViewerZone.name(zone, Instant.now()));
        model.addAttribute("directory", backups.directory().toAbsolutePath().toString());
        return "backups/list";
    }

    @PostMapping("/backups")
    String make(RedirectAttributes redirect) {
        return PageForms.attempt("/backups", redirect, () -> backups.make(callers.current()));
    }

    @GetMapping("/backups/{id}/file")
    ResponseEntity<FileSystemResource> download(@PathVariable long id) {
        Path file = backups.file(callers.current(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }
}
