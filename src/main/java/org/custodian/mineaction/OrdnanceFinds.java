package org.custodian.mineaction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Ordnance finds, always read through the caller's scope; lists newest first. */
interface OrdnanceFinds extends JpaRepository<OrdnanceFind, Long> {

    String IN_SCOPE = "(:all = true or f.regionCode in :codes)";

    @Query("select f from OrdnanceFind f where " + IN_SCOPE
            + " and (:region is null or f.regionCode = :region) order by f.foundOn desc, f.id desc")
    List<OrdnanceFind> findInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            Limit limit);

    boolean existsByFieldSubmissionId(long fieldSubmissionId);

    @Query("select f from OrdnanceFind f where f.id = :id and " + IN_SCOPE)
    Optional<OrdnanceFind> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}
