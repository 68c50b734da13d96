package org.custodian.incidents;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Incidents by id through the caller's scope; filtered lists are built in {@link IncidentSearch}. */
interface IncidentRecords extends JpaRepository<Incident, Long> {

    @Query("select i from Incident i where i.id = :id and (:all = true or i.regionCode in :codes)")
    Optional<Incident> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsByAccidentId(long accidentId);

    boolean existsByFieldSubmissionId(long fieldSubmissionId);

    Optional<Incident> findByAccidentId(long accidentId);
}
