package org.custodian.platform.sources;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SourceRecords extends JpaRepository<Source, Long> {

    /** The current version (one no other version corrects) with this publisher and title. */
    @Query("select s from Source s where s.publisher = :publisher and s.title = :title"
            + " and not exists (select 1 from Source t where t.previousId = s.id)")
    Optional<Source> findCurrent(String publisher, String title);

    /** The current version of every source, newest first. */
    @Query("select s from Source s where not exists (select 1 from Source t where t.previousId = s.id)"
            + " order by s.publishedOn desc, s.id desc")
    List<Source> findCurrentVersions();

    /**
     * A page of the current versions whose publisher or title holds {@code text} (in any case, both sides lowered by
     * the database; every source when it is empty), newest first, and how many do.
     */
    @Query("select s from Source s where not exists (select 1 from Source t where t.previousId = s.id)"
            + " and (:text = '' or locate(lower(:text), lower(s.publisher)) > 0"
            + " or locate(lower(:text), lower(s.title)) > 0)"
            + " order by s.publishedOn desc, s.id desc")
    Page<Source> findCurrentVersions(@Param("text") String text, Pageable page);

    Optional<Source> findByPreviousId(long previousId);
}
