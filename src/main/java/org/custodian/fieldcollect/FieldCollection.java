package org.custodian.fieldcollect;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.UploadedFileName;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives submissions and carries them through review. A submission belongs to the region whose boundary
 * holds its location; only those who may send from that region send it, only those who read the region see
 * it, and only those who write the region's records review it. Accepting registers the submission as a
 * source (with its photo as the source's document) and announces {@link SubmissionAccepted}; the owning
 * module's listener makes its record within the same transaction, so a record it refuses refuses the
 * acceptance and the reviewer sees why.
 */
@Service
class FieldCollection {

    static final String PUBLISHER = "Field collection (ODK)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Photo types a source may keep as its document. */
    private static final java.util.Set<String> PHOTO_TYPES =
            java.util.Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff");

    private final FieldForms forms;
    private final Submissions submissions;
    private final SubmissionFiles files;
    private final Territory territory;
    private final Sources sources;
    private final ApplicationEventPublisher events;
    private final long maxBytes;
    private final Clock clock = Clock.systemUTC();

    FieldCollection(
            FieldForms forms,
            Submissions submissions,
            SubmissionFiles files,
            Territory territory,
            Sources sources,
            ApplicationEventPublisher events,
            @Value("${custodian.fieldcollect.max-submission-size:10MB}") DataSize maxSubmission) {
        this.forms = forms;
        this.submissions = submissions;
        this.files = files;
        this.territory = territory;
        this.sources = sources;
        this.events = events;
        this.maxBytes = maxSubmission.toBytes();
    }

    /** The largest POST body a device should send, in bytes ({@code X-OpenRosa-Accept-Content-Length}). */
    long maxBytes() {
        return maxBytes;
    }

    /** A file part of a submission POST. */
    record Upload(String name, String contentType, byte[] content) {}

    /** A stored submission, and whether this POST was a replay of it (or a further part of it). */
    record Received(Submission submission, boolean replay) {}

    /**
     * Stores a submission with its files, or recognises a replay: the same XML under the same instanceID is
     * answered as received again (new files it brings are added, as when a large submission comes in
     * several POSTs); different XML under a known instanceID is refused.
     *
     * @throws RuleViolated when the XML is not an XForm submission or an answer is wrong
     * @throws RecordNotFound when the form is not hosted here
     * @throws ConflictWithState when the form is closed or not current, or the instanceID is taken
     * @throws AccessDeniedException when the caller may not send from the submission's region
     */
    @Transactional
    Received receive(Scope scope, @Nullable Long deviceKeyId, byte[] xml, List<Upload> uploads) {
        SubmittedInstance instance = SubmittedInstance.parse(xml, maxBytes);
        var existing = submissions.findByInstanceId(instance.instanceId());
        if (existing.isPresent()) {
            Submission known = existing.get();
            if (!scope.reads(known.regionCode())) {
                throw new AccessDeniedException("the submission belongs to a region outside your scope");
            }
            if (!known.sameAs(xml)) {
                throw new ConflictWithState(Refusals.INSTANCE_ID_RECEIVED_ALREADY, instance.instanceId());
            }
            store(known.id(), uploads, true);
            return new Received(known, true);
        }
        FormDefinition form = forms.forSubmission(instance.formId(), instance.formVersion());
        SubmittedInstance.check(form, instance.values());
        String geoField = form.fields().entrySet().stream()
                .filter(e -> e.getValue().equals("geopoint"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(form.id() + " has no geopoint"));
        double[] lonLat = SubmittedInstance.geopoint(geoField, instance.values().getOrDefault(geoField, ""));
        String region = territory
                .regionCodeAt(Wgs84.point(lonLat[0], lonLat[1]))
                .orElseThrow(() -> new RuleViolated(geoField, Refusals.LOCATION_LIES_IN_NO_REGION));
        if (!DeviceKeyRing.COLLECTORS.contains(scope.role()) || !scope.reads(region)) {
            throw new AccessDeniedException(
                    "you may not send submissions from region " + region + ": it is outside your scope");
        }
        Submission submission = submissions.saveAndFlush(
                new Submission(instance, xml, region, lonLat, scope.username(), deviceKeyId, clock.instant()));
        store(submission.id(), uploads, false);
        return new Received(submission, false);
    }

    /** Stores the files the submission does not have yet; a new submission has none, so nothing is asked. */
    private void store(long submissionId, List<Upload> uploads, boolean known) {
        Set<String> stored = new HashSet<>();
        for (Upload u : uploads) {
            String name = UploadedFileName.of(u.name(), "file");
            if (stored.add(name) && !(known && files.existsBySubmissionIdAndName(submissionId, name))) {
                String type = mediaType(u.contentType());
                files.save(new SubmissionFile(submissionId, name, type, u.content()));
            }
        }
    }

    /** The type a device gave a file, when it is a well-formed one; else a plain download. */
    private static String mediaType(String sent) {
        try {
            return sent.length() > 100
                    ? "application/octet-stream"
                    : org.springframework.http.MediaType.parseMediaType(sent).toString();
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return "application/octet-stream";
        }
    }

    @Transactional(readOnly = true)
    boolean anyReceived() {
        return submissions.count() > 0;
    }

    /** Submissions waiting for review that the caller may see, oldest first, optionally of one form. */
    @Transactional(readOnly = true)
    List<Submission> queue(Scope scope, @Nullable String formId, Submission.Status status, int limit) {
        return submissions.queue(
                scope.allRegions(), scope.regionsForQuery(), formId, status, Limit.of(Math.clamp(limit, 1, 1000)));
    }

    @Transactional(readOnly = true)
    Submission byInstance(Scope scope, String instanceId) {
        return submissions
                .findByInstanceId(instanceId)
                .filter(s -> scope.reads(s.regionCode()))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_SUBMISSION, instanceId));
    }

    @Transactional(readOnly = true)
    Submission submission(Scope scope, long id) {
        return submissions
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_SUBMISSION, id));
    }

    /** The answers as they arrived. */
    Map<String, String> original(Submission submission) {
        return SubmittedInstance.parse(submission.xml(), Long.MAX_VALUE).values();
    }

    /** The answers with the reviewer's corrections applied. */
    Map<String, String> values(Submission submission) {
        Map<String, String> values = new LinkedHashMap<>(original(submission));
        values.putAll(corrections(submission));
        return values;
    }

    Map<String, String> corrections(Submission submission) {
        String json = submission.corrections();
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    @Transactional(readOnly = true)
    List<AttachedFile> files(Scope scope, long id) {
        return files.listed(submission(scope, id).id());
    }

    @Transactional(readOnly = true)
    SubmissionFile file(Scope scope, long id, String name) {
        Submission s = submission(scope, id);
        return files.findBySubmissionIdAndName(s.id(), name)
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_FILE, name));
    }

    /** Whether the caller reviews this submission (writes its region's records). */
    boolean reviews(Scope scope, Submission submission) {
        return scope.writes(submission.regionCode());
    }

    private Submission reviewable(Scope scope, long id, @Nullable Long version) {
        Submission s = submission(scope, id);
        if (!reviews(scope, s)) {
            throw new AccessDeniedException("only reviewers of region " + s.regionCode() + " review its submissions");
        }
        if (version != null) {
            ConflictWithState.requireVersion(Refusals.SUBMISSION_CHANGED, s.id(), s.version(), version);
        }
        return s;
    }

    /**
     * Corrects answers (text fields, numbers, dates, choices; not the location nor the files), keeping the
     * original. A field not in the form, or a value its type refuses, is refused.
     */
    @Transactional
    Submission correct(Scope scope, long id, @Nullable Long version, Map<String, String> changes) {
        Submission s = reviewable(scope, id, version);
        FormDefinition form =
                forms.find(s.formId()).orElseThrow(() -> new RecordNotFound(Refusals.NO_FORM, s.formId()));
        Map<String, String> original = original(s);
        Map<String, String> corrected = new LinkedHashMap<>(corrections(s));
        for (Map.Entry<String, String> c : changes.entrySet()) {
            String type = form.fields().get(c.getKey());
            if (type == null) {
                throw new RuleViolated(c.getKey(), Refusals.FORM_HAS_NO_SUCH_FIELD, form.id());
            }
            if (type.equals("geopoint") || type.equals("binary")) {
                throw new RuleViolated(c.getKey(), Refusals.LOCATION_FILES_KEPT_AS_SENT);
            }
            String value = c.getValue() == null ? "" : c.getValue().strip();
            if (value.equals(original.getOrDefault(c.getKey(), ""))) {
                corrected.remove(c.getKey());
            } else {
                corrected.put(c.getKey(), value);
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(original);
        merged.putAll(corrected);
        SubmittedInstance.check(form, merged);
        s.correct(corrected.isEmpty() ? null : JSON.writeValueAsString(corrected));
        return s;
    }

    /** Accepts the submission: registers it as a source and announces it to the module that owns its form. */
    @Transactional
    Submission accept(Scope scope, long id, @Nullable Long version) {
        Submission s = reviewable(scope, id, version);
        FormDefinition form =
                forms.find(s.formId()).orElseThrow(() -> new RecordNotFound(Refusals.NO_FORM, s.formId()));
        Sources.Citation source = sources.register(new Sources.NewSource(
                PUBLISHER,
                form.title(java.util.Locale.ENGLISH) + " " + s.instanceId() + " sent by " + s.submittedBy(),
                LocalDate.ofInstant(s.receivedAt(), ZoneOffset.UTC),
                false,
                null,
                link(s)));
        Instant now = clock.instant();
        s.accept(scope.username(), now, source.id());
        List<AttachedFile> listed = files.listed(s.id());
        // The photo goes with the source that every record made from the submission cites.
        listed.stream()
                .filter(f -> PHOTO_TYPES.contains(f.contentType()) && f.size() > 0)
                .findFirst()
                .flatMap(f -> files.findBySubmissionIdAndName(s.id(), f.name()))
                .ifPresent(f -> sources.attachIfNone(source.id(), f.name(), f.contentType(), f.content()));
        List<SubmissionAccepted.Attachment> attachments = listed.stream()
                .map(f -> new SubmissionAccepted.Attachment(
                        f.name(), f.contentType(), f.size(), "/api/submissions/" + s.id() + "/files/" + f.name()))
                .toList();
        events.publishEvent(new SubmissionAccepted(
                s.id(),
                s.formId(),
                s.formVersion(),
                s.instanceId(),
                s.regionCode(),
                s.longitude(),
                s.latitude(),
                values(s),
                attachments,
                s.submittedBy(),
                scope.username(),
                s.receivedAt(),
                now,
                source.id()));
        return s;
    }

    /** The submission's page, as an absolute address when a request tells the server's (sources link http(s)). */
    private static @Nullable String link(Submission s) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
            return null;
        }
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/fieldcollect/submissions/{id}")
                .buildAndExpand(s.id())
                .toUriString();
    }

    @Transactional
    Submission reject(Scope scope, long id, @Nullable Long version, @Nullable String reason) {
        Submission s = reviewable(scope, id, version);
        s.reject(scope.username(), clock.instant(), reason == null ? "" : reason);
        return s;
    }
}
