package org.custodian.platform.sources;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SourceRecords extends JpaRepository<Source, Long> {

    Optional<Source> findByPublisherAndTitle(String publisher, String title);

    List<Source> findAllByOrderByPublishedOnDescIdDesc();
}
