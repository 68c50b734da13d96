package org.custodian.platform;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The register of sources (provenance): any record or reported figure cites one or more of them. Two
 * sources may give two figures for the same thing; the product shows both.
 */
public interface Sources {

    Optional<Citation> find(long id);

    /** Every source, newest first (the register holds tens, not thousands). */
    java.util.List<Citation> all();

    /** The sources with these ids; unknown ids are absent from the map. */
    Map<Long, Citation> findAll(Collection<Long> ids);

    /**
     * @throws RuleViolated naming {@code field} when the source does not exist
     */
    Citation require(String field, long id);

    /** Registers a source, or returns the one with the same publisher and title. */
    Citation register(NewSource source);

    /**
     * Attaches a document (a photo, for a field submission) to a source that has none yet, on behalf of the
     * application; a source that has one keeps it.
     *
     * @throws RuleViolated when the file is empty, too large or not of a type a document may have
     */
    void attachIfNone(long id, String name, String mediaType, byte[] content);

    /** What a record shows of a source it cites. */
    record Citation(
            long id,
            String publisher,
            String title,
            @Nullable LocalDate publishedOn,
            boolean dateApproximate,
            @Nullable String link) {

        public String label() {
            return publisher + ", \u201c" + title + "\u201d" + (publishedOn == null ? "" : ", " + publishedOn)
                    + (dateApproximate ? " (date approximate)" : "");
        }
    }

    record NewSource(
            String publisher,
            String title,
            @Nullable LocalDate publishedOn,
            boolean dateApproximate,
            @Nullable String dateNote,
            @Nullable String link) {}
}
