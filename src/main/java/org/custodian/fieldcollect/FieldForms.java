package org.custodian.fieldcollect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The blank forms this server hosts: every {@code forms/*.xml} on the class path, read once at start. A form
 * named in {@code custodian.fieldcollect.closed-forms} is closed: not listed, and its submissions refused.
 */
@Component
class FieldForms {

    private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
    private final Set<String> closed;

    FieldForms(@Value("${custodian.fieldcollect.closed-forms:}") String closedForms) {
        this.closed = Set.copyOf(Arrays.stream(closedForms.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.xml");
            Arrays.sort(found, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource r : found) {
                try (InputStream in = r.getInputStream()) {
                    FormDefinition form = FormDefinition.read(r.getFilename(), in.readAllBytes());
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The open forms, in file-name order. */
    List<FormDefinition> open() {
        return forms.values().stream().filter(f -> !closed.contains(f.id())).toList();
    }

    Collection<FormDefinition> all() {
        return forms.values();
    }

    Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    /** An open form, for download. */
    FormDefinition openForm(String id) {
        return find(id).filter(f -> !closed.contains(id)).orElseThrow(() -> new RecordNotFound(Refusals.NO_FORM, id));
    }

    /**
     * The form a submission was filled on, which must be hosted, open and at its current version.
     *
     * @throws RecordNotFound when no such form is hosted
     * @throws ConflictWithState when it is closed or the version is not the current one
     */
    FormDefinition forSubmission(String id, String version) {
        FormDefinition form = find(id).orElseThrow(() -> new RecordNotFound(Refusals.NO_FORM, id));
        if (closed.contains(id)) {
            throw new ConflictWithState(Refusals.FORM_CLOSED, id);
        }
        if (!form.version().equals(version)) {
            throw new ConflictWithState(Refusals.FORM_VERSION_NO_LONGER_CURRENT, id, version, form.version());
        }
        return form;
    }
}
