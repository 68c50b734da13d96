package org.custodian.platform.sources;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Sources;
import org.custodian.platform.UploadedFileName;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sources: read by every signed-in user, written by those who record figures, deleted by admins. */
@RestController
@RequestMapping("/api/sources")
class SourceController {

    private final SourceRegister register;

    SourceController(SourceRegister register) {
        this.register = register;
    }

    @GetMapping
    List<SourceView> list() {
        return register.list().stream().map(SourceView::of).toList();
    }

    @GetMapping("/{id}")
    SourceView get(@PathVariable long id) {
        return SourceView.of(register.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    ResponseEntity<SourceView> create(@Valid @RequestBody SourceRequest request) {
        Source source = register.create(request.toNewSource());
        return ResponseEntity.created(URI.create("/api/sources/" + source.id())).body(SourceView.of(source));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    SourceView update(@PathVariable long id, @Valid @RequestBody SourceRequest request) {
        if (request.version() == null) {
            throw new org.custodian.platform.RuleViolated("version", "give the version you are changing");
        }
        return SourceView.of(register.update(id, request.version(), request.toNewSource()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        register.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    SourceView attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        String name = UploadedFileName.of(file.getOriginalFilename(), "attachment");
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        return SourceView.of(register.attach(id, name, type, file.getBytes()));
    }

    @GetMapping("/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Source source = register.get(id);
        byte[] content = register.attachment(id).orElseThrow(() -> new RecordNotFound("attachment of source", id));
        // Names kept before they were made safe are made safe on the way out too.
        String name = UploadedFileName.of(source.attachmentName(), "attachment");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadedFileName.contentDisposition(false, name))
                .contentType(MediaType.parseMediaType(
                        source.attachmentType() == null ? "application/octet-stream" : source.attachmentType()))
                .body(content);
    }

    record SourceRequest(
            @NotBlank @Size(max = 200) String publisher,
            @NotBlank @Size(max = 500) String title,
            @Nullable LocalDate publishedOn,
            @Nullable Boolean dateApproximate,
            @Nullable @Size(max = 500) String dateNote,
            @Nullable @Size(max = 2000) String link,
            @Nullable Long version) {

        Sources.NewSource toNewSource() {
            return new Sources.NewSource(
                    publisher, title, publishedOn, Boolean.TRUE.equals(dateApproximate), dateNote, link);
        }
    }

    record Attachment(String name, String mediaType, String sha256, String href) {}

    record SourceView(
            long id,
            long version,
            String publisher,
            String title,
            @Nullable LocalDate publishedOn,
            boolean dateApproximate,
            @Nullable String dateNote,
            @Nullable String link,
            @Nullable Attachment attachment) {

        static SourceView of(Source s) {
            Attachment attachment = s.attachmentName() == null
                    ? null
                    : new Attachment(
                            s.attachmentName(),
                            String.valueOf(s.attachmentType()),
                            String.valueOf(s.attachmentSha256()),
                            "/api/sources/" + s.id() + "/attachment");
            return new SourceView(
                    s.id(),
                    s.version(),
                    s.publisher(),
                    s.title(),
                    s.publishedOn(),
                    s.dateApproximate(),
                    s.dateNote(),
                    s.link(),
                    attachment);
        }
    }
}
