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
import org.custodian.platform.Sources;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of sources; writes are checked here, permissions in the controller. */
@Service
@Transactional(readOnly = true)
public class SourceRegister implements Sources {

    /** Largest attached document: reports are PDFs of a few megabytes. */
    static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

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
        return find(id).orElseThrow(() -> new RuleViolated(field, "no source " + id + " is registered"));
    }

    @Override
    @Transactional
    public Citation register(NewSource data) {
        check(data);
        return records.findByPublisherAndTitle(
                        data.publisher().strip(), data.title().strip())
                .orElseGet(() -> records.save(new Source(data)))
                .citation();
    }

    @Override
    public List<Citation> all() {
        return list().stream().map(Source::citation).toList();
    }

    List<Source> list() {
        return records.findAllByOrderByPublishedOnDescIdDesc();
    }

    Source get(long id) {
        return records.findById(id).orElseThrow(() -> new RecordNotFound("source", id));
    }

    @Transactional
    Source create(NewSource data) {
        check(data);
        if (records.findByPublisherAndTitle(
                        data.publisher().strip(), data.title().strip())
                .isPresent()) {
            throw new org.custodian.platform.ConflictWithState(
                    "a source with this publisher and title is already registered");
        }
        return records.save(new Source(data));
    }

    @Transactional
    Source update(long id, long expectedVersion, NewSource data) {
        check(data);
        Source source = get(id);
        org.custodian.platform.ConflictWithState.requireVersion("source " + id, source.version(), expectedVersion);
        source.describe(data);
        return source;
    }

    @Transactional
    void delete(long id) {
        Source source = get(id);
        attachments.findById(id).ifPresent(attachments::delete);
        records.delete(source);
        // Flush now so that a source still cited fails here, as a conflict, and not at commit.
        records.flush();
    }

    @Transactional
    Source attach(long id, String name, String mediaType, byte[] content) {
        if (content.length == 0) {
            throw new RuleViolated("file", "the attached file is empty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new RuleViolated("file", "the attached file is larger than 20 MB");
        }
        Source source = get(id);
        attachments
                .findById(id)
                .ifPresentOrElse(a -> a.replace(content), () -> attachments.save(new SourceAttachment(id, content)));
        source.attach(name, mediaType, sha256(content));
        return source;
    }

    Optional<byte[]> attachment(long id) {
        return attachments.findById(id).map(SourceAttachment::content);
    }

    private static void check(NewSource data) {
        if (data.publisher() == null || data.publisher().isBlank()) {
            throw new RuleViolated("publisher", "a source needs a publisher");
        }
        if (data.title() == null || data.title().isBlank()) {
            throw new RuleViolated("title", "a source needs a title");
        }
        if (data.link() != null && !data.link().matches("(?i)https?://\\S+")) {
            throw new RuleViolated("link", "a link must be an http or https address");
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
