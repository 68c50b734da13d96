package org.custodian.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Alert records, always read through the caller's regions. */
interface AlertRecords extends JpaRepository<Alert, Long> {

    @Query("select a from Alert a where (:all = true or a.regionCode in :codes) order by a.composedAt desc, a.id desc")
    List<Alert> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select a from Alert a where a.id = :id and (:all = true or a.regionCode in :codes)")
    Optional<Alert> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    /** Messages that went out, for the public feed and documents. */
    @Query("select a from Alert a where a.status in :statuses order by a.sentAt desc, a.id desc")
    List<Alert> findByStatuses(@Param("statuses") Collection<Alert.Status> statuses);

    Optional<Alert> findByIdentifier(String identifier);

    @Query("select a from Alert a where a.status = org.custodian.alerts.Alert.Status.ISSUED and a.expires <= :now")
    List<Alert> findExpired(@Param("now") Instant now);
}

/** Loudspeaker announcements of alerts. */
interface LoudspeakerTaskRecords extends JpaRepository<LoudspeakerTask, Long> {

    List<LoudspeakerTask> findByAlertIdOrderBySettlementName(long alertId);

    Optional<LoudspeakerTask> findByIdAndAlertId(long id, long alertId);
}
