package org.custodian.platform.sources;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of sources. Sources are shared by every region, so none is ever rewritten: a correction is a
 * new version (see {@link Source}), and only the regions of whoever registered a source, or an
 * administrator, may correct it or attach its document. Attached documents are of the types in
 * {@link #DOCUMENT_TYPES} only.
 */
@Service
@Transactional(readOnly = true)
public class SourceRegister implements Sources {

    /** Largest attached document: reports are PDFs of a few megabytes. */
    static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

    /**
     * What may be attached: PDF, images, plain text and CSV, and office documents (Microsoft and
     * OpenDocument formats, RTF). Anything else, and anything that is not a media type, is refused, so every
     * stored document can be served back with its type.
     */
    static final java.util.Set<String> DOCUMENT_TYPES = java.util.Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/tiff",
            "text/plain",
            "text/csv",
            "application/rtf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    private final SourceRecords records;
    private final SourceAttachments attachments;

    SourceRegister(SourceRecords records, SourceAttachments attachments) {
        this.records = records;
        this.attachments = attachments;
    }

    @Override
    public Optional<Citation> find(long id) {
        return records.findById(id).map(Source::citation);
    }

    @Override
    public Map<Long, Citation> findAll(Collection<Long> ids) {
        return records.findAllById(ids).stream()
                .map(Source::citation)
                .collect(Collectors.toMap(Citation::id, Function.identity()));
    }

    @Override
    public Citation require(String field, long id) {
        return find(id).orElseThrow(() -> new RuleViolated(field, Refusals.NO_SOURCE_IS_REGISTERED, id));
    }

    @Override
    @Transactional
    public Citation register(NewSource data) {
        check(data);
        return records.findCurrent(data.publisher().strip(), data.title().strip())
                .orElseGet(() -> records.save(new Source(data, "system", null)))
                .citation();
    }

    @Override
    public List<Citation> all() {
        return list().stream().map(Source::citation).toList();
    }

    List<Source> list() {
        return records.findCurrentVersions();
    }

    /** The {@code page}th (from 0) {@code size} current versions whose publisher or title holds {@code text}. */
    org.springframework.data.domain.Page<Source> list(String text, int page, int size) {
        return records.findCurrentVersions(text, org.springframework.data.domain.PageRequest.of(page, size));
    }

    Source get(long id) {
        return records.findById(id).orElseThrow(() -> new RecordNotFound(Refusals.NO_SOURCE, id));
    }

    /** Registers a new source, owned by the caller's regions (or by administrators, for an administrator). */
    @Transactional
    Source create(Scope scope, NewSource data) {
        check(data);
        if (records.findCurrent(data.publisher().strip(), data.title().strip()).isPresent()) {
            throw new org.custodian.platform.ConflictWithState(Refusals.SOURCE_REGISTERED_ALREADY);
        }
        String regions = scope.allRegions() ? null : String.join(",", new java.util.TreeSet<>(scope.regions()));
        return records.save(new Source(data, scope.username(), regions));
    }

    /**
     * Corrects a source: a new version, the one given left as it was for the records that cite it.
     *
     * @throws AccessDeniedException unless the caller is an administrator or works in a region that owns it
     * @throws org.custodian.platform.ConflictWithState when the version given is stale or already corrected
     */
    @Transactional
    Source update(Scope scope, long id, long expectedVersion, NewSource data) {
        check(data);
        Source source = get(id);
        requireOwner(scope, source);
        org.custodian.platform.ConflictWithState.requireVersion(
                Refusals.SOURCE_CHANGED, id, source.version(), expectedVersion);
        requireCurrent(source);
        records.findCurrent(data.publisher().strip(), data.title().strip())
                .filter(other -> other.id() != source.id())
                .ifPresent(other -> {
                    throw new org.custodian.platform.ConflictWithState(Refusals.SOURCE_REGISTERED_ALREADY);
                });
        Source next = records.save(source.corrected(data, scope.username()));
        attachment(source.id()).ifPresent(bytes -> attachments.save(new SourceAttachment(next.id(), bytes)));
        return next;
    }

    /** Every version of the source this version belongs to, the first first. */
    List<Source> history(long id) {
        Source source = get(id);
        java.util.LinkedList<Source> versions = new java.util.LinkedList<>();
        versions.add(source);
        for (Long previous = source.previousId(); previous != null; ) {
            Source earlier = get(previous);
            versions.addFirst(earlier);
            previous = earlier.previousId();
        }
        for (Optional<Source> later = records.findByPreviousId(source.id());
                later.isPresent();
                later = records.findByPreviousId(later.get().id())) {
            versions.addLast(later.get());
        }
        return versions;
    }

    /** The version that corrects this one, if any. */
    Optional<Source> correction(long id) {
        return records.findByPreviousId(id);
    }

    /**
     * Removes a source that nothing cites.
     *
     * @throws org.custodian.platform.ConflictWithState when a later version corrects it, or a record cites it
     */
    @Transactional
    void delete(long id) {
        Source source = get(id);
        correction(id).ifPresent(later -> {
            throw new org.custodian.platform.ConflictWithState(Refusals.SOURCE_CORRECTED_KEPT, id, later.id());
        });
        attachments.findById(id).ifPresent(attachments::delete);
        records.delete(source);
        try {
            // Flush now so that a source still cited fails here, and not at commit. The records that cite
            // sources belong to other modules; their foreign keys are what knows of every citation.
            records.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException cited) {
            throw new org.custodian.platform.ConflictWithState(Refusals.SOURCE_CITED_KEPT, id);
        }
    }

    /**
     * Attaches the source's document. A version without one gets it in place (what was cited is unchanged);
     * replacing a document makes a new version, so a record keeps the document it cited.
     */
    @Transactional
    Source attach(Scope scope, long id, String name, String mediaType, byte[] content) {
        if (content.length == 0) {
            throw new RuleViolated("file", Refusals.ATTACHED_FILE_EMPTY);
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new RuleViolated("file", Refusals.ATTACHED_FILE_LARGER_20_MB);
        }
        String type = documentType(mediaType);
        Source source = get(id);
        requireOwner(scope, source);
        requireCurrent(source);
        Source target = source;
        if (source.attachmentName() != null) {
            target = records.save(source.corrected(source.data(), scope.username()));
        }
        attachments.save(new SourceAttachment(target.id(), content));
        target.attach(name, type, sha256(content));
        return target;
    }

    @Override
    @Transactional
    public void attachIfNone(long id, String name, String mediaType, byte[] content) {
        if (get(id).attachmentName() == null) {
            attach(Scope.system("field collection"), id, name, mediaType, content);
        }
    }

    /** The media type as stored: {@code type/subtype} in lower case, if it is one a document may have. */
    static String documentType(String given) {
        org.springframework.http.MediaType type;
        try {
            type = org.springframework.http.MediaType.parseMediaType(given);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw new RuleViolated("file", Refusals.NOT_A_MEDIA_TYPE, given);
        }
        String plain = (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT);
        if (!DOCUMENT_TYPES.contains(plain)) {
            throw new RuleViolated("file", Refusals.DOCUMENTS_TYPE_ACCEPTED_SEND_PDF, plain);
        }
        return plain;
    }

    /** Whether the caller may correct this source or attach its document: its regions' writers, or an admin. */
    static boolean mayCorrect(Scope scope, Source source) {
        return scope.isAdmin()
                || (scope.role().writesRecords()
                        && source.regionCodes().stream().anyMatch(scope::reads));
    }

    private static void requireOwner(Scope scope, Source source) {
        if (scope.isAdmin()) {
            return;
        }
        if (source.regionCodes().stream().noneMatch(scope::reads)) {
            throw new AccessDeniedException(
                    "source " + source.id() + " is corrected by the regions that registered it or an administrator");
        }
    }

    private void requireCurrent(Source source) {
        correction(source.id()).ifPresent(later -> {
            throw new org.custodian.platform.ConflictWithState(Refusals.SOURCE_CORRECTED, source.id(), later.id());
        });
    }

    Optional<byte[]> attachment(long id) {
        return attachments.findById(id).map(SourceAttachment::content);
    }

    private static void check(NewSource data) {
        if (data.publisher() == null || data.publisher().isBlank()) {
            throw new RuleViolated("publisher", Refusals.SOURCE_NEEDS_PUBLISHER);
        }
        if (data.title() == null || data.title().isBlank()) {
            throw new RuleViolated("title", Refusals.SOURCE_NEEDS_TITLE);
        }
        if (data.link() != null && !data.link().matches("(?i)https?://\\S+")) {
            throw new RuleViolated("link", Refusals.LINK_MUST_HTTP_HTTPS_ADDRESS);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
