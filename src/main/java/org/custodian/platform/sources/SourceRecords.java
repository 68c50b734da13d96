package org.custodian.platform.sources;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SourceRecords extends JpaRepository<Source, Long> {

    /** The current version (one no other version corrects) with this publisher and title. */
    @Query("select s from Source s where s.publisher = :publisher and s.title = :title"
            + " and not exists (select 1 from Source t where t.previousId = s.id)")
    Optional<Source> findCurrent(String publisher, String title);

    /** The current version of every source, newest first. */
    @Query("select s from Source s where not exists (select 1 from Source t where t.previousId = s.id)"
            + " order by s.publishedOn desc, s.id desc")
    List<Source> findCurrentVersions();

    Optional<Source> findByPreviousId(long previousId);
}
