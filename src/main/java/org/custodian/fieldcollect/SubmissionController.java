package org.custodian.fieldcollect;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
import org.custodian.platform.UploadedFileName;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The reviewers' API: submissions in scope, their answers and files; accept, correct, reject; device keys. */
@RestController
class SubmissionController {

    private final FieldCollection collection;
    private final FieldForms forms;
    private final DeviceKeyRing keys;
    private final Callers callers;

    SubmissionController(FieldCollection collection, FieldForms forms, DeviceKeyRing keys, Callers callers) {
        this.collection = collection;
        this.forms = forms;
        this.keys = keys;
        this.callers = callers;
    }

    record Summary(
            long id,
            long version,
            String formId,
            String formVersion,
            String instanceId,
            @Nullable String deprecatedId,
            String regionCode,
            double longitude,
            double latitude,
            String submittedBy,
            Instant receivedAt,
            Submission.Status status,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable String reason,
            @Nullable Long sourceId) {

        static Summary of(Submission s) {
            return new Summary(
                    s.id(),
                    s.version(),
                    s.formId(),
                    s.formVersion(),
                    s.instanceId(),
                    s.deprecatedId(),
                    s.regionCode(),
                    s.longitude(),
                    s.latitude(),
                    s.submittedBy(),
                    s.receivedAt(),
                    s.status(),
                    s.reviewedBy(),
                    s.reviewedAt(),
                    s.reason(),
                    s.sourceId());
        }
    }

    record Detail(
            Summary submission,
            Map<String, String> values,
            Map<String, String> original,
            Map<String, String> corrections,
            List<AttachedFile> files,
            boolean reviewable) {}

    record Review(
            @Nullable Long version,
            @Nullable String reason,
            @Nullable Map<String, String> values) {}

    @Operation(
            summary = "List the field forms",
            description =
                    "The blank forms this server hosts for ODK Collect: id, current version, title in each language and the type of each field. Anyone signed in may call it; closed forms are not listed.")
    @GetMapping("/api/forms")
    List<Map<String, Object>> forms() {
        callers.current();
        return forms.open().stream()
                .map(f -> Map.<String, Object>of(
                        "id", f.id(), "version", f.version(), "titles", f.titles(), "fields", f.fields()))
                .toList();
    }

    @Operation(
            summary = "List field submissions",
            description =
                    "Submissions from ODK Collect in the caller's regions, oldest first, of one status (RECEIVED, the review queue, by default) and optionally one form. Anyone signed in may call it; it answers only what lies in the caller's regions. An unknown status is refused with 400.")
    @GetMapping("/api/submissions")
    List<Summary> list(
            @RequestParam(required = false) @Nullable String form,
            @RequestParam(defaultValue = "RECEIVED") Submission.Status status,
            @RequestParam(defaultValue = "200") int limit) {
        return collection.queue(callers.current(), form, status, limit).stream()
                .map(Summary::of)
                .toList();
    }

    @Operation(
            summary = "Read a field submission",
            description =
                    "One submission with its answers as corrected, the answers as sent, the corrections, its files and whether the caller may review it. Anyone signed in may call it for a submission of their regions; one elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/submissions/{id}")
    Detail detail(@PathVariable long id) {
        Scope scope = callers.current();
        return detail(scope, collection.submission(scope, id));
    }

    private Detail detail(Scope scope, Submission s) {
        return new Detail(
                Summary.of(s),
                collection.values(s),
                collection.original(s),
                collection.corrections(s),
                collection.files(scope, s.id()),
                collection.reviews(scope, s) && s.status() == Submission.Status.RECEIVED);
    }

    @Operation(
            summary = "Download a file of a field submission",
            description =
                    "A file (a photo) sent with the submission, with its type and name. Anyone signed in may call it for a submission of their regions; an unknown file or a submission elsewhere answers 404.")
    @GetMapping("/api/submissions/{id}/files/{name}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String name) {
        SubmissionFile f = collection.file(callers.current(), id, name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadedFileName.contentDisposition(true, f.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(f.content());
    }

    @Operation(
            summary = "Accept a field submission",
            description =
                    "Accepts a submission waiting for review: it is registered as a source and announced to the module that owns its form, which makes its record (an ordnance find, an incident, an inspection) citing it. Administrators, and directors and officers of the submission's region, may call it; others are refused with 403, a submission elsewhere answers 404, one already reviewed or a stale version 409.")
    @PostMapping("/api/submissions/{id}/acceptance")
    Detail accept(@PathVariable long id, @RequestBody(required = false) @Nullable Review review) {
        Scope scope = callers.current();
        return detail(scope, collection.accept(scope, id, review == null ? null : review.version()));
    }

    @Operation(
            summary = "Correct a field submission",
            description =
                    "Corrects answers of a submission waiting for review ({\"values\": {\"field\": \"value\"}}); the answers as sent are kept beside the corrections. The location and files cannot be corrected. Reviewers of the region may call it (403 otherwise); a field not in the form or a value its type refuses is 422, a reviewed submission or stale version 409.")
    @PostMapping("/api/submissions/{id}/corrections")
    Detail correct(@PathVariable long id, @RequestBody Review review) {
        Scope scope = callers.current();
        return detail(
                scope,
                collection.correct(scope, id, review.version(), review.values() == null ? Map.of() : review.values()));
    }

    @Operation(
            summary = "Reject a field submission",
            description =
                    "Rejects a submission waiting for review, with the reason (required, up to 1000 characters). Reviewers of the region may call it (403 otherwise); a missing reason is 422, a submission already reviewed or a stale version 409, one elsewhere 404.")
    @PostMapping("/api/submissions/{id}/rejection")
    Detail reject(@PathVariable long id, @RequestBody Review review) {
        Scope scope = callers.current();
        return detail(scope, collection.reject(scope, id, review.version(), review.reason()));
    }

    record KeyView(
            long id,
            String username,
            String name,
            Instant createdAt,
            String createdBy,
            @Nullable Instant revokedAt) {
        static KeyView of(DeviceKey k) {
            return new KeyView(k.id(), k.username(), k.name(), k.createdAt(), k.createdBy(), k.revokedAt());
        }
    }

    record NewKey(@Nullable String name) {}

    /**
     * A key just made: the secret, shown this once, the server URL to give ODK Collect, and the text of its
     * configuration QR code.
     */
    record IssuedKey(KeyView key, String secret, String serverUrl, String settings, String qrPayload) {}

    @Operation(
            summary = "List device keys",
            description =
                    "The caller's device keys for ODK Collect (an administrator sees everyone's): device name, account, when made and whether revoked. The secrets are never shown again.")
    @GetMapping("/api/device-keys")
    List<KeyView> deviceKeys() {
        return keys.visible(callers.current()).stream().map(KeyView::of).toList();
    }

    @Operation(
            summary = "Make a device key",
            description =
                    "Makes a device key for the caller's own account and answers 201 with the secret (shown this once), the server URL to give ODK Collect and the text of its configuration QR code (Collect's settings, zlib-deflated, base64). The key acts with the account's role and regions. Roles that do not send submissions are refused with 403; a missing name is 422.")
    @PostMapping("/api/device-keys")
    ResponseEntity<IssuedKey> issue(@RequestBody NewKey request) {
        DeviceKeyRing.Issued issued = keys.issue(callers.current(), request.name() == null ? "" : request.name());
        String url = serverUrl(issued.secret());
        String settings = CollectSettings.json(url, "Custodian");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedKey(
                        KeyView.of(issued.key()), issued.secret(), url, settings, CollectSettings.payload(settings)));
    }

    @Operation(
            summary = "Revoke a device key",
            description =
                    "Revokes a device key for good: the phone holding it is refused (403) from then on. The key's owner and administrators may call it; another's key answers 404.")
    @PostMapping("/api/device-keys/{id}/revocation")
    KeyView revoke(@PathVariable long id) {
        return KeyView.of(keys.revoke(callers.current(), id));
    }

    static String serverUrl(String secret) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + DeviceKeyRing.PREFIX + secret;
    }
}
