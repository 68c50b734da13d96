package org.custodian.platform.sources;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.Callers;
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

/**
 * Sources: read by every signed-in user, registered by those who record figures, corrected (as a new version)
 * by the regions that registered them or an administrator, deleted by admins. {@code GET /{id}} answers the
 * version cited, with the id of the version that corrects it; {@code /{id}/history} lists every version.
 */
@RestController
@RequestMapping("/api/sources")
class SourceController {

    private final SourceRegister register;
    private final Callers callers;

    SourceController(SourceRegister register, Callers callers) {
        this.register = register;
        this.callers = callers;
    }

    @Operation(
            summary = "List sources",
            description =
                    "The current version of every source (report, survey, statement) records may cite. Anyone signed in may call it.")
    @GetMapping
    List<SourceView> list() {
        return register.list().stream().map(s -> SourceView.of(s, null)).toList();
    }

    @Operation(
            summary = "Read a source",
            description =
                    "One source, its current version with its citation and attachment, if any. Anyone signed in may call it; an unknown id answers 404.")
    @GetMapping("/{id}")
    SourceView get(@PathVariable long id) {
        return view(register.get(id));
    }

    @Operation(
            summary = "List a source's versions",
            description =
                    "Every version of a source, oldest first: a correction never rewrites the version records already cite. Anyone signed in may call it.")
    @GetMapping("/{id}/history")
    List<SourceView> history(@PathVariable long id) {
        return register.history(id).stream().map(this::view).toList();
    }

    @Operation(
            summary = "Register a source",
            description =
                    "Registers a source for records to cite: its publisher, title, date and link. Administrators, directors and officers may call it; other roles are refused with 403. A missing publisher or title, or a link that is not http or https, is refused with 422; a publisher and title already registered with 409.")
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    ResponseEntity<SourceView> create(@Valid @RequestBody SourceRequest request) {
        Source source = register.create(callers.current(), request.toNewSource());
        return ResponseEntity.created(URI.create("/api/sources/" + source.id())).body(SourceView.of(source, null));
    }

    /** A correction: answers the new version; the one corrected stays as it was for the records citing it. */
    @Operation(
            summary = "Correct a source",
            description =
                    "Answers a new version of the source; the version corrected stays as it was for the records citing it. Administrators, and directors and officers of a region that owns the source, may call it. The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    SourceView update(@PathVariable long id, @Valid @RequestBody SourceRequest request) {
        if (request.version() == null) {
            throw new org.custodian.platform.RuleViolated(
                    "version", org.custodian.platform.CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return SourceView.of(register.update(callers.current(), id, request.version(), request.toNewSource()), null);
    }

    @Operation(
            summary = "Remove a source",
            description =
                    "Removes a source no record cites, with its attachment. Administrators only; anyone else is refused with 403. A source still cited by a record, or one that a later version corrects, is refused with 409 saying so; nothing is removed then.")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        register.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Attach a file to a source",
            description =
                    "Stores one document (PDF, image, text or office document, up to 20 MB) with the source's current version. Administrators, and directors and officers of a region that owns the source, may call it. An empty file, or one of another type, is refused with 422; a corrected (not current) version with 409.")
    @PostMapping(path = "/{id}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    SourceView attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        String name = UploadedFileName.of(file.getOriginalFilename(), "attachment");
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        return SourceView.of(register.attach(callers.current(), id, name, type, file.getBytes()), null);
    }

    @Operation(
            summary = "Download a source's attachment",
            description =
                    "The file attached to the source, with its type and name. Anyone signed in may call it; a source without one answers 404.")
    @GetMapping("/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Source source = register.get(id);
        byte[] content =
                register.attachment(id).orElseThrow(() -> new RecordNotFound(Refusals.NO_ATTACHMENT_OF_SOURCE, id));
        // Names kept before they were made safe are made safe on the way out too.
        String name = UploadedFileName.of(source.attachmentName(), "attachment");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadedFileName.contentDisposition(false, name))
                .contentType(storedType(source.attachmentType()))
                .body(content);
    }

    /** Documents stored before types were checked may carry anything: those are served as plain bytes. */
    private static MediaType storedType(@Nullable String type) {
        try {
            return type == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(type);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private SourceView view(Source s) {
        return SourceView.of(s, register.correction(s.id()).map(Source::id).orElse(null));
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
            @Nullable Attachment attachment,
            int versionNumber,
            @Nullable Long previousVersion,
            @Nullable Long correctedBy,
            @Nullable String recordedBy,
            @Nullable Instant recordedAt,
            List<String> regionCodes) {

        static SourceView of(Source s, @Nullable Long correctedBy) {
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
                    attachment,
                    s.versionNumber(),
                    s.previousId(),
                    correctedBy,
                    s.recordedBy(),
                    s.recordedAt(),
                    s.regionCodes().stream().sorted().toList());
        }
    }
}
