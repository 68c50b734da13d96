package org.custodian.mineaction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Mine accidents, always read through the caller's scope. */
interface Accidents extends JpaRepository<Accident, Long> {

    String IN_SCOPE = "(:all = true or a.regionCode in :codes)";

    @Query("select a from Accident a where " + IN_SCOPE
            + " and (:region is null or a.regionCode = :region) order by a.occurredAt desc")
    List<Accident> findInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    /** A page of the accidents' ids, latest first, and how many match: a page reads only its accidents. */
    @Query("select a.id from Accident a where " + IN_SCOPE
            + " and (:region is null or a.regionCode = :region) order by a.occurredAt desc, a.id desc")
    Page<Long> findIdsInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            Pageable page);

    @Query("select a from Accident a where a.id = :id and " + IN_SCOPE)
    Optional<Accident> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}
