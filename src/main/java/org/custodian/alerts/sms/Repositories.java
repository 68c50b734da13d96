package org.custodian.alerts.sms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Subscriber records, always read through the caller's regions. */
interface SubscriberRecords extends JpaRepository<Subscriber, Long> {

    @Query("select s from Subscriber s where (:all = true or s.regionCode in :codes)"
            + " and (:region is null or s.regionCode = :region) and s.status <> 'ERASED' order by s.id desc")
    List<Subscriber> findInScope(
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            @Param("region") @org.jspecify.annotations.Nullable String region,
            Pageable page);

    @Query("select s from Subscriber s where s.id = :id and (:all = true or s.regionCode in :codes)")
    Optional<Subscriber> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    Optional<Subscriber> findByPhoneHash(String phoneHash);
}

/** Reads of numbers, each audited as it is written. */
interface NumberReads extends JpaRepository<NumberRead, Long> {}
